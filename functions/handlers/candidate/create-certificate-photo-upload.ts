/** `POST /api/me/application/photo-uploads` — presigned PUT for a certificate photo. */
import { makeCreateCertificatePhotoUpload } from '../../app/applications.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { applicationDeps } from './application-deps.js';

const useCase = makeCreateCertificatePhotoUpload(applicationDeps());

export const handler = httpHandler(routes.createCertificatePhotoUpload, async (req) => ({
  body: await useCase(req.session.candidateId, req.body),
}));
