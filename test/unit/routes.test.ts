import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueSessionCookie, resetSigningKeyCache } from '../../functions/http/session.js';
import { buildOpenApi } from '../../functions/openapi.js';
import { isStateChanging, needsSessionKey } from '../../functions/route-types.js';
import { routeList } from '../../functions/routes.js';
import { apiEvent, jsonBody, lambdaContext, type ApiHandler } from '../support/events.js';

// The route table is the inventory: these tests loop over it, so a new route is covered on arrival.

function samplePath(path: string): { path: string; pathParameters: Record<string, string> } {
  const pathParameters: Record<string, string> = {};
  const concrete = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    pathParameters[name] = 'x-1';
    return 'x-1';
  });
  return { path: concrete, pathParameters };
}

async function load(handler: string): Promise<ApiHandler> {
  const url = new URL(`../../functions/handlers/${handler}.ts`, import.meta.url).href;
  const mod = (await import(/* @vite-ignore */ url)) as { handler: ApiHandler };
  return mod.handler;
}

let candidateCookie: string;

beforeAll(async () => {
  process.env.SESSION_SIGNING_KEY = Buffer.alloc(32, 9).toString('base64');
  process.env.TABLE_NAME = 'test-table';
  process.env.PHOTO_BUCKET = 'test-bucket';
  resetSigningKeyCache();
  candidateCookie = (
    await issueSessionCookie({ kind: 'candidate', candidateId: 'c-1' }, Date.parse('2026-11-30T07:30:00Z'))
  ).split(';')[0]!;
});

describe('route table', () => {
  it('has unique operationIds and unique method+path pairs under /api', () => {
    const ids = routeList.map((r) => r.operationId);
    const keys = routeList.map((r) => `${r.method} ${r.path}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(keys).size).toBe(keys.length);
    expect(routeList.filter((r) => !r.path.startsWith('/api/'))).toEqual([]);
  });

  it('points every route at an existing handler module', () => {
    const missing = routeList.filter(
      (r) => !existsSync(new URL(`../../functions/handlers/${r.handler}.ts`, import.meta.url)),
    );
    expect(missing.map((r) => r.handler)).toEqual([]);
  });

  it('gives the session key to every non-public route', () => {
    expect(routeList.filter((r) => r.audience !== 'public' && !needsSessionKey(r))).toEqual([]);
  });

  it('includes the platform routes', () => {
    expect(routeList.map((r) => r.operationId)).toEqual(
      expect.arrayContaining(['getHealth', 'getCatalog', 'getOpenApi']),
    );
  });
});

describe.each(routeList.filter((r) => r.audience !== 'public'))('$operationId ($method $path)', (route) => {
  it('rejects a call without a session with a 401 JSON error', async () => {
    const handler = await load(route.handler);
    const res = await handler(
      apiEvent({
        method: route.method,
        ...samplePath(route.path),
        body: isStateChanging(route.method) ? {} : undefined,
      }),
      lambdaContext(),
    );
    expect(res.statusCode).toBe(401);
    expect(jsonBody(res)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  if (route.audience === 'staff' || route.audience === 'admin') {
    it('rejects a candidate session with a 403 JSON error', async () => {
      const handler = await load(route.handler);
      const res = await handler(
        apiEvent({
          method: route.method,
          ...samplePath(route.path),
          cookies: [candidateCookie],
          body: isStateChanging(route.method) ? {} : undefined,
        }),
        lambdaContext(),
      );
      expect(res.statusCode).toBe(403);
      expect(jsonBody(res)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    });
  }
});

describe('OpenAPI document', () => {
  it('describes every route with its operationId, as OpenAPI 3.1', () => {
    const doc = buildOpenApi(routeList, 'test') as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(doc.openapi).toBe('3.1.0');
    expect(ops.sort()).toEqual(routeList.map((r) => r.operationId).sort());
  });

  it('is served by GET /api/openapi.json', async () => {
    const handler = await load('public/get-openapi');
    const res = await handler(apiEvent({ path: '/api/openapi.json' }), lambdaContext());
    expect(res.statusCode).toBe(200);
    expect(jsonBody<{ paths: Record<string, unknown> }>(res).paths['/api/catalog']).toMatchObject({
      get: { operationId: 'getCatalog' },
    });
  });
});
