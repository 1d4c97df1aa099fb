/** `POST /api/me/password` — change the password after checking the current one. */
import { dynamoCandidateStore } from '../../adapters/dynamodb/candidate-store.js';
import { systemClock } from '../../adapters/runtime.js';
import { makeChangePassword } from '../../app/candidate-accounts.js';
import { httpHandler } from '../../http/handler.js';
import { issueSessionCookie } from '../../http/session.js';
import { routes } from '../../routes.js';

const changePassword = makeChangePassword({ candidates: dynamoCandidateStore(), clock: systemClock });

export const handler = httpHandler(routes.changePassword, async (req) => {
  const sessionVersion = await changePassword(req.session.candidateId, req.body);
  // Other sessions end; this one continues with a cookie of the new session version.
  const cookie = await issueSessionCookie(
    { kind: 'candidate', candidateId: req.session.candidateId, sessionVersion },
    req.time,
  );
  return { body: { ok: true }, cookies: [cookie] };
});
