/**
 * `DELETE /api/session` — ends the candidate's sessions: the account's session version is bumped (so
 * a copied cookie stops working too) and the cookie is cleared. Works without a valid session as well
 * (it then only clears the cookie).
 */
import { dynamoCandidateStore } from '../../adapters/dynamodb/candidate-store.js';
import { httpHandler } from '../../http/handler.js';
import { clearSessionCookie, readSession } from '../../http/session.js';
import { routes } from '../../routes.js';

const candidates = dynamoCandidateStore();

export const handler = httpHandler(routes.logout, async (req) => {
  const session = await readSession(req.cookies, 'candidate', req.time);
  if (
    session?.kind === 'candidate' &&
    (await candidates.sessionVersion(session.candidateId)) === (session.sessionVersion ?? 0)
  ) {
    await candidates.bumpSessionVersion(session.candidateId);
  }
  return { body: { ok: true }, cookies: [clearSessionCookie('candidate')] };
});
