/**
 * Lockout after repeated login failures (SPEC §3): 5 consecutive failures lock the account for
 * 15 minutes; the message says until when (Beijing time). Same rule for candidates and staff.
 */
import { AppError } from './errors.js';

/** Failures that lock an account. */
export const LOCK_AFTER_FAILURES = 5;
/** Lock duration, seconds. */
export const LOCK_SECONDS = 15 * 60;

/** Formats an instant as Beijing wall-clock time `YYYY-MM-DD HH:mm`. */
export function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The error for a locked account. */
export function lockedError(lockedUntil: string): AppError {
  return new AppError(
    'ACCOUNT_LOCKED',
    `登录失败次数过多，账户已锁定，请于 ${beijingTime(lockedUntil)}（北京时间）后再试。`,
    {
      details: { lockedUntil },
    },
  );
}

/**
 * Throws when the account is locked at `now` (ms).
 * @throws AppError ACCOUNT_LOCKED with `details.lockedUntil`
 */
export function assertNotLocked(lockedUntil: string | undefined, now: number): void {
  if (lockedUntil && Date.parse(lockedUntil) > now) throw lockedError(lockedUntil);
}
