/** `POST /api/me/application/certificates` — step 2: add a certificate. */
import { makeAddCertificate } from '../../app/applications.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { applicationDeps } from './application-deps.js';

const useCase = makeAddCertificate(applicationDeps());

export const handler = httpHandler(routes.addCertificate, async (req) => ({
  body: await useCase(req.session.candidateId, req.body),
}));
