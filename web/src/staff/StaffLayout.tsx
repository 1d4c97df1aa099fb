/**
 * The frame of the signed-in staff pages: a bar with the staff navigation (申请审核, 身份核验, and 管理
 * for admins only) and the signed-in name with 退出. Wider than the candidate pages (tables and photos
 * side by side on a PC), still usable on a tablet.
 */
import { useState, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { isApiError } from '../api';
import { useStaff } from './staff-context';

/** The staff layout around a page. */
export function StaffLayout({ children }: { children: ReactNode }) {
  const { staff, signOut } = useStaff();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const logout = async () => {
    setBusy(true);
    setError(null);
    try {
      await signOut();
    } catch (e) {
      setError(isApiError(e) ? `退出登录失败：${e.message}` : '退出登录失败，请稍后再试。');
      setBusy(false);
    }
  };

  return (
    <div className="staff">
      <div className="staff-bar">
        <nav className="staff-nav" aria-label="工作人员导航">
          <NavLink to="/staff/applications">申请审核</NavLink>
          <NavLink to="/staff/identity">身份核验</NavLink>
          {staff.role === 'admin' ? <NavLink to="/staff/admin">管理</NavLink> : null}
        </nav>
        <div className="staff-user">
          <span className="staff-user-name">
            {staff.displayName}
            <span className="staff-user-role">（{staff.role === 'admin' ? '省级管理员' : '确认点工作人员'}）</span>
          </span>
          <button type="button" className="button button-small" onClick={logout} disabled={busy}>
            退出
          </button>
        </div>
      </div>
      {error ? (
        <div className="notice notice-error" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      {children}
    </div>
  );
}
