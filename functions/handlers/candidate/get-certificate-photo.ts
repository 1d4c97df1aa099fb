/** `GET /api/me/application/photos/{photoId}` — 查看照片. */
import { makeGetCertificatePhoto } from '../../app/applications.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { applicationDeps } from './application-deps.js';

const useCase = makeGetCertificatePhoto(applicationDeps());

export const handler = httpHandler(routes.getCertificatePhoto, async (req) => ({
  body: await useCase(req.session.candidateId, req.params.photoId),
}));
