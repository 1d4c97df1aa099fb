/** `POST /api/me/application/photo-uploads/{uploadId}/complete` — check and keep a certificate photo. */
import { makeCompleteCertificatePhotoUpload } from '../../app/applications.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { applicationDeps } from './application-deps.js';

const useCase = makeCompleteCertificatePhotoUpload(applicationDeps());

export const handler = httpHandler(routes.completeCertificatePhotoUpload, async (req) => ({
  body: await useCase(req.session.candidateId, req.params.uploadId),
}));
