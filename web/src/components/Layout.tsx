/**
 * The frame of every page: skip link, header (platform name, service name, a short nav: 首页 and
 * 考生登录, or the signed-in candidate's name and 退出), main, footer.
 * Moves keyboard and screen-reader focus to <main> after each in-app navigation, since a single-page
 * app does not reload the document.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../api';
import { session, useSession } from '../session';

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
  const [alert, setAlert] = useState<string | null>(null);

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
            {/* Staff pages have their own bar (navigation, name, 退出) in the staff chunk. */}
            {isStaff ? null : <CandidateNav onError={setAlert} />}
          </nav>
        </div>
      </header>
      {alert ? (
        <div className="site-alert notice notice-error" role="alert">
          <p>{alert}</p>
          <button type="button" className="button" onClick={() => setAlert(null)}>
            知道了
          </button>
        </div>
      ) : null}
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

/**
 * The candidate's part of the header: 考生登录 when signed out; the name (→ 个人中心) and 退出 when
 * signed in. Asks the server once per page load (see `session.check`).
 */
function CandidateNav({ onError }: { onError: (message: string | null) => void }) {
  const current = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  useEffect(() => session.check(), []);

  if (current.status === 'unknown') return null;
  if (current.status === 'signed-out') return <NavLink to="/login">考生登录</NavLink>;

  const logout = async () => {
    setBusy(true);
    onError(null);
    try {
      await session.logout();
      navigate('/', { replace: true });
    } catch (error) {
      onError(isApiError(error) ? `退出登录失败：${error.message}` : '退出登录失败，请稍后再试。');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <NavLink to="/me" end>
        {current.me.name}
        <span className="visually-hidden">（个人中心）</span>
      </NavLink>
      <button type="button" className="nav-button" onClick={logout} disabled={busy}>
        退出
      </button>
    </>
  );
}
