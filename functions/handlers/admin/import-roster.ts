/** `POST /api/admin/roster` — roster CSV import with a per-row report. */
import { makeImportRoster } from '../../app/admin.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';
import { adminDeps } from './deps.js';

const useCase = makeImportRoster(adminDeps());

export const handler = httpHandler(routes.importRoster, async (req) => ({
  body: await useCase(req.session, req.body.csv),
}));
