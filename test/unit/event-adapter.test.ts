import { describe, expect, it } from 'vitest';
import {
  compileRoutes,
  createLambdaContext,
  formatRequestTime,
  isTextContentType,
  matchRoute,
  splitTarget,
  toApiGatewayEvent,
  toHttpResponse,
  type LocalHttpRequest,
} from '../../lib/local/event-adapter.js';
import { testRoute } from '../support/routes.js';

const table = compileRoutes([
  testRoute('getApplication', 'GET', '/api/staff/applications/{applicationId}'),
  testRoute('exportApplications', 'GET', '/api/staff/applications/export'),
  testRoute('decideApplication', 'POST', '/api/staff/applications/{applicationId}/decision'),
  testRoute('getCertificatePhoto', 'GET', '/api/application/certificates/{certificateId}/photos/{index}'),
  testRoute('getHealth', 'GET', '/api/health'),
]);

const T = Date.parse('2026-11-30T07:30:05.123Z');

function request(overrides: Partial<LocalHttpRequest> = {}): LocalHttpRequest {
  return {
    method: 'GET',
    url: '/api/health',
    rawHeaders: ['Host', 'localhost:3000'],
    body: Buffer.alloc(0),
    sourceIp: '127.0.0.1',
    ...overrides,
  };
}

function matched(method: string, url: string) {
  const m = matchRoute(table, method, splitTarget(url).rawPath);
  if (m.kind !== 'match') throw new Error(`expected a match for ${method} ${url}, got ${m.kind}`);
  return m;
}

describe('matchRoute', () => {
  it('extracts decoded path parameters from {param} segments', () => {
    // Act
    const m = matched('GET', '/api/application/certificates/c%2D1/photos/2');

    // Assert
    expect(m.compiled.routeKey).toBe('GET /api/application/certificates/{certificateId}/photos/{index}');
    expect(m.pathParameters).toEqual({ certificateId: 'c-1', index: '2' });
  });

  it('prefers a literal segment over a parameter, as API Gateway does', () => {
    // Act
    const m = matched('GET', '/api/staff/applications/export');

    // Assert
    expect(m.compiled.route.operationId).toBe('exportApplications');
    expect(m.pathParameters).toEqual({});
  });

  it('reports a known path with another method as method-not-allowed, listing the methods it has', () => {
    // Act
    const m = matchRoute(table, 'DELETE', '/api/staff/applications/a-1');

    // Assert
    expect(m).toEqual({ kind: 'method-not-allowed', allowed: ['GET'] });
  });

  it('reports unknown paths, extra segments and a trailing slash as not found', () => {
    // Act
    const results = ['/api/nope', '/api/health/x', '/api/health/', '/api/staff/applications//decision'].map(
      (p) => matchRoute(table, 'GET', p).kind,
    );

    // Assert
    expect(results).toEqual(['not-found', 'not-found', 'not-found', 'not-found']);
  });

  it('refuses a table with the same method and path twice', () => {
    // Act / Assert
    expect(() => compileRoutes([testRoute('a', 'GET', '/api/x'), testRoute('b', 'GET', '/api/x')])).toThrow(
      'Duplicate route GET /api/x in the route table',
    );
  });
});

describe('toApiGatewayEvent', () => {
  it('builds a payload 2.0 event with lower-case headers, a cookies array and no cookie header', () => {
    // Prepare
    const req = request({
      url: '/api/staff/applications/a%201/decision?page=2&status=submitted&status=returned&q=%E5%BC%A0',
      method: 'POST',
      rawHeaders: [
        'Host',
        'localhost:3000',
        'User-Agent',
        'test-agent/1.0',
        'Cookie',
        'ep_staff=abc.def; theme=dark',
        'Cookie',
        'lang=zh',
        'Accept',
        'text/html',
        'Accept',
        'application/json',
        'X-Forwarded-Host',
        'evil.example',
        'Content-Type',
        'application/json; charset=utf-8',
      ],
      body: Buffer.from('{"decision":"approved"}', 'utf8'),
      sourceIp: '127.0.0.1',
    });

    // Act
    const event = toApiGatewayEvent(req, matched('POST', req.url), { requestId: 'req-1', timeEpoch: T, port: 3000 });

    // Assert
    expect(event).toEqual({
      version: '2.0',
      routeKey: 'POST /api/staff/applications/{applicationId}/decision',
      rawPath: '/api/staff/applications/a%201/decision',
      rawQueryString: 'page=2&status=submitted&status=returned&q=%E5%BC%A0',
      cookies: ['ep_staff=abc.def', 'theme=dark', 'lang=zh'],
      headers: {
        host: 'localhost:3000',
        'user-agent': 'test-agent/1.0',
        accept: 'text/html,application/json',
        'x-forwarded-host': 'localhost:3000',
        'content-type': 'application/json; charset=utf-8',
        'x-forwarded-for': '127.0.0.1',
        'x-forwarded-proto': 'http',
        'x-forwarded-port': '3000',
      },
      queryStringParameters: { page: '2', status: 'submitted,returned', q: '张' },
      pathParameters: { applicationId: 'a 1' },
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: 'localhost',
        domainPrefix: 'localhost',
        http: {
          method: 'POST',
          path: '/api/staff/applications/a%201/decision',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'test-agent/1.0',
        },
        requestId: 'req-1',
        routeKey: 'POST /api/staff/applications/{applicationId}/decision',
        stage: '$default',
        time: '30/Nov/2026:07:30:05 +0000',
        timeEpoch: T,
      },
      body: '{"decision":"approved"}',
      isBase64Encoded: false,
    });
  });

  it('passes a binary body base64-encoded with isBase64Encoded true', () => {
    // Prepare
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
    const req = request({
      method: 'POST',
      url: '/api/staff/applications/a-1/decision',
      rawHeaders: ['Host', 'localhost:3000', 'Content-Type', 'image/jpeg'],
      body: bytes,
    });

    // Act
    const event = toApiGatewayEvent(req, matched('POST', req.url), { requestId: 'r', timeEpoch: T, port: 3000 });

    // Assert
    expect(event.isBase64Encoded).toBe(true);
    expect(event.body).toBe('/9j/4AAQ');
  });

  it('leaves out body, cookies, query and path parameters when the request has none', () => {
    // Act
    const event = toApiGatewayEvent(request(), matched('GET', '/api/health'), {
      requestId: 'r',
      timeEpoch: T,
      port: 3000,
    });

    // Assert
    expect(Object.keys(event).sort()).toEqual([
      'headers',
      'isBase64Encoded',
      'rawPath',
      'rawQueryString',
      'requestContext',
      'routeKey',
      'version',
    ]);
    expect(event.isBase64Encoded).toBe(false);
    expect(event.rawQueryString).toBe('');
  });

  it('treats text, JSON and XML types as text and everything else (or no type) as binary', () => {
    // Act
    const kinds = [
      'text/csv; charset=utf-8',
      'application/json',
      'application/problem+json',
      'application/xml',
      'image/png',
      'application/octet-stream',
      undefined,
    ].map(isTextContentType);

    // Assert
    expect(kinds).toEqual([true, true, true, true, false, false, false]);
  });
});

describe('toHttpResponse', () => {
  it('turns every entry of cookies into its own Set-Cookie header', () => {
    // Act
    const out = toHttpResponse({
      statusCode: 201,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Length': '999',
      },
      cookies: [
        'ep_candidate=tok; Path=/api; HttpOnly; Secure; SameSite=Strict; Max-Age=3600',
        'ep_staff=; Path=/api; HttpOnly; Secure; SameSite=Strict; Max-Age=0',
      ],
      body: '{"ok":true}',
    });

    // Assert
    expect(out.statusCode).toBe(201);
    expect(out.headers).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'set-cookie': [
        'ep_candidate=tok; Path=/api; HttpOnly; Secure; SameSite=Strict; Max-Age=3600',
        'ep_staff=; Path=/api; HttpOnly; Secure; SameSite=Strict; Max-Age=0',
      ],
    });
    expect(out.body.toString('utf8')).toBe('{"ok":true}');
  });

  it('decodes a base64 body', () => {
    // Act
    const out = toHttpResponse({
      statusCode: 200,
      headers: { 'content-type': 'image/jpeg' },
      body: '/9j/4AAQ',
      isBase64Encoded: true,
    });

    // Assert
    expect([...out.body]).toEqual([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
  });

  it('answers a result without statusCode as 200 JSON, like API Gateway', () => {
    // Act
    const fromObject = toHttpResponse({ hello: 'world' } as never);
    const fromString = toHttpResponse('plain');

    // Assert
    expect([fromObject.statusCode, fromObject.headers, fromObject.body.toString()]).toEqual([
      200,
      { 'content-type': 'application/json' },
      '{"hello":"world"}',
    ]);
    expect([fromString.statusCode, fromString.body.toString()]).toEqual([200, 'plain']);
  });
});

describe('createLambdaContext', () => {
  it('names the function after the operation and counts down from the deadline', () => {
    // Prepare
    let now = 1_000;
    const context = createLambdaContext(testRoute('getHealth', 'GET', '/api/health'), {
      startedAt: 1_000,
      timeoutMs: 29_000,
      now: () => now,
    });

    // Act
    now = 4_000;

    // Assert
    expect(context.functionName).toBe('local-getHealth');
    expect(context.invokedFunctionArn).toBe('arn:aws:lambda:us-east-1:000000000000:function:local-getHealth');
    expect(context.getRemainingTimeInMillis()).toBe(26_000);
    expect(context.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('formatRequestTime', () => {
  it('formats like API Gateway requestContext.time', () => {
    expect(formatRequestTime(Date.parse('2020-03-12T19:03:58Z'))).toBe('12/Mar/2020:19:03:58 +0000');
  });
});
