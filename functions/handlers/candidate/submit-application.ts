/** `POST /api/me/application/submission` — submit (idempotent). */
import { makeSubmitApplication } from '../../app/applications.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { applicationDeps } from './application-deps.js';

const useCase = makeSubmitApplication(applicationDeps());

export const handler = httpHandler(routes.submitApplication, async (req) => ({
  body: await useCase(req.session.candidateId, req.body.version),
}));
