/**
 * 申请详情 (/staff/applications/:id): everything the candidate entered, every photo side by side
 * (identity photos and each certificate's, with zoom and rotation), the identity result with its
 * similarity and threshold, the attempt count, the return reason and decisions, the audit trail, and
 * the actions the application allows now: 审核 (per course 通过/不通过 + 原因) and 退回 (with a reason).
 *
 * After an action the detail is loaded again. When someone else acted first (409 VERSION_CONFLICT) the
 * server's message is shown with the state loaded again, so nobody decides on a stale page.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { isApiError, type ApiError } from '../api';
import { Page } from '../components/Page';
import { ErrorNotice, Loading } from '../components/Status';
import { formatDateTime } from '../format';
import type { DetailState } from './ApplicationQueue';
import { actionLabel, actorLabel, auditNote, manualReasonLabel, SLOT_LABELS } from './labels';
import { PhotoGallery, usePhotoRefresh, type ViewerPhoto } from './Photos';
import { staffApi, type CourseDecisionInput, type IdentitySlot, type StaffApplicationDetail } from './staff-api';
import { StatusBadge } from './StatusBadge';
import { useResource } from './use-resource';

/** A message above the actions after one ran (or was refused because someone else acted first). */
interface ActionNotice {
  kind: 'success' | 'conflict';
  text: string;
}

const OUTCOME_LABELS: Record<string, string> = {
  compared: '已比对',
  'no-face': '未检测到人脸',
  unavailable: '比对服务不可用',
};

function slotLabel(slot: string, fallback: string): string {
  return slot in SLOT_LABELS ? SLOT_LABELS[slot as IdentitySlot] : fallback;
}

const SLOT_ORDER = Object.keys(SLOT_LABELS);
const slotRank = (slot: string) => (SLOT_ORDER.includes(slot) ? SLOT_ORDER.indexOf(slot) : SLOT_ORDER.length);

/** `2019-06` → `2019年6月`. */
function formatMonth(value: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return match ? `${match[1]}年${Number(match[2])}月` : value;
}

function formatSimilarity(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)}%`;
}

/** The courses the application claims, once each, in the order of its certificates. */
function claimedCourses(detail: StaffApplicationDetail): Array<{ code: string; name: string }> {
  const seen = new Map<string, string>();
  for (const certificate of detail.certificates)
    for (const course of certificate.courses) if (!seen.has(course.code)) seen.set(course.code, course.name);
  return [...seen].map(([code, name]) => ({ code, name }));
}

/** A definition list of label → value rows. */
function Facts({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label} className="facts-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The application detail page. */
export function ApplicationDetail() {
  const location = useLocation();
  // From the path (/staff/applications/:applicationId) rather than useParams, which the candidate
  // pages do not use: see query.ts on why the staff chunk avoids react-router extras.
  const applicationId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');
  const back = (location.state as DetailState | null) ?? {};
  const detail = useResource(
    useCallback((signal: AbortSignal) => staffApi.getApplication(applicationId, signal), [applicationId]),
  );
  const refreshPhotos = usePhotoRefresh(detail.reload);
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const onActed = (result: ActionNotice) => {
    setNotice(result);
    detail.reload();
  };

  const backLink = (
    <Link
      className="back-link"
      to={back.back && back.back.startsWith('/staff/applications') ? back.back : '/staff/applications'}
      state={{ cursors: back.backCursors ?? [] }}
    >
      ‹ 返回申请列表
    </Link>
  );

  const data = detail.data;
  if (!data) {
    return (
      <Page title="申请详情">
        {backLink}
        {detail.error ? (
          <ErrorNotice error={detail.error} onRetry={detail.error.retryable ? detail.reload : undefined} />
        ) : (
          <Loading />
        )}
      </Page>
    );
  }

  // In the seed's order (证件照, 人像面, 手持), whatever order the stored map comes back in.
  const identityPhotos: ViewerPhoto[] = [...data.identity.photos]
    .sort((a, b) => slotRank(a.slot) - slotRank(b.slot))
    .map((p) => ({ key: p.slot, label: slotLabel(p.slot, p.name), url: p.url }));
  const courses = claimedCourses(data);
  const courseName = (code: string) => courses.find((c) => c.code === code)?.name ?? '';

  return (
    <Page title={`申请详情 ${data.applicationNumber ?? ''}`.trim()}>
      {backLink}
      {detail.error ? <ErrorNotice error={detail.error} title="刷新失败" onRetry={detail.reload} /> : null}

      <section className="section" aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="visually-hidden">
          申请概况
        </h2>
        <div className="detail-status">
          <StatusBadge status={data.status} text={data.status === 'returned' ? '被退回' : data.statusText} />
          <span className="attempt">第{data.attempt}次申请</span>
          {detail.loading ? <span className="muted">正在刷新…</span> : null}
        </div>
        <Facts
          rows={[
            ['申请编号', data.applicationNumber ?? '—'],
            ['申请状态', data.statusText],
            ['提交时间', formatDateTime(data.submittedAt) ?? '—'],
            ['免考确认点', data.point.name],
            [
              '申请专业',
              data.majorDetails.map((m) => (
                <span key={m.code} className="cell-line">
                  {m.code} {m.name}
                  {m.level ? `（${m.level}）` : ''}
                </span>
              )),
            ],
          ]}
        />
      </section>

      <div className="detail-columns">
        <section className="section" aria-labelledby="applicant-heading">
          <h2 id="applicant-heading">考生信息</h2>
          <Facts
            rows={[
              ['姓名', data.applicant.name],
              ['性别', data.applicant.gender],
              ['身份证号', <span className="mono">{data.applicant.idNumber}</span>],
              ['准考证号', <span className="mono">{data.applicant.ticketNumber}</span>],
              ['手机号', <span className="mono">{data.applicant.mobile}</span>],
            ]}
          />
        </section>

        <section className="section" aria-labelledby="identity-heading">
          <h2 id="identity-heading">身份核验</h2>
          <Facts
            rows={[
              ['核验结果', data.identity.statusText || '—'],
              ...(data.identity.manualReason
                ? [['转人工原因', manualReasonLabel(data.identity.manualReason)] as [string, ReactNode]]
                : []),
              [
                '人脸相似度',
                data.identity.comparisons.length ? (
                  <ul className="plain-list">
                    {data.identity.comparisons.map((c) => (
                      <li key={`${c.source}-${c.target}`}>
                        {slotLabel(c.source, c.source)} 与 {slotLabel(c.target, c.target)}：
                        {formatSimilarity(c.similarity)}（{OUTCOME_LABELS[c.outcome] ?? c.outcome}）
                      </li>
                    ))}
                  </ul>
                ) : (
                  '未进行自动比对'
                ),
              ],
              ['通过阈值', data.identity.threshold === null ? '—' : `${data.identity.threshold}%`],
              [
                '审核',
                data.identity.decidedAt
                  ? `${data.identity.decidedBy === 'system' ? '系统自动' : `工作人员 ${data.identity.decidedBy ?? ''}`}，${formatDateTime(data.identity.decidedAt) ?? ''}`
                  : '—',
              ],
            ]}
          />
        </section>
      </div>

      <section className="section" aria-labelledby="identity-photos-heading">
        <h2 id="identity-photos-heading">身份照片</h2>
        <PhotoGallery photos={identityPhotos} label="身份照片" onExpired={refreshPhotos} />
      </section>

      <section className="section" aria-labelledby="certificates-heading">
        <h2 id="certificates-heading">证书与免考课程</h2>
        {data.certificates.length === 0 ? <p className="empty">无证书</p> : null}
        {data.certificates.map((certificate, index) => (
          <article key={certificate.certificateId} className="certificate" aria-labelledby={`cert-${index}`}>
            <h3 id={`cert-${index}`}>
              证书{index + 1}：{certificate.certificateTypeName}
            </h3>
            <div className="certificate-body">
              <Facts
                rows={[
                  ['考试科目', certificate.subject],
                  ['考试时间', formatMonth(certificate.examTime)],
                  ['证书编号', <span className="mono">{certificate.certificateNumber}</span>],
                  [
                    '免考课程',
                    <ul className="plain-list">
                      {certificate.courses.map((c) => (
                        <li key={c.code}>
                          {c.code} {c.name}
                        </li>
                      ))}
                    </ul>,
                  ],
                ]}
              />
              <PhotoGallery
                label={`证书${index + 1}照片`}
                onExpired={refreshPhotos}
                photos={certificate.photos.map((p, i) => ({
                  key: p.photoId,
                  label: `证书${index + 1}照片${certificate.photos.length > 1 ? i + 1 : ''}（${p.width}×${p.height}）`,
                  url: p.url,
                }))}
              />
            </div>
          </article>
        ))}
      </section>

      {data.returnReason ? (
        <section className="section" aria-labelledby="returned-heading">
          <h2 id="returned-heading">退回记录</h2>
          <Facts
            rows={[
              ['退回原因', data.returnReason],
              ['退回时间', formatDateTime(data.returnedAt) ?? '—'],
              ['退回人', data.returnedBy ?? '—'],
            ]}
          />
        </section>
      ) : null}

      {data.decisions.length ? (
        <section className="section" aria-labelledby="decisions-heading">
          <h2 id="decisions-heading">审核结果</h2>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">课程</th>
                  <th scope="col">结果</th>
                  <th scope="col">原因</th>
                </tr>
              </thead>
              <tbody>
                {data.decisions.map((d) => (
                  <tr key={d.course}>
                    <td>
                      {d.course} {courseName(d.course)}
                    </td>
                    <td>
                      <span className={d.verdict === 'approved' ? 'badge badge-open' : 'badge badge-stop'}>
                        {d.verdict === 'approved' ? '通过' : '不通过'}
                      </span>
                    </td>
                    <td>{d.reason ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="note">
            审核人：{data.decidedBy ?? '—'}，审核时间：{formatDateTime(data.decidedAt) ?? '—'}
          </p>
        </section>
      ) : null}

      <section className="section" aria-labelledby="actions-heading">
        <h2 id="actions-heading">审核操作</h2>
        {notice ? (
          <div
            ref={noticeRef}
            tabIndex={-1}
            className={notice.kind === 'success' ? 'notice notice-success' : 'notice notice-error'}
            role={notice.kind === 'success' ? 'status' : 'alert'}
          >
            <p className="notice-title">{notice.text}</p>
            <p>当前状态：{detail.loading ? '正在刷新…' : data.statusText}</p>
          </div>
        ) : null}
        {!data.canDecide && !data.canReturn ? (
          <p className="muted">
            {data.status === 'decided'
              ? '该申请已审核完成。'
              : '该申请当前不可操作（考生重新申请后再次提交时可审核）。'}
          </p>
        ) : null}
        {data.canDecide ? (
          <DecisionForm key={`decide-${data.version}`} detail={data} courses={courses} onActed={onActed} />
        ) : null}
        {data.canReturn ? <ReturnForm key={`return-${data.version}`} detail={data} onActed={onActed} /> : null}
      </section>

      <section className="section" aria-labelledby="audit-heading">
        <h2 id="audit-heading">操作记录</h2>
        <AuditTrail audit={data.audit} courseName={courseName} />
      </section>
    </Page>
  );
}

/** Turns a failed action into the page notice (409) or a message for the form (anything else). */
function actionFailure(error: unknown, onActed: (notice: ActionNotice) => void): string | null {
  if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
    onActed({ kind: 'conflict', text: error.message });
    return null;
  }
  return isApiError(error) ? error.message : '操作失败，请稍后再试。';
}

function fieldMessages(error: ApiError | null): string[] {
  return error ? Object.values(error.fields) : [];
}

/** 审核: one 通过/不通过 per claimed course, a reason required for 不通过. */
function DecisionForm({
  detail,
  courses,
  onActed,
}: {
  detail: StaffApplicationDetail;
  courses: Array<{ code: string; name: string }>;
  onActed: (notice: ActionNotice) => void;
}) {
  const [verdicts, setVerdicts] = useState<Record<string, 'approved' | 'rejected' | undefined>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    for (const course of courses) {
      const verdict = verdicts[course.code];
      if (!verdict) found[course.code] = '请选择“通过”或“不通过”';
      else if (verdict === 'rejected' && !(reasons[course.code] ?? '').trim())
        found[course.code] = '不通过时请填写原因';
    }
    setProblems(found);
    setServerError(null);
    const first = courses.find((c) => found[c.code]);
    if (first) {
      setError('请对每门课程给出审核结果，不通过的课程须填写原因。');
      const target = verdicts[first.code] ? `reason-${first.code}` : `verdict-${first.code}-approved`;
      requestAnimationFrame(() => document.getElementById(target)?.focus());
      return;
    }
    const decisions: CourseDecisionInput[] = courses.map((course) => {
      const verdict = verdicts[course.code]!;
      const reason = (reasons[course.code] ?? '').trim();
      return verdict === 'rejected' ? { course: course.code, verdict, reason } : { course: course.code, verdict };
    });
    setBusy(true);
    setError(null);
    try {
      await staffApi.decideApplication(detail.applicationId, { decisions, version: detail.version });
      onActed({ kind: 'success', text: '审核结果已提交。' });
    } catch (e) {
      setBusy(false);
      setError(actionFailure(e, onActed));
      if (isApiError(e)) setServerError(e);
    }
  };

  return (
    <form className="action-form" onSubmit={submit} noValidate aria-labelledby="decide-heading">
      <h3 id="decide-heading">审核</h3>
      <p className="muted">逐门课程给出审核结果；提交后审核完成，考生可查询结果。</p>
      {error ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">{error}</p>
          {fieldMessages(serverError).length ? (
            <ul className="notice-list">
              {fieldMessages(serverError).map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {courses.map((course) => {
        const verdict = verdicts[course.code];
        const problem = problems[course.code];
        return (
          <fieldset key={course.code} className={problem ? 'course-decision field-invalid' : 'course-decision'}>
            <legend>
              {course.code} {course.name}
            </legend>
            <div className="radio-row">
              {(['approved', 'rejected'] as const).map((value) => (
                <label key={value} className="radio">
                  <input
                    type="radio"
                    id={`verdict-${course.code}-${value}`}
                    name={`verdict-${course.code}`}
                    value={value}
                    checked={verdict === value}
                    onChange={() => setVerdicts((v) => ({ ...v, [course.code]: value }))}
                    aria-describedby={problem ? `problem-${course.code}` : undefined}
                  />
                  {value === 'approved' ? '通过' : '不通过'}
                </label>
              ))}
            </div>
            {verdict === 'rejected' ? (
              <div className="field">
                <label className="field-label" htmlFor={`reason-${course.code}`}>
                  不通过原因
                </label>
                <input
                  className="input"
                  id={`reason-${course.code}`}
                  value={reasons[course.code] ?? ''}
                  maxLength={200}
                  onChange={(e) => setReasons((r) => ({ ...r, [course.code]: e.target.value }))}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `problem-${course.code}` : undefined}
                  required
                />
              </div>
            ) : null}
            {problem ? (
              <p className="field-error" id={`problem-${course.code}`}>
                {problem}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? '正在提交…' : '提交审核结果'}
      </button>
    </form>
  );
}

/** 退回: a reason (shown to the candidate), then the candidate may re-apply once. */
function ReturnForm({ detail, onActed }: { detail: StaffApplicationDetail; onActed: (notice: ActionNotice) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError('请填写退回原因');
      document.getElementById('return-reason')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await staffApi.returnApplication(detail.applicationId, { reason: reason.trim(), version: detail.version });
      onActed({ kind: 'success', text: '申请已退回，考生可修改后重新申请。' });
    } catch (e) {
      setBusy(false);
      setError(actionFailure(e, onActed));
    }
  };

  return (
    <form className="action-form" onSubmit={submit} noValidate aria-labelledby="return-heading">
      <h3 id="return-heading">退回</h3>
      <p className="muted">
        {detail.attempt >= 2
          ? '这是考生的第2次申请：退回后考生不能再重新申请。'
          : '退回后考生可修改并重新申请一次；退回原因会显示给考生。'}
      </p>
      <div className={error ? 'field field-invalid' : 'field'}>
        <label className="field-label" htmlFor="return-reason">
          退回原因
        </label>
        <textarea
          className="input textarea"
          id="return-reason"
          rows={3}
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'return-error' : 'return-hint'}
          required
        />
        <p className="field-hint" id="return-hint">
          不超过200字，例如：证书编号有误，请核对后重新上传。
        </p>
        {error ? (
          <p className="field-error" id="return-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button-danger" disabled={busy}>
        {busy ? '正在退回…' : '退回申请'}
      </button>
    </form>
  );
}

/** 操作记录: 时间 / 操作人 / 操作 / 说明, oldest first. */
function AuditTrail({
  audit,
  courseName,
}: {
  audit: StaffApplicationDetail['audit'];
  courseName: (code: string) => string;
}) {
  if (!audit.length) return <p className="empty">暂无操作记录</p>;
  return (
    <div className="table-wrap">
      <table className="table audit-table">
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">操作人</th>
            <th scope="col">操作</th>
            <th scope="col">说明</th>
          </tr>
        </thead>
        <tbody>
          {audit.map((entry, index) => (
            <tr key={`${entry.at}-${index}`}>
              <td className="nowrap">{formatDateTime(entry.at)}</td>
              <td>{actorLabel(entry.actor)}</td>
              <td>{actionLabel(entry.action)}</td>
              <td>{auditNote(entry, courseName) || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
