/** `POST /api/me/identity/uploads` — a presigned PUT for one identity photo. */
import { makeCreateIdentityPhotoUpload } from '../../app/identity.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { identityDeps } from './identity-deps.js';

const createUpload = makeCreateIdentityPhotoUpload(identityDeps());

export const handler = httpHandler(routes.createIdentityPhotoUpload, async (req) => ({
  body: await createUpload(req.session.candidateId, req.body),
}));
