/**
 * `DELETE /api/staff/session` — ends the staff member's sessions (session version bumped, cookie
 * cleared). Works without a valid session as well (it then only clears the cookie).
 */
import { dynamoStaffStore } from '../../adapters/dynamodb/staff-store.js';
import { httpHandler } from '../../http/handler.js';
import { clearSessionCookie, readSession } from '../../http/session.js';
import { routes } from '../../routes.js';

const staff = dynamoStaffStore();

export const handler = httpHandler(routes.staffLogout, async (req) => {
  const session = await readSession(req.cookies, 'staff', req.time);
  if (session?.kind === 'staff' && (await staff.sessionVersion(session.staffId)) === (session.sessionVersion ?? 0)) {
    await staff.bumpSessionVersion(session.staffId);
  }
  return { body: { ok: true }, cookies: [clearSessionCookie('staff')] };
});
