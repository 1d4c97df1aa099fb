/**
 * The local HTTP server over real HTTP, with test Lambda handlers in place of the route table's
 * (the emulators are not needed to check the gateway's own behaviour; `test/integration/` runs the
 * real handlers).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalHttpServer, type LambdaHandler, type WebSource } from '../../lib/local/http-server.js';
import { resolveStaticPath } from '../../lib/local/static-files.js';
import { testRoute } from '../support/routes.js';

const routes = [
  testRoute('login', 'POST', '/api/login'),
  testRoute('getThing', 'GET', '/api/things/{thingId}'),
  testRoute('explode', 'GET', '/api/explode'),
  testRoute('getOther', 'GET', '/api/other'),
];

const seen: APIGatewayProxyEventV2[] = [];
const handlers: Record<string, LambdaHandler> = {
  login: async (event) => {
    seen.push(event);
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      cookies: [
        'ep_candidate=t1; Path=/api; HttpOnly; Secure; SameSite=Strict; Max-Age=3600',
        'ep_staff=; Path=/api; HttpOnly; Secure; SameSite=Strict; Max-Age=0',
      ],
      body: JSON.stringify({ bytes: Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8').length }),
    };
  },
  getThing: async (event, context) => {
    seen.push(event);
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: event.pathParameters?.thingId, fn: context.functionName }),
    };
  },
  explode: async () => {
    throw new Error('boom');
  },
  getOther: async () => ({ statusCode: 204 }),
};

let server: Server;
let base: string;
let webRoot: string;
let web: WebSource;
const loads: string[] = [];

function listen(s: Server): Promise<string> {
  return new Promise((resolve) => {
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    });
  });
}

/** A raw request, so paths like `/../x` reach the server unnormalised. */
function raw(
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: Buffer,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path: target, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  webRoot = await mkdtemp(path.join(tmpdir(), 'local-server-web-'));
  await mkdir(path.join(webRoot, 'assets'));
  await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(path.join(webRoot, 'assets', 'main-abc123.js'), 'console.log(1);');
  await writeFile(path.join(path.dirname(webRoot), 'local-server-secret.txt'), 'secret');
  web = { kind: 'dir', root: webRoot };
  server = createLocalHttpServer({
    routes,
    loadHandler: async (r) => {
      loads.push(r.handler);
      return handlers[r.operationId]!;
    },
    web: () => web,
    ready: Promise.resolve(),
    maxBodyBytes: 1024,
  });
  base = await listen(server);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await rm(webRoot, { recursive: true, force: true });
  await rm(path.join(path.dirname(webRoot), 'local-server-secret.txt'), { force: true });
});

describe('the local HTTP server, API side', () => {
  it('sends each cookie of the handler result as its own Set-Cookie header', async () => {
    // Act
    const res = await fetch(`${base}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });

    // Assert
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([
      'ep_candidate=t1; Path=/api; HttpOnly; Secure; SameSite=Strict; Max-Age=3600',
      'ep_staff=; Path=/api; HttpOnly; Secure; SameSite=Strict; Max-Age=0',
    ]);
    expect(await res.json()).toEqual({ bytes: 7 });
  });

  it('gives the handler the cookies, the Host as x-forwarded-host and the path parameters', async () => {
    // Prepare
    seen.length = 0;

    // Act
    const res = await raw('GET', '/api/things/t%2D9?x=1', {
      Host: 'localhost:3000',
      Cookie: 'ep_candidate=abc; other=1',
    });

    // Assert
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ id: 't-9', fn: 'local-getThing' });
    const event = seen[0]!;
    expect(event.cookies).toEqual(['ep_candidate=abc', 'other=1']);
    expect(event.headers.cookie).toBeUndefined();
    expect(event.headers['x-forwarded-host']).toBe('localhost:3000');
    expect(event.queryStringParameters).toEqual({ x: '1' });
    expect(event.routeKey).toBe('GET /api/things/{thingId}');
  });

  it('imports a handler once and reuses it', async () => {
    // Prepare
    loads.length = 0;

    // Act
    const first = await fetch(`${base}/api/other`);
    const second = await fetch(`${base}/api/other`);

    // Assert
    expect([first.status, second.status]).toEqual([204, 204]);
    expect(loads).toEqual(['test/getOther']);
  });

  it('answers an unknown API path with 404 in the API error shape', async () => {
    // Act
    const res = await fetch(`${base}/api/does-not-exist`);

    // Assert
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: '接口不存在。' } });
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    // Act
    const res = await fetch(`${base}/api/login`);

    // Assert
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.json()).toEqual({ error: { code: 'METHOD_NOT_ALLOWED', message: '该接口不支持此请求方法。' } });
  });

  it('refuses a declared body over the limit with 413 without reading it', async () => {
    // Act: the body is announced but never sent; the answer must not wait for it.
    const res = await new Promise<{ status: number; body: string; connection: string | undefined }>(
      (resolve, reject) => {
        const url = new URL(base);
        const req = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            method: 'POST',
            path: '/api/login',
            headers: { 'content-type': 'application/json', 'content-length': '5000000' },
          },
          (r) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () =>
              resolve({
                status: r.statusCode ?? 0,
                body: Buffer.concat(chunks).toString(),
                connection: r.headers.connection,
              }),
            );
          },
        );
        req.on('error', reject);
        req.flushHeaders();
      },
    );

    // Assert
    expect(res.status).toBe(413);
    expect(res.connection).toBe('close');
    expect(JSON.parse(res.body)).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大（上限 1 KB）。' },
    });
  });

  it('refuses a chunked body once it passes the limit', async () => {
    // Act
    const res = await raw(
      'POST',
      '/api/login',
      { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' },
      Buffer.alloc(4096, 1),
    );

    // Assert
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a handler that throws with a generic 500 in the API error shape', async () => {
    // Act
    const res = await fetch(`${base}/api/explode`);

    // Assert
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试。' } });
  });
});

describe('the local HTTP server, web side', () => {
  it('serves files with their content type and long caching for hashed assets', async () => {
    // Act
    const res = await fetch(`${base}/assets/main-abc123.js`);

    // Assert
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe('console.log(1);');
  });

  it('serves index.html for client-side routes, but 404 for a missing file with an extension', async () => {
    // Act
    const spa = await fetch(`${base}/staff/applications/a-1`);
    const missing = await fetch(`${base}/assets/missing.js`);

    // Assert
    expect([spa.status, spa.headers.get('content-type'), await spa.text()]).toEqual([
      200,
      'text/html; charset=utf-8',
      '<!doctype html><title>app</title>',
    ]);
    expect(missing.status).toBe(404);
  });

  it('never serves a file outside the web root', async () => {
    // Act
    const results = await Promise.all(
      [
        '/../local-server-secret.txt',
        '/%2e%2e/local-server-secret.txt',
        '/assets/..%2f..%2flocal-server-secret.txt',
        '/..%5clocal-server-secret.txt',
      ].map((p) => raw('GET', p)),
    );

    // Assert
    expect(results.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    expect(results.every((r) => !r.body.includes('secret'))).toBe(true);
  });

  it('resolves paths inside the root only', () => {
    // Act / Assert
    expect(resolveStaticPath('/srv/web', '/')).toEqual({
      kind: 'path',
      file: '/srv/web/index.html',
      hasExtension: false,
    });
    expect(resolveStaticPath('/srv/web', '/a%20b.css')).toEqual({
      kind: 'path',
      file: '/srv/web/a b.css',
      hasExtension: true,
    });
    expect(resolveStaticPath('/srv/web', '/x%00.js')).toEqual({ kind: 'forbidden' });
    expect(resolveStaticPath('/srv/web', '/%E0%A4%A')).toEqual({ kind: 'forbidden' });
  });

  it('shows a page saying the web app is not built when there is none', async () => {
    // Prepare
    web = { kind: 'not-built', reason: 'web/vite.config.ts does not exist yet.' };

    // Act
    const res = await fetch(`${base}/`);
    web = { kind: 'dir', root: webRoot };

    // Assert
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('web/vite.config.ts does not exist yet.');
  });
});

describe('the local HTTP server while starting', () => {
  it('holds requests until ready, and answers 503 when starting failed', async () => {
    // Prepare
    let fail!: (e: Error) => void;
    const ready = new Promise<void>((_, reject) => (fail = reject));
    const starting = createLocalHttpServer({
      routes,
      loadHandler: async (r) => handlers[r.operationId]!,
      web: () => web,
      ready,
    });
    const url = await listen(starting);

    // Act
    const pending = fetch(`${url}/api/things/a`);
    fail(new Error('java missing'));
    const res = await pending;

    // Assert
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'UNAVAILABLE', message: '本地系统未能启动，请查看控制台。' } });
    starting.closeAllConnections();
    await new Promise((r) => starting.close(r));
  });
});
