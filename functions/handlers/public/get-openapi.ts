/** `GET /api/openapi.json` — the OpenAPI 3.1 document generated from the route table. */
import { httpHandler } from '../../http/handler.js';
import { buildOpenApi } from '../../openapi.js';
import { routeList, routes } from '../../routes.js';

let document: Record<string, unknown> | undefined;

export const handler = httpHandler(routes.getOpenApi, async () => {
  document ??= buildOpenApi(routeList, process.env.APP_VERSION ?? 'dev');
  return { body: document, headers: { 'cache-control': 'public, max-age=300' } };
});
