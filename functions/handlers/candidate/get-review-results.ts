/** `GET /api/me/application/results` — 免考审核结果查询. */
import { makeGetReviewResults } from '../../app/applications.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { applicationDeps } from './application-deps.js';

const useCase = makeGetReviewResults(applicationDeps());

export const handler = httpHandler(routes.getReviewResults, async (req) => ({
  body: await useCase(req.session.candidateId),
}));
