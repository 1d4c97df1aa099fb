/** `POST /api/staff/identity-reviews/{candidateId}/decision` — verified, or rejected with a reason. */
import { dynamoCandidateStore } from '../../adapters/dynamodb/candidate-store.js';
import { systemClock } from '../../adapters/runtime.js';
import { toIdentityReviewItem } from '../../app/candidate-views.js';
import { makeDecideIdentity } from '../../app/identity-reviews.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';

const decide = makeDecideIdentity({ candidates: dynamoCandidateStore(), clock: systemClock });

export const handler = httpHandler(routes.decideIdentity, async (req) => ({
  body: toIdentityReviewItem(await decide(req.session, req.params.candidateId, req.body)),
}));
