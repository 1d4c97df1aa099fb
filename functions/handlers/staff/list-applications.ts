/** `GET /api/staff/applications` — a point's queue, filtered and paginated. */
import { dynamoApplicationStore } from '../../adapters/dynamodb/application-store.js';
import { makeListApplications } from '../../app/staff-applications.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';

const list = makeListApplications({ applications: dynamoApplicationStore() });

export const handler = httpHandler(routes.listApplications, async (req) => ({
  body: await list(req.session, req.query),
}));
