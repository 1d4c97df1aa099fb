/** `POST /api/candidates` — 新考生注册; signs the candidate in. */
import { makeRegisterCandidate } from '../../app/candidate-accounts.js';
import { httpHandler } from '../../http/handler.js';
import { issueSessionCookie } from '../../http/session.js';
import { routes } from '../../routes.js';
import { accountDeps, candidateSession, meView } from './deps.js';

const deps = accountDeps();
const register = makeRegisterCandidate(deps);

export const handler = httpHandler(routes.registerCandidate, async (req) => {
  const candidate = await register(req.body);
  return {
    body: await meView(deps.catalogs, candidate, req.time),
    cookies: [await issueSessionCookie(candidateSession(candidate), req.time)],
  };
});
