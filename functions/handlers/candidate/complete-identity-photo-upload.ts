/** `POST /api/me/identity/uploads/{uploadId}/complete` — re-check and keep an uploaded identity photo. */
import { toIdentityView } from '../../app/candidate-views.js';
import { makeCompleteIdentityPhotoUpload } from '../../app/identity.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { faceCompareEnabled } from './deps.js';
import { identityDeps } from './identity-deps.js';

const complete = makeCompleteIdentityPhotoUpload(identityDeps());

export const handler = httpHandler(routes.completeIdentityPhotoUpload, async (req) => {
  const candidate = await complete(req.session.candidateId, req.params.uploadId);
  return { body: toIdentityView(candidate, faceCompareEnabled(), req.time) };
});
