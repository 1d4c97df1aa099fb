/**
 * The staff pages (确认点工作人员 / 省级管理员), loaded as their own chunk only when someone opens
 * /staff, so candidates on phones never download them. Nothing outside this folder imports from it
 * (App.tsx only names it in a dynamic import).
 *
 * /staff                      登录
 * /staff/applications         免考申请审核 (queue)
 * /staff/applications/:id     申请详情 (review, return, decide)
 * /staff/identity             人工身份核验
 * /staff/admin/*              管理 (admins only)
 */
import { Link, Navigate, Route, Routes } from 'react-router';
import { Page } from '../components/Page';
import { AdminLayout } from './admin/AdminLayout';
import { CatalogImport } from './admin/CatalogImport';
import { Notices } from './admin/Notices';
import { RosterImport } from './admin/RosterImport';
import { StaffAccounts } from './admin/StaffAccounts';
import { WindowSettings } from './admin/WindowSettings';
import { ApplicationDetail } from './ApplicationDetail';
import { ApplicationQueue } from './ApplicationQueue';
import { IdentityReviews } from './IdentityReviews';
import { StaffLogin } from './StaffLogin';
import { AdminOnly, StaffFrame } from './staff-session';
import './staff.css';

function StaffNotFound() {
  return (
    <Page title="页面不存在">
      <p>您访问的工作人员页面不存在。</p>
      <p>
        <Link className="button" to="/staff/applications">
          返回申请审核
        </Link>
      </p>
    </Page>
  );
}

/** Routes under /staff (mounted by App with `staff/*`). */
export default function StaffApp() {
  return (
    <div className="staff-root">
      <Routes>
        <Route index element={<StaffLogin />} />
        <Route element={<StaffFrame />}>
          <Route path="applications" element={<ApplicationQueue />} />
          <Route path="applications/:applicationId" element={<ApplicationDetail />} />
          <Route path="identity" element={<IdentityReviews />} />
          <Route path="admin" element={<AdminOnly />}>
            <Route element={<AdminLayout />}>
              <Route index element={<Navigate to="/staff/admin/accounts" replace />} />
              <Route path="accounts" element={<StaffAccounts />} />
              <Route path="roster" element={<RosterImport />} />
              <Route path="window" element={<WindowSettings />} />
              <Route path="notices" element={<Notices />} />
              <Route path="catalog" element={<CatalogImport />} />
            </Route>
          </Route>
          <Route path="*" element={<StaffNotFound />} />
        </Route>
      </Routes>
    </div>
  );
}
