/** The admin section (省级管理员 only): a tab-like navigation over its pages. */
import { NavLink, Outlet } from 'react-router';

/** Admin pages and their addresses under /staff/admin. */
export const ADMIN_PAGES = [
  { path: 'accounts', title: '工作人员账户' },
  { path: 'roster', title: '在籍考生名册导入' },
  { path: 'window', title: '免考申请期间' },
  { path: 'notices', title: '通知公告' },
  { path: 'catalog', title: '专业目录导入' },
] as const;

/** Layout route of the admin pages. */
export function AdminLayout() {
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="管理功能">
        {ADMIN_PAGES.map((page) => (
          <NavLink key={page.path} to={`/staff/admin/${page.path}`}>
            {page.title}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
