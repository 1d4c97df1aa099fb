/**
 * The staff member's current access, re-read from the table on every staff request: a disabled
 * account stops working at once, and a change of role or points applies without waiting for the
 * session to expire. (Every staff and admin route holds read access to the table.)
 */
import { dynamoStaffStore } from '../adapters/dynamodb/staff-store.js';
import type { StaffStore } from '../app/ports.js';

let store: StaffStore | undefined;

/** Role and points of an enabled account, or null when it is disabled or gone. */
export async function currentStaffAccess(
  staffId: string,
): Promise<{ role: 'staff' | 'admin'; points: string[] } | null> {
  store ??= dynamoStaffStore();
  const account = await store.get(staffId);
  if (!account || account.disabled) return null;
  return { role: account.role, points: account.role === 'admin' ? [] : [...account.points] };
}
