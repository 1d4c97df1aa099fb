/** `GET /api/catalog` — majors, confirmation points, certificate types and rules, and the window. */
import { dynamoCatalogStore } from '../../adapters/dynamodb/catalog-store.js';
import { makeGetCatalog } from '../../app/get-catalog.js';
import { httpHandler } from '../../http/handler.js';
import { routes } from '../../routes.js';

const getCatalog = makeGetCatalog({ catalogs: dynamoCatalogStore(), clock: { now: () => Date.now() } });

export const handler = httpHandler(routes.getCatalog, async () => ({
  body: await getCatalog(),
  // Public and identical for everyone: let browsers and CloudFront keep it briefly.
  headers: { 'cache-control': 'public, max-age=60' },
}));
