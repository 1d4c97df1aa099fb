/** `POST /api/me/application/reapplication` — 重新申请, once. */
import { makeReapply } from '../../app/applications.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { applicationDeps } from './application-deps.js';

const useCase = makeReapply(applicationDeps());

export const handler = httpHandler(routes.reapply, async (req) => ({
  body: await useCase(req.session.candidateId, req.body.version),
}));
