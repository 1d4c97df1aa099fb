/** A minimal public route definition for tests of the local server and the event adapter. */
import type { RouteDefinition } from '../../functions/route-types.js';

/** A public route with no schemas and handler `test/<operationId>`. */
export function testRoute(operationId: string, method: RouteDefinition['method'], path: string): RouteDefinition {
  return {
    operationId,
    method,
    path,
    handler: `test/${operationId}`,
    audience: 'public',
    summary: '',
    tags: [],
    permissions: {},
    request: {},
    response: null,
  };
}
