/** Loading and error states shared by every page that calls the API. */
import type { ApiError } from '../api';

/** A polite loading notice (announced by screen readers, no spinner needed). */
export function Loading({ label = '正在加载…' }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}

/**
 * An error notice with the API's Chinese message and, when trying again may help, a 重试 button.
 * @param onRetry Called by the button; leave out for errors that a retry cannot fix.
 */
export function ErrorNotice({
  error,
  onRetry,
  title = '加载失败',
}: {
  error: ApiError;
  onRetry?: () => void;
  title?: string;
}) {
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{title}</p>
      <p>{error.message}</p>
      {error.requestId ? <p className="notice-meta">错误编号：{error.requestId}</p> : null}
      {onRetry ? (
        <button type="button" className="button button-primary" onClick={onRetry}>
          重试
        </button>
      ) : null}
    </div>
  );
}
