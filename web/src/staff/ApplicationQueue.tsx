/**
 * 免考申请审核 (/staff/applications): a confirmation point's submitted applications, filtered by
 * status and major, newest or oldest first, 20 a page. The filters live in the address (so 返回 from
 * a detail comes back to the same list); the pages already passed are a stack of cursors in the
 * history entry's state (上一页 pops one). 导出CSV downloads the chosen point's applications.
 */
import { useCallback, type ChangeEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Page } from '../components/Page';
import { ErrorNotice, Loading } from '../components/Status';
import { formatDateTime } from '../format';
import { majorLabel, pointName, pointsOf, useCatalog } from './catalog';
import { STATUS_OPTIONS } from './labels';
import { Pager, PointFilter, usePageCursors, type PagedListState } from './ListControls';
import { staffApi, type QueueStatus, type StaffApplicationSummary } from './staff-api';
import { useStaff } from './staff-context';
import { StatusBadge } from './StatusBadge';
import { useQuery } from './query';
import { useResource } from './use-resource';

/** Where a detail page's 返回列表 goes (router location state of the detail): the list and its page. */
export interface DetailState {
  back?: string;
  backCursors?: string[];
}

const isStatus = (value: string | null): value is QueueStatus =>
  value === 'submitted' || value === 'returned' || value === 'decided';

/** The application queue page. */
export function ApplicationQueue() {
  const { staff } = useStaff();
  const catalog = useCatalog();
  const [params, setParams] = useQuery();
  const location = useLocation();
  const navigate = useNavigate();
  const pages = usePageCursors();
  const { cursors, cursor } = pages;

  const points = catalog.data ? pointsOf(staff, catalog.data) : [];
  const pointId = params.get('point') || points[0]?.id || '';
  const status = params.get('status');
  const major = params.get('major') ?? '';
  const order = params.get('order') === 'asc' ? 'asc' : 'desc';

  const load = useCallback(
    (signal: AbortSignal) =>
      staffApi.listApplications(
        { pointId, status: isStatus(status) ? status : undefined, major: major || undefined, order, cursor },
        signal,
      ),
    [pointId, status, major, order, cursor],
  );
  const ready = Boolean(pointId);
  const queue = useResource(
    useCallback(
      (signal: AbortSignal) => (ready ? load(signal) : Promise.resolve({ items: [], cursor: null })),
      [ready, load],
    ),
  );

  // A filter change starts again at the first page; the address is replaced, not pushed.
  const setFilter = (name: string) => (event: ChangeEvent<HTMLSelectElement>) => {
    const next = new URLSearchParams(params);
    if (!next.get('point') && pointId) next.set('point', pointId);
    if (event.target.value) next.set(name, event.target.value);
    else next.delete(name);
    setParams(next, { replace: true, state: { cursors: [] } satisfies PagedListState });
  };
  const goTo = (nextCursors: string[]) => {
    pages.goTo(nextCursors);
    document.getElementById('queue-table')?.focus();
  };

  if (catalog.error && !catalog.data) return <ErrorNotice error={catalog.error} onRetry={catalog.reload} />;
  if (!catalog.data) return <Loading />;

  const page = queue.data;
  const here = location.pathname + location.search;
  const detailState = (): DetailState => ({ back: here, backCursors: cursors });

  return (
    <Page title="免考申请审核">
      <div className="toolbar" role="search" aria-label="筛选免考申请">
        <PointFilter
          id="filter-point"
          catalog={catalog.data}
          points={points}
          value={pointId}
          onChange={setFilter('point')}
        />
        <div className="filter">
          <label htmlFor="filter-status">状态</label>
          <select
            id="filter-status"
            className="input select"
            value={isStatus(status) ? status : ''}
            onChange={setFilter('status')}
          >
            <option value="">全部</option>
            {STATUS_OPTIONS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="filter filter-wide">
          <label htmlFor="filter-major">专业</label>
          <select id="filter-major" className="input select" value={major} onChange={setFilter('major')}>
            <option value="">全部专业</option>
            {catalog.data.majors.map((m) => (
              <option key={m.code} value={m.code}>
                {m.code} {m.name}（{m.level}）
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="filter-order">排序</label>
          <select id="filter-order" className="input select" value={order} onChange={setFilter('order')}>
            <option value="desc">最新提交在前</option>
            <option value="asc">最早提交在前</option>
          </select>
        </div>
      </div>

      {!pointId ? (
        <div className="notice notice-info">
          <p>您的账户尚未分配免考确认点，请联系省级管理员。</p>
        </div>
      ) : null}
      {queue.error ? (
        <ErrorNotice error={queue.error} onRetry={queue.error.retryable ? queue.reload : undefined} />
      ) : null}

      {pointId ? (
        <div className="queue-bar">
          <p className="queue-bar-text">
            {pointName(catalog.data, pointId)} · 第{cursors.length + 1}页
          </p>
          <a
            className="button"
            href={staffApi.exportUrl(pointId)}
            download={`免考申请-${pointName(catalog.data, pointId)}.csv`}
          >
            导出CSV
          </a>
        </div>
      ) : null}

      {page && !queue.error ? (
        <div className="table-wrap" id="queue-table" tabIndex={-1}>
          <table className="table queue-table" aria-busy={queue.loading}>
            <caption className="visually-hidden">
              {pointName(catalog.data, pointId)}的免考申请，第{cursors.length + 1}页
            </caption>
            <thead>
              <tr>
                <th scope="col">申请编号</th>
                <th scope="col">姓名</th>
                <th scope="col">身份证号</th>
                <th scope="col">准考证号</th>
                <th scope="col">专业</th>
                <th scope="col" className="num">
                  课程数
                </th>
                <th scope="col">状态</th>
                <th scope="col" className="num">
                  申请次数
                </th>
                <th scope="col">提交时间</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((item: StaffApplicationSummary) => (
                <tr
                  key={item.applicationId}
                  className="row-link"
                  onClick={(event) => {
                    // The number is a real link (keyboard, open in new tab); the rest of the row is a
                    // bigger target for the mouse.
                    if ((event.target as HTMLElement).closest('a')) return;
                    navigate(`/staff/applications/${item.applicationId}`, { state: detailState() });
                  }}
                >
                  <td data-label="申请编号">
                    <Link to={`/staff/applications/${item.applicationId}`} state={detailState()}>
                      {item.applicationNumber ?? '（无编号）'}
                    </Link>
                  </td>
                  <td data-label="姓名">{item.name}</td>
                  <td data-label="身份证号" className="mono">
                    {item.idNumber}
                  </td>
                  <td data-label="准考证号" className="mono">
                    {item.ticketNumber}
                  </td>
                  <td data-label="专业">
                    {item.majors.map((code) => (
                      <span key={code} className="cell-line">
                        {majorLabel(catalog.data, code)}
                      </span>
                    ))}
                  </td>
                  <td data-label="课程数" className="num">
                    {item.courseCount}
                  </td>
                  <td data-label="状态">
                    <StatusBadge status={item.status} text={item.status === 'returned' ? '被退回' : item.statusText} />
                  </td>
                  <td data-label="申请次数" className="num">
                    第{item.attempt}次
                  </td>
                  <td data-label="提交时间" className="nowrap">
                    {formatDateTime(item.submittedAt) ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.items.length === 0 ? <p className="empty table-empty">暂无符合条件的申请。</p> : null}
        </div>
      ) : null}
      {queue.loading ? <Loading /> : null}

      {page && !queue.error ? <Pager cursors={cursors} next={page.cursor} loading={queue.loading} onGo={goTo} /> : null}
    </Page>
  );
}
