/**
 * `useResource(load)`: like the app's `useApi`, but `reload()` keeps showing the data it has while the
 * new answer comes (a staff member reading an application, or typing a reason, must not see the page
 * blank out when fresh photo URLs or the state after an action are fetched). A new `load` function
 * (other filters, another application) starts from nothing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, isApiError } from '../api';

/** What the page renders: the last data (if any), the last error (if the last call failed), loading. */
export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Loads again, keeping `data` until the answer arrives. */
  reload: () => void;
}

function toApiError(error: unknown): ApiError {
  return isApiError(error) ? error : new ApiError('BAD_RESPONSE', '系统繁忙，请稍后再试。', { cause: error });
}

/**
 * Runs `load` on mount, whenever `load` changes, and on `reload()`; cancels the call it replaces.
 * @param load Keep it stable (useCallback with the filters as dependencies).
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [nonce, setNonce] = useState(0);
  const lastLoad = useRef(load);

  useEffect(() => {
    const controller = new AbortController();
    const fresh = lastLoad.current !== load;
    lastLoad.current = load;
    setState((previous) => (fresh ? { loading: true } : { ...previous, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState((previous) => ({ ...previous, error: toApiError(error), loading: false }));
      },
    );
    return () => controller.abort();
  }, [load, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
