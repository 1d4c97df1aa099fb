/** `POST /api/me/password` — change the password after checking the current one. */
import { dynamoCandidateStore } from '../../adapters/dynamodb/candidate-store.js';
import { systemClock } from '../../adapters/runtime.js';
import { makeChangePassword } from '../../app/candidate-accounts.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';

const changePassword = makeChangePassword({ candidates: dynamoCandidateStore(), clock: systemClock });

export const handler = httpHandler(routes.changePassword, async (req) => {
  await changePassword(req.session.candidateId, req.body);
  return { body: { ok: true } };
});
