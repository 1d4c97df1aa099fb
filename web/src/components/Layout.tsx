/**
 * The frame of every page: skip link, header (platform name, service name, a short nav), main, footer.
 * Moves keyboard and screen-reader focus to <main> after each in-app navigation, since a single-page
 * app does not reload the document.
 */
import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';

/** Layout route element: renders the current page in <main>. */
export function Layout() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
    window.scrollTo(0, 0);
  }, [pathname]);

  const isStaff = pathname === '/staff' || pathname.startsWith('/staff/');

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <span className="brand-name">山西自学考试信息服务平台</span>
            <span className="brand-sub">{isStaff ? '免考审核 · 工作人员' : '自学考试免考申请'}</span>
          </Link>
          <nav className="site-nav" aria-label="主导航">
            <NavLink to="/" end>
              首页
            </NavLink>
            {isStaff ? (
              <NavLink to="/staff" end>
                工作人员登录
              </NavLink>
            ) : (
              <NavLink to="/login">考生登录</NavLink>
            )}
          </nav>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>山西省高等教育自学考试 · 免考申请</p>
        <p>办理中遇到问题，请电话咨询所选免考确认点。</p>
      </footer>
    </div>
  );
}
