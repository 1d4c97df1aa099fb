/**
 * Builders for API Gateway HTTP API (payload 2.0) events and a Lambda context, for handler tests.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

/** The origin the handler tests pretend the web app is served from. */
export const TEST_HOST = 'portal.test';
export const TEST_ORIGIN = `https://${TEST_HOST}`;

/** Options of {@link apiEvent}. */
export interface EventOptions {
  method?: string;
  path?: string;
  routeKey?: string;
  headers?: Record<string, string>;
  cookies?: string[];
  body?: string | object;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  /** Omit the Origin header (default: a same-site Origin is sent). */
  noOrigin?: boolean;
  timeEpoch?: number;
}

/** A payload-2.0 event as API Gateway would deliver it (lower-case headers, cookies array). */
export function apiEvent(o: EventOptions = {}): APIGatewayProxyEventV2 {
  const method = o.method ?? 'GET';
  const path = o.path ?? '/api/health';
  const body = o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
  const headers: Record<string, string> = {
    host: 'abc123.execute-api.us-east-1.amazonaws.com',
    'x-forwarded-host': TEST_HOST,
    ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(o.noOrigin ? {} : { origin: TEST_ORIGIN }),
    ...o.headers,
  };
  const query = o.query ?? {};
  return {
    version: '2.0',
    routeKey: o.routeKey ?? `${method} ${path}`,
    rawPath: path,
    rawQueryString: new URLSearchParams(query).toString(),
    headers,
    ...(o.cookies ? { cookies: o.cookies } : {}),
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(o.pathParameters ? { pathParameters: o.pathParameters } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
      requestId: 'req-test-1',
      routeKey: o.routeKey ?? `${method} ${path}`,
      stage: '$default',
      time: '30/Nov/2026:00:00:00 +0000',
      timeEpoch: o.timeEpoch ?? Date.parse('2026-11-30T08:00:00Z'),
    },
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: false,
  } as APIGatewayProxyEventV2;
}

/** A minimal Lambda context. */
export function lambdaContext(name = 'test-fn'): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`,
    memoryLimitInMB: '512',
    awsRequestId: 'aws-req-1',
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'stream',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** A handler as the route table's modules export it. */
export type ApiHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** Parses a JSON answer body. */
export function jsonBody<T = Record<string, unknown>>(result: APIGatewayProxyStructuredResultV2): T {
  return JSON.parse(result.body ?? 'null') as T;
}
