/** `PUT /api/me/application/choices` — step 1: point and majors. */
import { makeSaveChoices } from '../../app/applications.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { applicationDeps } from './application-deps.js';

const useCase = makeSaveChoices(applicationDeps());

export const handler = httpHandler(routes.saveApplicationChoices, async (req) => ({
  body: await useCase(req.session.candidateId, req.body),
}));
