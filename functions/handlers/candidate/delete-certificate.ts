/** `DELETE /api/me/application/certificates/{certificateId}` — 删除课程. */
import { makeDeleteCertificate } from '../../app/applications.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { applicationDeps } from './application-deps.js';

const useCase = makeDeleteCertificate(applicationDeps());

export const handler = httpHandler(routes.deleteCertificate, async (req) => ({
  body: await useCase(req.session.candidateId, req.params.certificateId, req.query.version),
}));
