/** `POST /api/staff/applications/{applicationId}/return` — return with a reason. */
import { dynamoApplicationStore } from '../../adapters/dynamodb/application-store.js';
import { systemClock } from '../../adapters/runtime.js';
import { makeReturnApplication, toStaffSummary } from '../../app/staff-applications.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';

const returnApplication = makeReturnApplication({ applications: dynamoApplicationStore(), clock: systemClock });

export const handler = httpHandler(routes.returnApplication, async (req) => ({
  body: toStaffSummary(await returnApplication(req.session, req.params.applicationId, req.body)),
}));
