/** `POST /api/candidates/activation` — 在籍考生认证; signs the candidate in. */
import { makeActivateCandidate } from '../../app/candidate-accounts.js';
import { httpHandler } from '../../http/handler.js';
import { issueSessionCookie } from '../../http/session.js';
import { routes } from '../../routes.js';
import { accountDeps, candidateSession, meView } from './deps.js';

const deps = accountDeps();
const activate = makeActivateCandidate(deps);

export const handler = httpHandler(routes.activateCandidate, async (req) => {
  const candidate = await activate(req.body);
  return {
    body: await meView(deps.catalogs, candidate, req.time),
    cookies: [await issueSessionCookie(candidateSession(candidate), req.time)],
  };
});
