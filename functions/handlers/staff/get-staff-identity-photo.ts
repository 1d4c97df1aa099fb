/** `GET /api/staff/identity-reviews/{candidateId}/photos/{slot}` — a candidate's photo for staff of its point. */
import { dynamoCandidateStore } from '../../adapters/dynamodb/candidate-store.js';
import { systemClock } from '../../adapters/runtime.js';
import { s3PhotoStorage } from '../../adapters/s3/photo-storage.js';
import { makeGetIdentityPhoto } from '../../app/identity.js';
import { AppError } from '../../domain/errors.js';
import { assertPointAccess } from '../../domain/staff/staff.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';

const candidates = dynamoCandidateStore();
const getPhoto = makeGetIdentityPhoto({ candidates, photos: s3PhotoStorage(), clock: systemClock });

export const handler = httpHandler(routes.getStaffIdentityPhoto, async (req) => {
  const candidate = await candidates.get(req.params.candidateId);
  if (!candidate) throw new AppError('NOT_FOUND', '考生不存在。');
  assertPointAccess(req.session, candidate.profile.pointId);
  return { body: await getPhoto(candidate.candidateId, req.params.slot) };
});
