/** `GET /api/staff/applications/{applicationId}` — the review page's data. */
import { dynamoApplicationStore } from '../../adapters/dynamodb/application-store.js';
import { dynamoAuditStore } from '../../adapters/dynamodb/audit-store.js';
import { dynamoCandidateStore } from '../../adapters/dynamodb/candidate-store.js';
import { dynamoCatalogStore } from '../../adapters/dynamodb/catalog-store.js';
import { s3PhotoStorage } from '../../adapters/s3/photo-storage.js';
import { makeGetStaffApplication } from '../../app/staff-applications.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';

const getDetail = makeGetStaffApplication({
  applications: dynamoApplicationStore(),
  candidates: dynamoCandidateStore(),
  catalogs: dynamoCatalogStore(),
  photos: s3PhotoStorage(),
  audit: dynamoAuditStore(),
});

export const handler = httpHandler(routes.getStaffApplication, async (req) => ({
  body: await getDetail(req.session, req.params.applicationId),
}));
