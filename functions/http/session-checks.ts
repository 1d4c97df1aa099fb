/**
 * Session checks against the table, on every authenticated request: a disabled staff account, a
 * logout, a password change or reset end the sessions at once, and a change of role or points applies
 * without waiting for the token to expire. (Every candidate, staff and admin route holds read access
 * to the table.) Loaded on first use by the session middleware.
 */
import { dynamoCandidateStore } from '../adapters/dynamodb/candidate-store.js';
import { dynamoStaffStore } from '../adapters/dynamodb/staff-store.js';
import type { CandidateStore, StaffStore } from '../app/ports.js';

let staffStore: StaffStore | undefined;
let candidateStore: CandidateStore | undefined;

/**
 * Role and points of an enabled account whose session version is still `sessionVersion`, or null when
 * the account is disabled or gone, or the session was ended (logout, password reset).
 */
export async function currentStaffAccess(
  staffId: string,
  sessionVersion: number,
): Promise<{ role: 'staff' | 'admin'; points: string[] } | null> {
  staffStore ??= dynamoStaffStore();
  const account = await staffStore.get(staffId);
  if (!account || account.disabled || (account.sessionVersion ?? 0) !== sessionVersion) return null;
  return { role: account.role, points: account.role === 'admin' ? [] : [...account.points] };
}

/** True while the candidate account exists and its session version is still `sessionVersion`. */
export async function candidateSessionValid(candidateId: string, sessionVersion: number): Promise<boolean> {
  candidateStore ??= dynamoCandidateStore();
  return (await candidateStore.sessionVersion(candidateId)) === sessionVersion;
}
