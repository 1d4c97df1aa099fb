/** `POST /api/session` — candidate login by ID number or ticket number. */
import { makeLogin } from '../../app/candidate-accounts.js';
import { httpHandler } from '../../http/handler.js';
import { issueSessionCookie } from '../../http/session.js';
import { routes } from '../../routes.js';
import { accountDeps, candidateSession, meView } from './deps.js';

const deps = accountDeps();
const login = makeLogin(deps);

export const handler = httpHandler(routes.login, async (req) => {
  const candidate = await login(req.body);
  return {
    body: await meView(deps.catalogs, candidate, req.time),
    cookies: [await issueSessionCookie(candidateSession(candidate), req.time)],
  };
});
