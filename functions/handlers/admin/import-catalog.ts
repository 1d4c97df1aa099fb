/** `PUT /api/admin/catalog` — validated catalog import. */
import { makeImportCatalog } from '../../app/admin.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { adminDeps } from './deps.js';

const useCase = makeImportCatalog(adminDeps());

export const handler = httpHandler(routes.importCatalog, async (req) => ({
  body: await useCase(req.session, req.body.catalog),
}));
