/** `POST /api/me/identity/verification` — ask for identity verification. */
import { toIdentityView } from '../../app/candidate-views.js';
import { makeVerifyIdentity } from '../../app/identity.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { faceCompareEnabled } from './deps.js';
import { identityDeps } from './identity-deps.js';

const verify = makeVerifyIdentity(identityDeps());

export const handler = httpHandler(routes.verifyIdentity, async (req) => {
  const candidate = await verify(req.session.candidateId);
  return { body: toIdentityView(candidate, faceCompareEnabled(), req.time) };
});
