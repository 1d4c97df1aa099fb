/** `GET /api/staff/applications-export?pointId=` — CSV download (UTF-8 with BOM). */
import { dynamoApplicationStore } from '../../adapters/dynamodb/application-store.js';
import { dynamoAuditStore } from '../../adapters/dynamodb/audit-store.js';
import { dynamoCatalogStore } from '../../adapters/dynamodb/catalog-store.js';
import { systemClock } from '../../adapters/runtime.js';
import { makeExportApplications } from '../../app/staff-applications.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';

const exportCsv = makeExportApplications({
  applications: dynamoApplicationStore(),
  catalogs: dynamoCatalogStore(),
  audit: dynamoAuditStore(),
  clock: systemClock,
});

export const handler = httpHandler(routes.exportApplications, async (req) => ({
  rawBody: await exportCsv(req.session, req.query.pointId),
  headers: {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="applications-${req.query.pointId}.csv"`,
  },
}));
