/**
 * 个人中心 (seed §三, SPEC §2.1): the profile table as the seed lays it out (ID number and mobile
 * masked by the server), 修改密码 / 退出登录, the identity status with a way to /identity while not
 * verified, the 快捷入口 and 查询中心 — services this system does not run are shown as 未开放, not as
 * links — and 通知公告 (`GET /api/notices`).
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, isApiError } from '../api';
import type { MeView } from '../api-types';
import { CandidatePage } from '../components/CandidatePage';
import { ErrorNotice, Loading } from '../components/Status';
import { formatDateTime } from '../format';
import { session } from '../session';
import { useApi } from '../use-api';

/** An entry of 快捷入口 / 查询中心: a link when this system serves it, else shown 未开放. */
interface Entry {
  readonly label: string;
  readonly to?: string;
}

/** The seed's 快捷入口, in its order. */
const QUICK_ENTRIES: Entry[] = [
  { label: '理论课报名' },
  { label: '转考申请' },
  { label: '免考申请', to: '/apply' },
  { label: '实践性环节报名' },
  { label: '毕业申请' },
];

/** The seed's 查询中心, in its order (通知公告 is its own section below). */
const QUERY_ENTRIES: Entry[] = [
  { label: '合格成绩查询' },
  { label: '当次成绩查询' },
  { label: '报考简章' },
  { label: '专业计划查询' },
  { label: '准考证打印' },
  { label: '免考审核结果查询', to: '/results' },
  { label: '毕业审定结果查询' },
];

/** The personal center. */
export function Me() {
  return <CandidatePage title="个人中心">{(me) => <MeBody me={me} />}</CandidatePage>;
}

function MeBody({ me }: { me: MeView }) {
  return (
    <>
      <AccountLinks />
      <ProfileTable me={me} />
      <IdentitySection me={me} />
      <section className="section" aria-labelledby="quick-title">
        <h2 id="quick-title">快捷入口</h2>
        <EntryGrid entries={QUICK_ENTRIES} />
        {!me.eligibility.canApply && me.eligibility.reasons.length ? (
          <div className="notice notice-info eligibility">
            <p className="notice-title">暂不能提交免考申请：</p>
            <ul className="notice-list">
              {me.eligibility.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      <section className="section" aria-labelledby="query-title">
        <h2 id="query-title">查询中心</h2>
        <EntryGrid entries={QUERY_ENTRIES} />
      </section>
      <Notices />
    </>
  );
}

function AccountLinks() {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const logout = async () => {
    setBusy(true);
    setError(null);
    try {
      await session.logout();
      navigate('/', { replace: true });
    } catch (e) {
      setBusy(false);
      setError(isApiError(e) ? `退出登录失败：${e.message}` : '退出登录失败，请稍后再试。');
    }
  };
  return (
    <>
      <p className="account-links">
        <Link to="/me/password">修改密码</Link>
        <button type="button" className="link-button" onClick={logout} disabled={busy}>
          退出登录
        </button>
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** The seed's profile table: 姓名 身份证号 / 准考证号 性别 / 民族 户口性质 / 文化程度 职业 / 政治面貌 手机号 / 报名区县 电子邮箱. */
function ProfileTable({ me }: { me: MeView }) {
  const rows: Array<[string, string | null | undefined]> = [
    ['姓名', me.name],
    ['身份证号', me.idNumber],
    ['准考证号', me.ticketNumber],
    ['性别', me.gender],
    ['民族', me.ethnicity],
    ['户口性质', me.hukouType],
    ['文化程度', me.education],
    ['职业', me.occupation],
    ['政治面貌', me.politicalStatus],
    ['手机号', me.mobile],
    ['报名区县', me.point?.name],
    ['电子邮箱', me.email],
  ];
  return (
    <section className="section" aria-labelledby="profile-title">
      <h2 id="profile-title">个人信息</h2>
      <dl className="profile">
        {rows.map(([label, value]) => (
          <div key={label} className="profile-row">
            <dt>{label}</dt>
            <dd>{value ? value : '—'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function IdentitySection({ me }: { me: MeView }) {
  const verified = me.identity.status === 'verified';
  return (
    <section className={verified ? 'section' : 'section identity-callout'} aria-labelledby="identity-title">
      <h2 id="identity-title">
        身份认证{' '}
        <span
          className={`badge ${verified ? 'badge-open' : me.identity.status === 'photo_rejected' ? 'badge-stop' : 'badge-muted'}`}
        >
          {me.identity.statusText}
        </span>
      </h2>
      {verified ? (
        <p>您的身份已认证通过。</p>
      ) : (
        <>
          <p>身份认证通过前，只能查看认证状态和上传照片。</p>
          {me.identity.rejection ? <p className="field-error">未通过原因：{me.identity.rejection.reason}</p> : null}
          <p>
            <Link className="button button-primary button-block" to="/identity">
              {me.identity.status === 'manual_review' ? '查看认证状态' : '上传照片，完成身份认证'}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}

function EntryGrid({ entries }: { entries: Entry[] }) {
  return (
    <ul className="entry-grid">
      {entries.map((entry) => (
        <li key={entry.label}>
          {entry.to ? (
            <Link className="tile" to={entry.to}>
              {entry.label}
            </Link>
          ) : (
            <span className="tile tile-disabled" aria-disabled="true">
              {entry.label}
              <span className="badge badge-muted">未开放</span>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** 通知公告: what admins published, newest first. */
function Notices() {
  const notices = useApi(api.listNotices);
  return (
    <section className="section" aria-labelledby="notices-title">
      <h2 id="notices-title">通知公告</h2>
      {notices.status === 'loading' ? <Loading label="正在加载通知…" /> : null}
      {notices.status === 'error' ? (
        <ErrorNotice
          title="通知加载失败"
          error={notices.error}
          onRetry={notices.error.retryable ? notices.retry : undefined}
        />
      ) : null}
      {notices.status === 'ok' && notices.data.items.length === 0 ? <p className="empty">暂无通知</p> : null}
      {notices.status === 'ok' && notices.data.items.length > 0 ? (
        <ul className="notice-items">
          {notices.data.items.map((notice) => (
            <li key={notice.noticeId}>
              <details>
                <summary>
                  <span className="notice-item-title">{notice.title}</span>{' '}
                  <time className="notice-item-date" dateTime={notice.publishedAt}>
                    {formatDateTime(notice.publishedAt)}
                  </time>
                </summary>
                <p className="notice-item-body">{notice.body}</p>
              </details>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
