/**
 * Parsing of the roster of enrolled candidates (在籍考生名册) that admins import as CSV (SPEC §2.3):
 * columns 姓名, 身份证号, 准考证号, 专业代码 (several separated by `;`, `；`, `、`, `|` or spaces) and an
 * optional 确认点编号. A header row is recognised and skipped; a UTF-8 BOM is accepted. Each row is
 * validated on its own: bad rows are reported with their line number and reason, good rows are kept.
 */
import { parse } from 'csv-parse/sync';
import type { Catalog } from '../catalog/schema.js';
import type { RosterEntry } from '../identity/candidate.js';
import { ID_NUMBER_MESSAGES, parseIdNumber } from '../identity/id-number.js';
import { checkName, NAME_MESSAGES, normalizeTicketNumber } from '../identity/person.js';

/** Most rows one import may carry (larger rosters are imported in parts). */
export const MAX_ROSTER_ROWS = 5000;

/** A refused row: 1-based line number in the file and a Chinese reason. */
export interface RejectedRow {
  readonly line: number;
  readonly reason: string;
}

/** Result of parsing: accepted entries (last one wins per ID number) and refused rows. */
export interface RosterParseResult {
  readonly entries: RosterEntry[];
  readonly rejected: RejectedRow[];
}

const HEADER = /姓名|name/i;

/**
 * Parses and validates a roster CSV.
 * @param ticketPattern the configured ticket-number pattern (default 12 digits)
 * @returns entries and rejected rows; a malformed file (unbalanced quotes) is one rejected row
 */
export function parseRosterCsv(
  csv: string,
  catalog: Catalog,
  ticketPattern: RegExp,
  today: Date = new Date(),
): RosterParseResult {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    return { entries: [], rejected: [{ line, reason: 'CSV 格式错误（引号不匹配或换行错误），请检查文件' }] };
  }
  const majors = new Set(catalog.majors.map((m) => m.code));
  const points = new Set(catalog.confirmationPoints.map((p) => p.id));
  const byId = new Map<string, RosterEntry>();
  const ticketLine = new Map<string, { idNumber: string; line: number }>();
  const rejected: RejectedRow[] = [];
  records.forEach((cells, index) => {
    const line = index + 1;
    if (index === 0 && HEADER.test(cells[0] ?? '')) return;
    if (byId.size + rejected.length >= MAX_ROSTER_ROWS) {
      if (rejected.at(-1)?.reason.startsWith('超过')) return;
      rejected.push({ line, reason: `超过单次导入上限 ${MAX_ROSTER_ROWS} 行，请分批导入` });
      return;
    }
    const [nameCell = '', idCell = '', ticketCell = '', majorCell = '', pointCell = ''] = cells;
    const name = checkName(nameCell);
    if (!name.ok) return void rejected.push({ line, reason: `姓名：${NAME_MESSAGES[name.problem]}` });
    const id = parseIdNumber(idCell, today);
    if (!id.ok) return void rejected.push({ line, reason: `身份证号：${ID_NUMBER_MESSAGES[id.problem]}` });
    const ticket = normalizeTicketNumber(ticketCell, ticketPattern);
    if (!ticket) return void rejected.push({ line, reason: '准考证号格式不正确' });
    const sameTicket = ticketLine.get(ticket);
    if (sameTicket && sameTicket.idNumber !== id.value.idNumber) {
      return void rejected.push({ line, reason: `准考证号与第${sameTicket.line}行重复` });
    }
    const codes = majorCell.split(/[;；、|\s]+/u).filter(Boolean);
    if (codes.length === 0) return void rejected.push({ line, reason: '专业代码不能为空' });
    const unknown = codes.filter((c) => !majors.has(c));
    if (unknown.length) return void rejected.push({ line, reason: `专业代码不存在：${unknown.join('、')}` });
    if (pointCell && !points.has(pointCell))
      return void rejected.push({ line, reason: `确认点编号不存在：${pointCell}` });
    ticketLine.set(ticket, { idNumber: id.value.idNumber, line });
    byId.set(id.value.idNumber, {
      idNumber: id.value.idNumber,
      name: name.value,
      ticketNumber: ticket,
      majors: [...new Set(codes)],
      ...(pointCell ? { pointId: pointCell } : {}),
    });
  });
  return { entries: [...byId.values()], rejected };
}
