/**
 * Staff accounts (SPEC §2.3): 确认点工作人员 scoped to one or more confirmation points, and 省级管理员
 * (admins) with every point in scope. Pure rules; no AWS import.
 */
import { z } from 'zod';
import { AppError } from '../errors.js';

/** A staff account as stored. The username is the id. */
export interface StaffAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: 'staff' | 'admin';
  /** Confirmation point ids in scope (ignored for admins, who see all). */
  readonly points: readonly string[];
  readonly passwordHash: string;
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly version: number;
  /** Session version (see `SessionVersioned` in domain/session.ts); absent = 0. */
  readonly sessionVersion?: number;
}

/** Usernames: 3–32 lower-case letters, digits, dot, dash or underscore, starting with a letter. */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, '用户名应为3至32位小写字母、数字或 . _ -，以字母开头');

/** True when a staff session may act on the given confirmation point. */
export function canAccessPoint(
  session: { role: 'staff' | 'admin'; points: readonly string[] },
  pointId: string,
): boolean {
  return session.role === 'admin' || session.points.includes(pointId);
}

/**
 * Throws NOT_FOUND (never 403, so other points' data is not even confirmed to exist) when the point is
 * outside the session's scope.
 */
export function assertPointAccess(
  session: { role: 'staff' | 'admin'; points: readonly string[] },
  pointId: string,
): void {
  if (!canAccessPoint(session, pointId)) throw new AppError('NOT_FOUND', '记录不存在或不在您负责的确认点。');
}
