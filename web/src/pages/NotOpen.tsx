/**
 * The page of a service that is not built yet. It says so plainly (未开放) instead of showing a form
 * that would not work; each route replaces it with the real page when that page exists.
 */
import { Link } from 'react-router';
import { Page } from '../components/Page';

/** A service that is not open yet. @param title The service's name, as the seed words it. */
export function NotOpen({ title }: { title: string }) {
  return (
    <Page title={title}>
      <div className="notice notice-info">
        <p className="notice-title">
          <span className="badge badge-muted">未开放</span> 该功能暂未开放
        </p>
        <p>“{title}”正在建设中，开放后即可在此办理。请留意首页的免考申请期间和通知公告。</p>
      </div>
      <p>
        <Link className="button" to="/">
          返回首页
        </Link>
      </p>
    </Page>
  );
}
