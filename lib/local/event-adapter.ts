/**
 * The embedded system's stand-in for API Gateway (HTTP API, Lambda proxy integration, payload
 * format 2.0): matches a request against the route table, turns it into the event the deployed
 * function would receive, and turns the function's result back into an HTTP answer. Pure functions
 * (no I/O, time and ids passed in), so the mapping is unit-tested on its own.
 *
 * Source of the rules: "Working with AWS Lambda proxy integrations for HTTP APIs" in the API Gateway
 * developer guide — lower-case header names, duplicate headers and query parameters joined with
 * commas, a `cookies` array instead of the Cookie header, each result cookie as its own
 * `Set-Cookie`, and a result without `statusCode` taken as a 200 JSON answer.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { randomBytes, randomUUID } from 'node:crypto';
import type { HttpMethod, RouteDefinition } from '../../functions/route-types.js';

/** Largest request body accepted, in bytes: Lambda's 6 MB synchronous payload limit is the binding one. */
export const MAX_REQUEST_BODY_BYTES = 6 * 1024 * 1024;

/** How long a handler may run, in milliseconds (HTTP API's integration timeout is 30 s). */
export const HANDLER_TIMEOUT_MS = 29_000;

type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string } | { kind: 'greedy'; name: string };

/** One route of the table, with its path split into segments for matching. */
export interface CompiledRoute {
  readonly route: RouteDefinition;
  /** API Gateway route key, e.g. `GET /api/applications/{applicationId}`. */
  readonly routeKey: string;
  readonly segments: readonly Segment[];
}

/** The result of matching a method and path against the route table. */
export type RouteMatch =
  | { readonly kind: 'match'; readonly compiled: CompiledRoute; readonly pathParameters: Record<string, string> }
  /** The path exists, but not for this method; `allowed` lists the methods it has. */
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly HttpMethod[] }
  | { readonly kind: 'not-found' };

/**
 * Compiles the route table for {@link matchRoute}. `{name}` matches one path segment, `{name+}` the
 * rest of the path (API Gateway's greedy parameter).
 * @throws Error when two routes have the same method and path
 */
export function compileRoutes(routes: readonly RouteDefinition[]): CompiledRoute[] {
  const seen = new Set<string>();
  return routes.map((route) => {
    const routeKey = `${route.method} ${route.path}`;
    if (seen.has(routeKey)) throw new Error(`Duplicate route ${routeKey} in the route table`);
    seen.add(routeKey);
    const segments = route.path
      .split('/')
      .slice(1)
      .map((part): Segment => {
        const param = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(part);
        if (!param) return { kind: 'literal', value: part };
        return param[2] ? { kind: 'greedy', name: param[1]! } : { kind: 'param', name: param[1]! };
      });
    return { route, routeKey, segments };
  });
}

/** Matches `segments` of a request path; returns the path parameters (decoded) or undefined. */
function matchSegments(pattern: readonly Segment[], parts: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const seg = pattern[i]!;
    if (seg.kind === 'greedy') {
      const rest = parts.slice(i);
      if (rest.length === 0 || rest.every((p) => p === '')) return undefined;
      const value = safeDecode(rest.join('/'));
      if (value === undefined) return undefined;
      params[seg.name] = value;
      return params;
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    const decoded = safeDecode(part);
    if (decoded === undefined) return undefined;
    if (seg.kind === 'literal') {
      if (decoded !== seg.value) return undefined;
    } else {
      if (decoded === '') return undefined;
      params[seg.name] = decoded;
    }
  }
  return parts.length === pattern.length ? params : undefined;
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** Literal segments rank above `{param}`, which ranks above `{param+}`, position by position. */
function specificity(route: CompiledRoute): number[] {
  return route.segments.map((s) => (s.kind === 'literal' ? 2 : s.kind === 'param' ? 1 : 0));
}

function moreSpecific(a: CompiledRoute, b: CompiledRoute): boolean {
  const sa = specificity(a);
  const sb = specificity(b);
  for (let i = 0; i < Math.max(sa.length, sb.length); i++) {
    const x = sa[i] ?? -1;
    const y = sb[i] ?? -1;
    if (x !== y) return x > y;
  }
  return false;
}

/**
 * Finds the route for `method` and `rawPath` (the path as sent, percent-encoded, no query string).
 * Like API Gateway, the most specific path wins (`/x/export` before `/x/{id}`) among the routes of
 * the request's method; unlike API Gateway (which answers 404), a path known only for other methods
 * is reported as `method-not-allowed`.
 */
export function matchRoute(table: readonly CompiledRoute[], method: string, rawPath: string): RouteMatch {
  const parts = rawPath.split('/').slice(1);
  let best: { compiled: CompiledRoute; params: Record<string, string> } | undefined;
  const otherMethods = new Set<HttpMethod>();
  for (const compiled of table) {
    const params = matchSegments(compiled.segments, parts);
    if (!params) continue;
    if (compiled.route.method !== method) {
      otherMethods.add(compiled.route.method);
      continue;
    }
    if (!best || moreSpecific(compiled, best.compiled)) best = { compiled, params };
  }
  if (best) return { kind: 'match', compiled: best.compiled, pathParameters: best.params };
  if (otherMethods.size > 0) return { kind: 'method-not-allowed', allowed: [...otherMethods].sort() };
  return { kind: 'not-found' };
}

/** A request as the local HTTP server received it. */
export interface LocalHttpRequest {
  readonly method: string;
  /** The request target as sent: path plus optional `?query`, percent-encoded. */
  readonly url: string;
  /** Node's `rawHeaders`: names and values alternating, in the order received, original case. */
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
  /** The client's address (IPv4-mapped IPv6 addresses are reported as plain IPv4). */
  readonly sourceIp: string;
}

/** What API Gateway adds that is not in the request: ids, time and the listening port. */
export interface EventMeta {
  readonly requestId: string;
  /** Request time in milliseconds since the epoch. */
  readonly timeEpoch: number;
  /** The port the local server listens on (for `x-forwarded-port`). */
  readonly port: number;
}

/**
 * True when API Gateway passes a body with this content type as text; other bodies (and bodies
 * without a content type) arrive base64-encoded with `isBase64Encoded: true`.
 */
export function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type.endsWith('+json') ||
    type === 'application/xml' ||
    type.endsWith('+xml') ||
    type === 'application/javascript' ||
    type === 'application/x-www-form-urlencoded'
  );
}

/** Lower-cases header names and joins repeated headers with commas, as payload format 2.0 does. */
function collectHeaders(rawHeaders: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    const value = rawHeaders[i + 1]!;
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  return headers;
}

/** Splits every Cookie header into `name=value` strings (API Gateway's `cookies` array). */
function collectCookies(rawHeaders: readonly string[]): string[] {
  const cookies: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() !== 'cookie') continue;
    for (const part of rawHeaders[i + 1]!.split(';')) {
      const c = part.trim();
      if (c) cookies.push(c);
    }
  }
  return cookies;
}

/** `queryStringParameters`: decoded, repeated keys joined with commas; undefined when there is no query. */
function collectQuery(rawQueryString: string): Record<string, string> | undefined {
  if (!rawQueryString) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawQueryString)) {
    out[key] = key in out ? `${out[key]},${value}` : value;
  }
  return Object.keys(out).length ? out : undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `requestContext.time` in API Gateway's format, e.g. `12/Mar/2020:19:03:58 +0000`. */
export function formatRequestTime(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** Splits a request target into the raw path and the raw query string (without `?`). */
export function splitTarget(url: string): { rawPath: string; rawQueryString: string } {
  // An absolute-form target (`http://host/path`) is legal HTTP; keep only its path and query.
  const target = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '') || '/' : url;
  const hash = target.indexOf('#');
  const noHash = hash >= 0 ? target.slice(0, hash) : target;
  const q = noHash.indexOf('?');
  return q >= 0
    ? { rawPath: noHash.slice(0, q) || '/', rawQueryString: noHash.slice(q + 1) }
    : { rawPath: noHash || '/', rawQueryString: '' };
}

/**
 * Builds the payload-2.0 event API Gateway would send to the route's function.
 * The `Host` header is copied into `x-forwarded-host` (in the cloud a CloudFront Function does this,
 * and the Origin check of state-changing routes compares against it); a client-sent
 * `x-forwarded-host` is overwritten, as CloudFront overwrites it.
 */
export function toApiGatewayEvent(
  request: LocalHttpRequest,
  match: Extract<RouteMatch, { kind: 'match' }>,
  meta: EventMeta,
): APIGatewayProxyEventV2 {
  const { rawPath, rawQueryString } = splitTarget(request.url);
  const headers = collectHeaders(request.rawHeaders);
  const cookies = collectCookies(request.rawHeaders);
  delete headers.cookie;
  if (headers.host !== undefined) headers['x-forwarded-host'] = headers.host;
  else delete headers['x-forwarded-host'];
  headers['x-forwarded-for'] = headers['x-forwarded-for']
    ? `${headers['x-forwarded-for']}, ${request.sourceIp}`
    : request.sourceIp;
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-port'] = String(meta.port);

  const queryStringParameters = collectQuery(rawQueryString);
  const hasBody = request.body.length > 0;
  const text = isTextContentType(headers['content-type']);
  const domainName = (headers.host ?? 'localhost').replace(/:\d+$/, '');

  return {
    version: '2.0',
    routeKey: match.compiled.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies.length ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    ...(Object.keys(match.pathParameters).length ? { pathParameters: match.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method: request.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: meta.requestId,
      routeKey: match.compiled.routeKey,
      stage: '$default',
      time: formatRequestTime(meta.timeEpoch),
      timeEpoch: meta.timeEpoch,
    },
    ...(hasBody ? { body: text ? request.body.toString('utf8') : request.body.toString('base64') } : {}),
    isBase64Encoded: hasBody && !text,
  };
}

/** An HTTP answer ready to write: `set-cookie` is an array, one header line per cookie. */
export interface LocalHttpResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[]>;
  readonly body: Buffer;
}

// Connection-level headers are the server's business, not the function's (API Gateway drops them too).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'upgrade',
  'te',
  'trailer',
]);

/**
 * Turns a function's result into the HTTP answer API Gateway would send. A structured result
 * (with `statusCode`) gives status, headers, body (base64-decoded when `isBase64Encoded`) and one
 * `Set-Cookie` per entry of `cookies`; anything else is a 200 JSON answer whose body is the result
 * (a string as is, other values as JSON).
 */
export function toHttpResponse(result: APIGatewayProxyResultV2 | undefined | null): LocalHttpResponse {
  if (
    result === null ||
    result === undefined ||
    typeof result !== 'object' ||
    !('statusCode' in result) ||
    result.statusCode === undefined
  ) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body, 'utf8') };
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) {
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || value === undefined) continue;
    headers[lower] = String(value);
  }
  if (result.cookies?.length) {
    const existing = headers['set-cookie'];
    headers['set-cookie'] = [...(existing === undefined ? [] : [existing].flat()), ...result.cookies];
  }
  const raw = result.body ?? '';
  const body = result.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  return { statusCode: result.statusCode, headers, body };
}

/** The project's JSON error answer (`{"error":{"code","message"}}`) for errors of the local gateway itself. */
export function gatewayError(
  statusCode: number,
  code: string,
  message: string,
  extraHeaders: Record<string, string> = {},
): LocalHttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extraHeaders },
    body: Buffer.from(JSON.stringify({ error: { code, message } }), 'utf8'),
  };
}

/** A request id in API Gateway's style (14 base64 characters and `=`). */
export function newRequestId(): string {
  return randomBytes(10).toString('base64');
}

/**
 * A Lambda-like context for one invocation: names, a fresh `awsRequestId` and a deadline of
 * `timeoutMs` from `startedAt` for `getRemainingTimeInMillis()` (middy uses it to time out early).
 */
export function createLambdaContext(
  route: RouteDefinition,
  options: { startedAt: number; timeoutMs?: number; region?: string; now?: () => number },
): Context {
  const deadline = options.startedAt + (options.timeoutMs ?? HANDLER_TIMEOUT_MS);
  const now = options.now ?? Date.now;
  const functionName = `local-${route.operationId}`;
  const region = options.region ?? 'us-east-1';
  const unsupported = () => {
    throw new Error('The local Lambda context supports only async handlers');
  };
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
