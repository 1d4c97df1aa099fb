/**
 * 免考审核结果查询 (SPEC §2.2 step 6): per course, the review result and its reason
 * (`getReviewResults`): 课程代码 / 课程名称 / 证书 / 审核结果 / 原因, 待审核 until staff decide. When
 * nothing has been submitted in this window, it says so and leads to 免考申请.
 */
import { Link } from 'react-router';
import { api, isApiError } from '../api';
import type { ReviewResult, ReviewResultsView } from '../api-types';
import { CandidatePage } from '../components/CandidatePage';
import { ErrorNotice, Loading } from '../components/Status';
import { formatDateTime } from '../format';
import { useApi } from '../use-api';
import '../apply/apply.css';

const VERDICT_CLASS: Record<ReviewResult['verdict'], string> = {
  approved: 'badge-open',
  rejected: 'badge-stop',
  pending: 'badge-muted',
};

/** The results page. */
export function Results() {
  return <CandidatePage title="免考审核结果查询">{() => <ResultsBody />}</CandidatePage>;
}

/** The results, or null when nothing was submitted (404). */
async function loadResults(signal: AbortSignal): Promise<ReviewResultsView | null> {
  try {
    return await api.getReviewResults(signal);
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

function ResultsBody() {
  const results = useApi(loadResults);
  if (results.status === 'loading') return <Loading label="正在查询审核结果…" />;
  if (results.status === 'error') {
    return <ErrorNotice error={results.error} onRetry={results.error.retryable ? results.retry : undefined} />;
  }
  const view = results.data;
  if (!view) {
    return (
      <div className="notice notice-info" role="status">
        <p className="notice-title">暂无审核结果</p>
        <p>您在本次免考申请期间还没有提交免考申请，提交后可在此查询每门课程的审核结果。</p>
        <p>
          <Link className="button button-primary" to="/apply">
            免考申请
          </Link>
        </p>
      </div>
    );
  }
  const decided = formatDateTime(view.decidedAt);
  return (
    <>
      <section className="section">
        <p className="apply-line">
          <span className="apply-line-item">
            <span className="apply-line-label">申请编号：</span>
            <span className="apply-number">{view.applicationNumber ?? '—'}</span>
          </span>
          <span className="apply-line-item">
            <span className="apply-line-label">申请状态：</span>
            {view.statusText}
          </span>
          {decided ? (
            <span className="apply-line-item">
              <span className="apply-line-label">审核完成时间：</span>
              {decided}
            </span>
          ) : null}
        </p>
        {view.status !== 'decided' ? (
          <p className="note">免考确认点审核完成后，这里会显示每门课程的审核结果和原因。</p>
        ) : null}
        <table className="cert-table results-table" role="table">
          <caption className="visually-hidden">各课程免考审核结果</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th role="columnheader" scope="col">
                课程代码
              </th>
              <th role="columnheader" scope="col">
                课程名称
              </th>
              <th role="columnheader" scope="col">
                证书
              </th>
              <th role="columnheader" scope="col">
                审核结果
              </th>
              <th role="columnheader" scope="col">
                原因
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {view.results.map((r) => (
              <tr key={r.code} role="row">
                <td role="cell" data-label="课程代码" className="course-code">
                  {r.code}
                </td>
                <td role="cell" data-label="课程名称">
                  {r.name}
                </td>
                <td role="cell" data-label="证书">
                  {r.certificateTypeName}
                </td>
                <td role="cell" data-label="审核结果">
                  <span className={`badge ${VERDICT_CLASS[r.verdict]}`}>{r.verdictText}</span>
                </td>
                <td role="cell" data-label="原因">
                  {r.reason ?? '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="apply-actions">
        <Link className="button" to="/apply/detail">
          查看申请信息详情
        </Link>
        <Link className="button" to="/">
          返回首页
        </Link>
      </div>
    </>
  );
}
