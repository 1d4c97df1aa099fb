/**
 * The one HTTP server of the embedded system: `/api/*` goes through the API Gateway stand-in
 * (`event-adapter.ts`) to the route's Lambda handler, everything else is the built web app — the
 * same split CloudFront makes in the cloud, on one origin.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { RouteDefinition } from '../../functions/route-types.js';
import {
  compileRoutes,
  createLambdaContext,
  gatewayError,
  MAX_REQUEST_BODY_BYTES,
  matchRoute,
  newRequestId,
  splitTarget,
  toApiGatewayEvent,
  toHttpResponse,
  type LocalHttpResponse,
} from './event-adapter.js';
import { notBuiltPage, serveStatic } from './static-files.js';

/** A Lambda handler as the handler modules export it (async, payload format 2.0). */
export type LambdaHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyResultV2 | undefined | void>;

/** Where the web app comes from: a folder with `index.html`, or a page explaining why there is none. */
export type WebSource =
  { readonly kind: 'dir'; readonly root: string } | { readonly kind: 'not-built'; readonly reason: string };

/** Options of {@link createLocalHttpServer}. */
export interface LocalHttpServerOptions {
  readonly routes: readonly RouteDefinition[];
  /** Loads the handler of a route (called once per route; the result is cached). */
  readonly loadHandler: (route: RouteDefinition) => Promise<LambdaHandler>;
  /** The web app to serve; asked on each non-API request once `ready` has resolved. */
  readonly web: () => WebSource;
  /** Requests are held until this resolves (emulators starting); if it rejects they get a 503. */
  readonly ready: Promise<void>;
  /** Largest request body in bytes (default {@link MAX_REQUEST_BODY_BYTES}). */
  readonly maxBodyBytes?: number;
  /** The AWS region reported in the Lambda context. */
  readonly region?: string;
  /** One line per API request (method, route key, status, duration: no values, no personal data). */
  readonly log?: (line: string) => void;
  /** Errors of the local server itself (a handler module that fails to load, a handler that throws). */
  readonly logError?: (message: string, error: unknown) => void;
}

function send(res: ServerResponse, out: LocalHttpResponse, head: boolean): void {
  res.writeHead(out.statusCode, { ...out.headers, 'content-length': String(out.body.length) });
  res.end(head ? undefined : out.body);
}

/** `::ffff:127.0.0.1` → `127.0.0.1`, as API Gateway reports IPv4 clients. */
function clientIp(req: IncomingMessage): string {
  const ip = req.socket.remoteAddress ?? '127.0.0.1';
  return ip.startsWith('::ffff:') ? ip.slice('::ffff:'.length) : ip;
}

class BodyTooLarge extends Error {}

/** A byte count for people: whole MB from 1 MB up, else whole KB. */
function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${Math.floor(bytes / 1024)} KB`;
}

/** Reads the whole body, refusing (without reading further) once it exceeds `max` bytes. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.off('data', onData);
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Creates (does not start) the local HTTP server. Unknown `/api` paths answer 404 `NOT_FOUND`, a
 * known path with another method 405 `METHOD_NOT_ALLOWED`, a body over the limit 413
 * `PAYLOAD_TOO_LARGE` (the connection is then closed instead of reading the rest), a handler that
 * fails to load or throws 500 `INTERNAL` — all in the API's JSON error shape.
 */
export function createLocalHttpServer(options: LocalHttpServerOptions): Server {
  const table = compileRoutes(options.routes);
  const handlers = new Map<string, Promise<LambdaHandler>>();
  const maxBody = options.maxBodyBytes ?? MAX_REQUEST_BODY_BYTES;
  let port = 0;
  // Requests await `ready`; a failure before the first request must not count as unhandled.
  options.ready.catch(() => undefined);

  const handlerFor = (route: RouteDefinition): Promise<LambdaHandler> => {
    let loading = handlers.get(route.handler);
    if (!loading) {
      loading = options.loadHandler(route);
      // A failed import is retried on the next request (e.g. after fixing a syntax error).
      loading.catch(() => handlers.delete(route.handler));
      handlers.set(route.handler, loading);
    }
    return loading;
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> {
    const started = Date.now();
    const head = req.method === 'HEAD';
    const match = matchRoute(table, req.method ?? 'GET', rawPath);
    if (match.kind === 'not-found') {
      req.resume();
      return send(res, gatewayError(404, 'NOT_FOUND', '接口不存在。'), head);
    }
    if (match.kind === 'method-not-allowed') {
      req.resume();
      return send(
        res,
        gatewayError(405, 'METHOD_NOT_ALLOWED', '该接口不支持此请求方法。', { allow: match.allowed.join(', ') }),
        head,
      );
    }
    let body: Buffer;
    try {
      body = await readBody(req, maxBody);
    } catch (e) {
      if (!(e instanceof BodyTooLarge)) throw e;
      // Closing the connection is the only way not to read (or buffer) the rest of a huge upload.
      res.setHeader('connection', 'close');
      send(res, gatewayError(413, 'PAYLOAD_TOO_LARGE', `请求内容过大（上限 ${formatLimit(maxBody)}）。`), head);
      return;
    }
    const route = match.compiled.route;
    const event = toApiGatewayEvent(
      { method: req.method ?? 'GET', url: req.url ?? '/', rawHeaders: req.rawHeaders, body, sourceIp: clientIp(req) },
      match,
      { requestId: newRequestId(), timeEpoch: started, port },
    );
    let out: LocalHttpResponse;
    try {
      const handler = await handlerFor(route);
      const context = createLambdaContext(route, {
        startedAt: started,
        ...(options.region ? { region: options.region } : {}),
      });
      out = toHttpResponse((await handler(event, context)) ?? undefined);
    } catch (error) {
      options.logError?.(`Handler ${route.handler} failed`, error);
      out = gatewayError(500, 'INTERNAL', '系统繁忙，请稍后再试。');
    }
    send(res, out, head);
    options.log?.(`${match.compiled.routeKey} → ${out.statusCode} (${Date.now() - started} ms)`);
  }

  const server = createServer((req, res) => {
    void (async () => {
      const { rawPath } = splitTarget(req.url ?? '/');
      try {
        await options.ready;
      } catch {
        req.resume();
        return send(res, gatewayError(503, 'UNAVAILABLE', '本地系统未能启动，请查看控制台。'), req.method === 'HEAD');
      }
      if (rawPath === '/api' || rawPath.startsWith('/api/')) return handleApi(req, res, rawPath);
      req.resume();
      const web = options.web();
      if (web.kind === 'dir') return serveStatic(web.root, rawPath, req, res);
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : notBuiltPage(web.reason));
    })().catch((error: unknown) => {
      options.logError?.('Local server error', error);
      if (!res.headersSent) send(res, gatewayError(500, 'INTERNAL', '系统繁忙，请稍后再试。'), false);
      else res.destroy();
    });
  });
  server.on('listening', () => {
    const address = server.address();
    if (address && typeof address === 'object') port = address.port;
  });
  return server;
}
