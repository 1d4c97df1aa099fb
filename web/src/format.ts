/** Display formats. Times are shown in China Standard Time whatever the device's time zone. */

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An ISO timestamp as `2026年5月11日 09:00` (Beijing time).
 * @returns The formatted text, or `null` when `iso` is missing or not a date.
 */
export function formatDateTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? dateTime.format(ms) : null;
}
