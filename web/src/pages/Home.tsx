/**
 * 首页: the entries (新考生 / 在籍考生 / 考生登录 / 工作人员) and the public catalog from
 * `GET /api/catalog` — the application window, the majors open to the public grouped by level as the
 * seed lists them, the confirmation points and the certificate types in the seed's order.
 */
import { Link } from 'react-router';
import { api } from '../api';
import type { CatalogView, ConfirmationPoint, Major, WindowView } from '../api-types';
import { Page, SITE_TITLE } from '../components/Page';
import { ErrorNotice, Loading } from '../components/Status';
import { formatDateTime } from '../format';
import { useApi } from '../use-api';

/** The seed's two lists, in its order: 专科 first, then 本科. */
const LEVELS = [
  { level: '专科', title: '专科面向社会开考专业' },
  { level: '本科', title: '本科面向社会开考专业' },
] as const;

/** Wording of the seed's 专业选择提示 ②. */
const DISCONTINUED_NOTE = '预停考专业，限老生申请';

/** The home page. */
export function Home() {
  const catalog = useApi(api.getCatalog);
  return (
    <Page title={SITE_TITLE} lead="在籍并已注册本平台的考生，可在免考申请期间在线申请课程免考，并查询审核结果。">
      <Entries />
      {catalog.status === 'loading' ? <Loading label="正在加载免考申请信息…" /> : null}
      {catalog.status === 'error' ? (
        <ErrorNotice
          title="免考申请信息加载失败"
          error={catalog.error}
          onRetry={catalog.error.retryable ? catalog.retry : undefined}
        />
      ) : null}
      {catalog.status === 'ok' ? <CatalogSections catalog={catalog.data} /> : null}
    </Page>
  );
}

function Entries() {
  return (
    <section className="entries" aria-labelledby="entries-title">
      <h2 id="entries-title" className="visually-hidden">
        办理入口
      </h2>
      <div className="entry-cards">
        <Link to="/register" className="entry-card">
          <span className="entry-title">我是新考生</span>
          <span className="entry-text">首次参加自学考试：填写个人信息、设置密码，上传“三照”完成身份认证。</span>
        </Link>
        <Link to="/activate" className="entry-card">
          <span className="entry-title">我是在籍考生</span>
          <span className="entry-text">已有准考证号、未设置登录密码：通过身份证号和姓名认证，上传“两照”。</span>
        </Link>
      </div>
      <p className="entry-actions">
        <Link to="/login" className="button button-primary button-block">
          考生登录
        </Link>
        <Link to="/staff" className="button button-block">
          工作人员入口
        </Link>
      </p>
    </section>
  );
}

function CatalogSections({ catalog }: { catalog: CatalogView }) {
  return (
    <>
      <WindowSection window={catalog.window} />
      <section className="section" aria-labelledby="majors-title">
        <h2 id="majors-title">面向社会开考专业</h2>
        {LEVELS.map(({ level, title }) => (
          <MajorList key={level} title={title} majors={catalog.majors.filter((m) => m.level === level)} />
        ))}
        <p className="note">
          <span className="badge badge-stop" aria-hidden="true">
            停
          </span>{' '}
          {DISCONTINUED_NOTE}。每位考生可选择两个不同专业的课程申请免考。
        </p>
      </section>
      <PointsSection points={catalog.confirmationPoints} />
      <section className="section" aria-labelledby="certificates-title">
        <h2 id="certificates-title">可用于申请免考的证书</h2>
        <p className="section-lead">每次申请最多可使用四个证书。证书照片分辨率需大于 800×600，文件小于 3M。</p>
        <ol className="certificate-list">
          {catalog.certificateTypes.map((type) => (
            <li key={type.id}>{type.name}</li>
          ))}
        </ol>
      </section>
    </>
  );
}

function WindowSection({ window }: { window: WindowView }) {
  const opens = formatDateTime(window.opensAt);
  const closes = formatDateTime(window.closesAt);
  return (
    <section className="section window-card" aria-labelledby="window-title">
      <h2 id="window-title">
        免考申请期间{' '}
        {window.open ? (
          <span className="badge badge-open">开放中</span>
        ) : (
          <span className="badge badge-muted">未开放</span>
        )}
      </h2>
      {opens && closes ? (
        <p className="window-dates">
          <time dateTime={window.opensAt ?? undefined}>{opens}</time> 至{' '}
          <time dateTime={window.closesAt ?? undefined}>{closes}</time>
          <span className="window-zone">（北京时间）</span>
        </p>
      ) : (
        <p className="window-dates">本次免考申请期间尚未公布，请留意通知公告。</p>
      )}
      <p className="section-lead">
        {window.open
          ? '申请期间内，在籍且身份认证通过的考生可提交免考申请；提交后如需修改，可重新申请一次。'
          : '免考申请期间以外，只能查看已提交的申请和审核结果。'}
      </p>
    </section>
  );
}

function MajorList({ title, majors }: { title: string; majors: Major[] }) {
  const id = `majors-${title}`;
  return (
    <div className="major-group">
      <h3 id={id}>{title}</h3>
      <ul className="major-list" aria-labelledby={id}>
        {majors.map((major) => (
          <li key={major.code} className={major.discontinued ? 'major major-stop' : 'major'}>
            <span className="major-code">{major.code}</span> <span className="major-name">{major.name}</span>
            {major.discontinued ? (
              <>
                {' '}
                <span className="badge badge-stop" title={DISCONTINUED_NOTE} aria-hidden="true">
                  停
                </span>
                <span className="visually-hidden">（停：{DISCONTINUED_NOTE}）</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PointsSection({ points }: { points: ConfirmationPoint[] }) {
  return (
    <section className="section" aria-labelledby="points-title">
      <h2 id="points-title">免考确认点</h2>
      <p className="section-lead">信息有误无法在线认证、或提交后需要重新申请的，请携带身份证到所选确认点办理。</p>
      <ul className="point-list">
        {points.map((point) => (
          <li key={point.id} className="point">
            <h3 className="point-name">{point.name}</h3>
            <dl className="point-details">
              <div>
                <dt>地址</dt>
                <dd>{point.address || '暂未公布'}</dd>
              </div>
              <div>
                <dt>电话</dt>
                <dd>
                  {point.phone ? <a href={`tel:${point.phone.replace(/[^\d+-]/g, '')}`}>{point.phone}</a> : '暂未公布'}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
