/**
 * `useApi(load)`: runs an API call when a page mounts and exposes loading / error / data states plus
 * `retry()` for the error notice's 重试 button. The call is cancelled when the page unmounts.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, isApiError } from './api';

/** State of one API call as a page renders it. */
export type ApiState<T> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ok'; data: T };

/** What {@link useApi} returns: the state and a function that runs the call again. */
export type ApiResource<T> = ApiState<T> & { retry: () => void };

/**
 * Runs `load` on mount (and on `retry()`), cancelling it on unmount.
 * @param load The call; receives an AbortSignal to pass to the API client. Keep it stable (module
 *   function or useCallback) — a new function each render would reload each render.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>): ApiResource<T> {
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ok', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = isApiError(error)
          ? error
          : new ApiError('BAD_RESPONSE', '系统繁忙，请稍后再试。', { cause: error });
        setState({ status: 'error', error: apiError });
      },
    );
    return () => controller.abort();
  }, [load, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
