/**
 * The state the steps of the application flow share (loaded once by {@link ApplyApp} when /apply/* is
 * entered): the signed-in candidate, the catalog, and this window's application with eligibility.
 * Each step writes through the API and puts the answer back here, so moving between steps needs no
 * reload; a refused write that means "the application changed" (conflict, state, window) reloads it.
 */
import { createContext, useCallback, useContext, type Dispatch, type SetStateAction } from 'react';
import { ApiError, isApiError } from '../api';
import type { ApplicationView, CatalogView, MeView, MyApplicationView } from '../api-types';

/** What every step reads and how it writes back. */
export interface ApplyContextValue {
  readonly me: MeView;
  readonly catalog: CatalogView;
  /** `getApplication`'s answer, with the application kept current after each write. */
  readonly state: MyApplicationView;
  /** Puts the application a write answered with into the shared state. */
  update(view: ApplicationView): void;
  /** Loads the application again. @throws ApiError when it cannot be loaded */
  reload(): Promise<void>;
  /** A message for the next page shown (e.g. after a conflict reload, or 提交成功), or null. */
  readonly flash: Flash | null;
  setFlash: Dispatch<SetStateAction<Flash | null>>;
}

/** A one-off notice shown at the top of one page (until the person leaves it). */
export interface Flash {
  readonly kind: 'info' | 'success';
  readonly text: string;
  /** The page that shows it, e.g. `/apply/detail`. */
  readonly path: string;
}

/** The shared state; provided by ApplyApp. */
export const ApplyContext = createContext<ApplyContextValue | null>(null);

/** The shared state of the application flow. @throws Error outside ApplyApp (a programming error) */
export function useApply(): ApplyContextValue {
  const value = useContext(ApplyContext);
  if (!value) throw new Error('useApply() is only available inside ApplyApp');
  return value;
}

/** Error codes that mean the stored application is not what the page shows any more. */
const STALE_CODES = new Set(['VERSION_CONFLICT', 'INVALID_STATE', 'WINDOW_CLOSED', 'NOT_ELIGIBLE', 'NOT_FOUND']);

/** Shown instead of the server's "请刷新后重试": the page has already reloaded the application. */
export const CONFLICT_MESSAGE = '申请信息已在其他页面或设备上更新，已为您刷新为最新内容，请核对后重新操作。';

/**
 * Turns any failure of a write into an {@link ApiError} to show and, when the application changed
 * elsewhere (another tab or phone, staff, the window closing), reloads it.
 */
export function useWriteErrors(): (error: unknown) => ApiError {
  const { reload } = useApply();
  return useCallback(
    (error: unknown) => {
      const apiError = isApiError(error)
        ? error
        : new ApiError('BAD_RESPONSE', '系统繁忙，请稍后再试。', { cause: error });
      if (!STALE_CODES.has(apiError.code)) return apiError;
      reload().catch(() => undefined);
      return apiError.code === 'VERSION_CONFLICT'
        ? new ApiError(apiError.code, CONFLICT_MESSAGE, { status: apiError.status, cause: apiError })
        : apiError;
    },
    [reload],
  );
}
