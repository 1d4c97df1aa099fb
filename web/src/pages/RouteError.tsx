/**
 * Shown when rendering a page throws, or when a lazily loaded chunk fails to download (a weak
 * signal, or a new deployment replaced the file): the message says what to do, and 重新加载 helps in
 * both cases.
 */
import { useEffect } from 'react';
import { useRouteError } from 'react-router';

/** The router's error element (rendered without the layout, so it cannot fail the same way). */
export function RouteError() {
  const error = useRouteError();
  useEffect(() => {
    // For developers' consoles only; a render error carries nothing personal.
    console.error(error);
  }, [error]);
  return (
    <main className="site-main" id="main">
      <div className="notice notice-error" role="alert">
        <p className="notice-title">页面加载失败</p>
        <p>可能是手机网络不稳定，或系统刚刚更新。请点击“重新加载”。</p>
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          重新加载
        </button>
      </div>
    </main>
  );
}
