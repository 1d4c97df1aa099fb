/** `POST /api/staff/session` — staff login; the session carries the role and the points in scope. */
import { dynamoStaffStore } from '../../adapters/dynamodb/staff-store.js';
import { systemClock } from '../../adapters/runtime.js';
import { makeStaffLogin, toStaffView } from '../../app/staff-accounts.js';
import { httpHandler } from '../../http/handler.js';
import { issueSessionCookie } from '../../http/session.js';
import { routes } from '../../routes.js';

const login = makeStaffLogin({ staff: dynamoStaffStore(), clock: systemClock });

export const handler = httpHandler(routes.staffLogin, async (req) => {
  const account = await login(req.body);
  const cookie = await issueSessionCookie(
    {
      kind: 'staff',
      staffId: account.username,
      role: account.role,
      points: account.points,
      sessionVersion: account.sessionVersion ?? 0,
    },
    req.time,
  );
  return { body: toStaffView(account), cookies: [cookie] };
});
