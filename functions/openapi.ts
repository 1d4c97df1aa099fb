/**
 * Generates the OpenAPI 3.1 document from the route table and its zod schemas (zod 4's
 * `z.toJSONSchema`, JSON Schema 2020-12 as OpenAPI 3.1 uses), so the description cannot drift from
 * the code.
 */
import { z } from 'zod';
import { ErrorBody } from './http/errors.js';
import type { RouteDefinition } from './route-types.js';

type Json = Record<string, unknown>;

function schema(s: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
  delete out.$schema;
  return out;
}

function parameters(route: RouteDefinition): Json[] {
  const list: Json[] = [];
  for (const [where, s] of [
    ['path', route.request.params],
    ['query', route.request.query],
  ] as const) {
    if (!s) continue;
    const js = schema(s, 'input');
    const props = (js.properties ?? {}) as Record<string, Json>;
    const required = new Set((js.required ?? []) as string[]);
    for (const [name, p] of Object.entries(props)) {
      list.push({ name, in: where, required: where === 'path' || required.has(name), schema: p });
    }
  }
  return list;
}

const SECURITY: Record<string, Json[]> = {
  public: [],
  candidate: [{ candidateSession: [] }],
  staff: [{ staffSession: [] }],
  admin: [{ staffSession: [] }],
};

/** Builds the OpenAPI 3.1 document for `routes`. */
export function buildOpenApi(routes: readonly RouteDefinition[], version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
    const okContent = route.response
      ? { 'application/json': { schema: schema(route.response, 'output') } }
      : { [route.responseContentType ?? 'text/plain']: { schema: { type: 'string' } } };
    const op: Json = {
      operationId: route.operationId,
      summary: route.summary,
      tags: route.tags,
      'x-audience': route.audience,
      security: SECURITY[route.audience],
      parameters: parameters(route),
      responses: {
        [String(route.successStatus ?? 200)]: { description: 'OK', content: okContent },
        '4XX': { description: '调用方的错误（中文说明见 message）', content: errorContent },
        '5XX': { description: '系统错误（通用说明与请求编号）', content: errorContent },
      },
    };
    if (route.request.body) {
      op.requestBody = {
        required: true,
        content: { 'application/json': { schema: schema(route.request.body, 'input') } },
      };
    }
    (paths[route.path] ??= {})[route.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: '自学考试免考申请系统 API', version },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: schema(ErrorBody, 'output') },
      securitySchemes: {
        candidateSession: { type: 'apiKey', in: 'cookie', name: 'ep_candidate' },
        staffSession: { type: 'apiKey', in: 'cookie', name: 'ep_staff' },
      },
    },
  };
}
