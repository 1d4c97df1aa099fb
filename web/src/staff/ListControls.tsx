/**
 * Controls the staff lists share (免考申请审核, 人工身份核验): the 确认点 filter and the pages. The API
 * pages with opaque cursors; the cursors of the pages already passed are a stack in the history
 * entry's state (上一页 pops one), so 返回 from a detail can come back to the same page.
 */
import type { ChangeEvent } from 'react';
import { useLocation } from 'react-router';
import type { CatalogView } from '../api-types';
import { pointName } from './catalog';
import { useQuery } from './query';

/** History state of a paged list: cursors of the pages before the current one's (first page: []). */
export interface PagedListState {
  cursors?: string[];
}

/**
 * The page stack of the current address.
 * @returns `cursors` (of the pages passed), `cursor` (the current page's; undefined on the first) and
 *   `goTo(cursors)`, which stays on the address with another stack.
 */
export function usePageCursors() {
  const [params, setParams] = useQuery();
  const location = useLocation();
  const cursors = (location.state as PagedListState | null)?.cursors ?? [];
  // Not `.at(-1)`: the build targets Chrome 87 (older WeChat WebViews), which lacks it.
  const cursor = cursors[cursors.length - 1];
  const goTo = (next: string[]) =>
    setParams(params, { replace: true, state: { cursors: next } satisfies PagedListState });
  return { cursors, cursor, goTo };
}

/** 上一页 / 第N页 / 下一页; nothing when there is only one page. */
export function Pager({
  cursors,
  next,
  loading,
  onGo,
}: {
  cursors: string[];
  /** The next page's cursor (null: this is the last page). */
  next: string | null;
  loading: boolean;
  onGo: (cursors: string[]) => void;
}) {
  if (cursors.length === 0 && !next) return null;
  return (
    <nav className="pager" aria-label="翻页">
      <button
        type="button"
        className="button"
        disabled={cursors.length === 0 || loading}
        onClick={() => onGo(cursors.slice(0, -1))}
      >
        上一页
      </button>
      <span className="pager-page">第{cursors.length + 1}页</span>
      <button
        type="button"
        className="button"
        disabled={!next || loading}
        onClick={() => next && onGo([...cursors, next])}
      >
        下一页
      </button>
    </nav>
  );
}

/**
 * The 确认点 drop-down of a list. The chosen point (from the address) stays an option even when it is
 * not among the staff member's own points.
 */
export function PointFilter({
  id,
  catalog,
  points,
  value,
  onChange,
}: {
  id: string;
  catalog: CatalogView;
  /** The staff member's points (catalog.ts pointsOf). */
  points: ReadonlyArray<{ id: string; name: string }>;
  value: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
}) {
  const options = points.some((p) => p.id === value)
    ? points
    : [...points, ...(value ? [{ id: value, name: pointName(catalog, value) }] : [])];
  return (
    <div className="filter">
      <label htmlFor={id}>确认点</label>
      <select id={id} className="input select" value={value} onChange={onChange}>
        {options.length ? null : <option value="">（未分配确认点）</option>}
        {options.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
