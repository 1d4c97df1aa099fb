/** `GET /api/staff/identity-reviews` — the manual identity-review queue of one point. */
import { dynamoCandidateStore } from '../../adapters/dynamodb/candidate-store.js';
import { makeListIdentityReviews } from '../../app/identity-reviews.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';

const list = makeListIdentityReviews({ candidates: dynamoCandidateStore() });

export const handler = httpHandler(routes.listIdentityReviews, async (req) => ({
  body: await list(req.session, {
    pointId: req.query.pointId,
    limit: req.query.limit,
    ...(req.query.cursor ? { cursor: req.query.cursor } : {}),
  }),
}));
