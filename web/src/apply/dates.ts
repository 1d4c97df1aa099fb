/**
 * Dates of the application flow, always in Beijing time (the authority's clock, and the server's:
 * functions/domain/identity/candidate.ts `beijingDay`), whatever the phone's time zone.
 */

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function beijingParts(ms: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const out = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const part of parts.formatToParts(ms)) if (part.type in out) out[part.type as keyof typeof out] = part.value;
  return out;
}

/** Today in Beijing as `YYYY-MM-DD` (the date exemption rules are evaluated on). */
export function beijingToday(now: number = Date.now()): string {
  const p = beijingParts(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** `YYYY-MM-DD HH:mm` in Beijing time (the 打印时间 of the printed detail page). */
export function beijingMinute(now: number = Date.now()): string {
  const p = beijingParts(now);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** An exam time `YYYY-MM` as `2023年06月`; anything else is returned unchanged. */
export function formatExamTime(examTime: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(examTime);
  return match ? `${match[1]}年${match[2]}月` : examTime;
}

/**
 * The years offered for 考试时间, newest first: this year (Beijing) back to 1980, the earliest the
 * API accepts (functions/domain/application/api.ts `CertificateBody.examTime`).
 */
export function examYears(now: number = Date.now()): string[] {
  const current = Number(beijingToday(now).slice(0, 4));
  const years: string[] = [];
  for (let year = current; year >= 1980; year -= 1) years.push(String(year));
  return years;
}

/** The twelve months as `01`…`12`. */
export const EXAM_MONTHS: readonly string[] = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
