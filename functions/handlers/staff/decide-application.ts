/** `POST /api/staff/applications/{applicationId}/decision` — per-course decisions. */
import { dynamoApplicationStore } from '../../adapters/dynamodb/application-store.js';
import { systemClock } from '../../adapters/runtime.js';
import { makeDecideApplication, toStaffSummary } from '../../app/staff-applications.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';

const decide = makeDecideApplication({ applications: dynamoApplicationStore(), clock: systemClock });

export const handler = httpHandler(routes.decideApplication, async (req) => ({
  body: toStaffSummary(await decide(req.session, req.params.applicationId, req.body)),
}));
