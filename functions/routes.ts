/**
 * THE route table: every route of the API, its handler, who may call it, the AWS permissions it
 * needs and its request/response schemas. Data only (no aws-cdk-lib import). The CDK app builds one
 * function, one route and only the listed grants per row; the local server mounts the same handlers
 * from it; `GET /api/openapi.json` is generated from it. No route exists in one place only.
 */
import { z } from 'zod';
import { Catalog } from './domain/catalog/schema.js';
import { defineRoute, type RouteDefinition } from './route-types.js';

/** The application window as the API shows it. */
export const WindowView = z.object({
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  /** True while applications may be written (opensAt ≤ now < closesAt). */
  open: z.boolean(),
});

/** `GET /api/catalog` answer: the active catalog and the application window. */
export const CatalogView = Catalog.extend({ window: WindowView });

/** `GET /api/health` answer. */
export const HealthView = z.object({ status: z.literal('ok'), version: z.string(), time: z.string() });

/** Every route, keyed by operationId. */
export const routes = {
  getHealth: defineRoute({
    operationId: 'getHealth',
    method: 'GET',
    path: '/api/health',
    handler: 'public/get-health',
    audience: 'public',
    summary: '健康检查',
    tags: ['public'],
    permissions: {},
    request: {},
    response: HealthView,
  }),
  getCatalog: defineRoute({
    operationId: 'getCatalog',
    method: 'GET',
    path: '/api/catalog',
    handler: 'public/get-catalog',
    audience: 'public',
    summary: '专业、免考确认点、证书类型与免考规则，及免考申请期间',
    tags: ['public'],
    permissions: { table: 'read' },
    request: {},
    response: CatalogView,
  }),
  getOpenApi: defineRoute({
    operationId: 'getOpenApi',
    method: 'GET',
    path: '/api/openapi.json',
    handler: 'public/get-openapi',
    audience: 'public',
    summary: 'OpenAPI 3.1 description of this API, generated from the route table',
    tags: ['public'],
    permissions: {},
    request: {},
    response: z.record(z.string(), z.unknown()),
  }),
} as const satisfies Record<string, RouteDefinition>;

/** The route table as a list, in declaration order. */
export const routeList: readonly RouteDefinition[] = Object.values(routes) as RouteDefinition[];
