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
 * The id of an application window: its opening date (`YYYYMMDD`, Beijing time). One application per
 * candidate per window.
 */
export function windowIdOf(window: ApplicationWindow | null): string {
  if (!window) return 'none';
  const opens = Date.parse(window.opensAt);
  return new Date(opens + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
}
