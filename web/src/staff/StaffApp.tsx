/**
 * The staff pages (确认点工作人员 / 省级管理员), loaded as their own chunk only when someone opens
 * /staff, so candidates on phones never download them. For now only the login page's place exists,
 * and it says honestly that staff login is not open yet.
 */
import { Link, Route, Routes } from 'react-router';
import { Page } from '../components/Page';

function StaffLogin() {
  return (
    <Page title="工作人员登录">
      <div className="notice notice-info">
        <p className="notice-title">
          <span className="badge badge-muted">即将开放</span> 工作人员登录即将开放
        </p>
        <p>免考确认点工作人员和省级管理员将在此使用用户名和密码登录，审核免考申请、核验考生身份。</p>
      </div>
      <p>
        <Link className="button" to="/">
          返回首页
        </Link>
      </p>
    </Page>
  );
}

function StaffNotOpen() {
  return (
    <Page title="工作人员服务未开放">
      <p>该工作人员功能暂未开放，请先从工作人员登录页进入。</p>
      <p>
        <Link className="button" to="/staff">
          工作人员登录
        </Link>
      </p>
    </Page>
  );
}

/** Routes under /staff (mounted by App with `staff/*`). */
export default function StaffApp() {
  return (
    <Routes>
      <Route index element={<StaffLogin />} />
      <Route path="*" element={<StaffNotOpen />} />
    </Routes>
  );
}
