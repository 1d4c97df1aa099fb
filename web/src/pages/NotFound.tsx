/** Any address the app does not know. */
import { Link } from 'react-router';
import { Page } from '../components/Page';

/** 页面不存在, with a way back home. */
export function NotFound() {
  return (
    <Page title="页面不存在">
      <p>您访问的页面不存在，可能是链接有误或页面已调整。</p>
      <p>
        <Link className="button" to="/">
          返回首页
        </Link>
      </p>
    </Page>
  );
}
