/** `GET /api/me/identity/photos/{slot}` — a short-lived URL of one's own identity photo. */
import { dynamoCandidateStore } from '../../adapters/dynamodb/candidate-store.js';
import { systemClock } from '../../adapters/runtime.js';
import { s3PhotoStorage } from '../../adapters/s3/photo-storage.js';
import { makeGetIdentityPhoto } from '../../app/identity.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';

const getPhoto = makeGetIdentityPhoto({
  candidates: dynamoCandidateStore(),
  photos: s3PhotoStorage(),
  clock: systemClock,
});

export const handler = httpHandler(routes.getIdentityPhoto, async (req) => ({
  body: await getPhoto(req.session.candidateId, req.params.slot),
}));
