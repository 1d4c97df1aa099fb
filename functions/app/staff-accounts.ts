/**
 * Use cases of staff accounts: login with lockout (SPEC §2.3, §3) and creating an account (used by
 * `npm run create-admin` for the first admin, and by the admin routes).
 */
import type { z } from 'zod';
import { StaffView, type StaffLoginBody } from '../domain/staff/api.js';
import { AppError } from '../domain/errors.js';
import { hashPassword, verifyPassword } from '../domain/identity/password-hash.js';
import { checkPassword, PASSWORD_MESSAGES } from '../domain/identity/person.js';
import { assertNotLocked, LOCK_AFTER_FAILURES, LOCK_SECONDS, lockedError } from '../domain/login-guard.js';
import { Username, type StaffAccount } from '../domain/staff/staff.js';
import type { Actor, Clock, StaffStore } from './ports.js';

/** DTO mapper for a staff account (never the hash). */
export function toStaffView(a: StaffAccount): z.infer<typeof StaffView> {
  return {
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    points: [...a.points],
    disabled: a.disabled,
  };
}

/**
 * Staff login: the same generic failure for unknown users, wrong passwords and disabled accounts;
 * 5 failures lock for 15 minutes.
 * @throws AppError INVALID_CREDENTIALS, ACCOUNT_LOCKED
 */
export function makeStaffLogin(deps: { staff: StaffStore; clock: Clock }) {
  return async (input: z.infer<typeof StaffLoginBody>): Promise<StaffAccount> => {
    const now = deps.clock.now();
    const account = await deps.staff.get(input.username);
    if (account) assertNotLocked(await deps.staff.lockedUntil(account.username), now);
    const ok = await verifyPassword(input.password, account?.passwordHash);
    if (!account || account.disabled) throw new AppError('INVALID_CREDENTIALS', '用户名或密码错误，或账户已停用。');
    if (!ok) {
      const lockedUntil = await deps.staff.recordLoginFailure(account.username, now, LOCK_AFTER_FAILURES, LOCK_SECONDS);
      if (lockedUntil) throw lockedError(lockedUntil);
      throw new AppError('INVALID_CREDENTIALS', '用户名或密码错误，或账户已停用。');
    }
    await deps.staff.clearLoginFailures(account.username);
    return account;
  };
}

/** Input of {@link makeCreateStaff}. */
export interface NewStaff {
  readonly username: string;
  readonly displayName: string;
  readonly role: 'staff' | 'admin';
  readonly points: readonly string[];
  readonly password: string;
}

/**
 * Creates a staff account, audited.
 * @throws AppError VALIDATION_FAILED (username, password), ALREADY_EXISTS
 */
export function makeCreateStaff(deps: { staff: StaffStore; clock: Clock }) {
  return async (input: NewStaff, actor: Actor): Promise<StaffAccount> => {
    const username = Username.safeParse(input.username);
    if (!username.success)
      throw new AppError('VALIDATION_FAILED', username.error.issues[0]!.message, {
        fields: { username: '格式不正确' },
      });
    const problem = checkPassword(input.password);
    if (problem)
      throw new AppError('VALIDATION_FAILED', PASSWORD_MESSAGES[problem], {
        fields: { password: PASSWORD_MESSAGES[problem] },
      });
    const at = new Date(deps.clock.now()).toISOString();
    const account: StaffAccount = {
      username: username.data,
      displayName: input.displayName,
      role: input.role,
      points: input.role === 'admin' ? [] : [...input.points],
      passwordHash: await hashPassword(input.password),
      disabled: false,
      createdAt: at,
      version: 1,
    };
    await deps.staff.create(account, [
      {
        entityType: 'staff',
        entityId: account.username,
        action: 'staff.created',
        actor,
        at,
        after: toStaffView(account),
      },
    ]);
    return account;
  };
}
