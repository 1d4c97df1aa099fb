/** `GET /api/me/application` — the current application, window and eligibility. */
import { makeGetMyApplication } from '../../app/applications.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { applicationDeps } from './application-deps.js';

const useCase = makeGetMyApplication(applicationDeps());

export const handler = httpHandler(routes.getApplication, async (req) => ({
  body: await useCase(req.session.candidateId),
}));
