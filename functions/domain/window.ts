/** Rules of the application window (免考申请期间, SPEC §2.2): outside it everything is read-only. */
import type { ApplicationWindow } from '../app/ports.js';

/**
 * True when `now` (ms since the epoch) is within the window: opensAt ≤ now < closesAt.
 * No window configured means closed.
 */
export function isWindowOpen(window: ApplicationWindow | null, now: number): boolean {
  if (!window) return false;
  const opens = Date.parse(window.opensAt);
  const closes = Date.parse(window.closesAt);
  return Number.isFinite(opens) && Number.isFinite(closes) && opens <= now && now < closes;
}

/**
 * The id of an application period: the stored id, or (for a window saved without one) its opening
 * date (`YYYYMMDD`, Beijing time). One application per candidate per period.
 */
export function windowIdOf(window: ApplicationWindow | null): string {
  if (!window) return 'none';
  return window.id ?? openingDay(window.opensAt);
}

/** `YYYYMMDD` of an instant in Beijing time (UTC+8). */
export function openingDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * The period id after an admin saves the window: editing the dates keeps the current period (and so
 * every application in it); only `newPeriod` (or the very first window) starts another one, named by
 * its opening day and never equal to the previous id.
 */
export function nextWindowId(before: ApplicationWindow | null, opensAt: string, newPeriod: boolean): string {
  if (before && !newPeriod) return windowIdOf(before);
  const base = openingDay(opensAt);
  const previous = before ? windowIdOf(before) : undefined;
  if (base !== previous && !previous?.startsWith(`${base}-`)) return base;
  const n = previous === base ? 2 : Number(previous!.slice(base.length + 1)) + 1;
  return `${base}-${n}`;
}
