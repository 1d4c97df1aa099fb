/**
 * The applicant's details as the seed's pages show them: the 信息填报 / 信息确认页 table (姓名 身份证号 /
 * 性别 准考证号 …) and the one-line 姓名：… 准考证号：… of the 证书课程填报 and 信息详情 pages. The ID
 * number is the server's masked one.
 */
import type { ReactNode } from 'react';

/** One labelled value. */
export type InfoRow = readonly [label: string, value: ReactNode];

/** A two-column (one on phones) table of labelled values. */
export function InfoTable({ rows, label }: { rows: readonly InfoRow[]; label: string }) {
  return (
    <dl className="apply-info" aria-label={label}>
      {rows.map(([name, value]) => (
        <div key={name} className="apply-info-row">
          <dt>{name}</dt>
          <dd>{value === null || value === undefined || value === '' ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The seed's single line of labelled values (姓名：… 准考证号：…). */
export function InfoLine({ rows }: { rows: readonly InfoRow[] }) {
  return (
    <p className="apply-line">
      {rows.map(([name, value]) => (
        <span key={name} className="apply-line-item">
          <span className="apply-line-label">{name}：</span>
          <span className="apply-line-value">{value}</span>
        </span>
      ))}
    </p>
  );
}
