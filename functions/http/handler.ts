/**
 * The house HTTP handler: one middy stack for every route of the table (STYLE.md). In order:
 * Powertools context → error mapping (runs last on the way out) → Origin check for state-changing
 * routes → session and role check → body parsing with a size limit → zod validation of params,
 * query and body → the use case. Handlers stay thin: `httpHandler(routes.x, async (req) => …)`.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import type { Audience, RouteDefinition, RouteRequest } from '../route-types.js';
import { isStateChanging } from '../route-types.js';
import { errorResponse, toAppError } from './errors.js';
import { logError, logger } from './logger.js';
import {
  readSession,
  renewedCandidateCookie,
  type CandidateSession,
  type Session,
  type StaffSession,
} from './session.js';

/** Default largest request body, in bytes. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

/** The session type a route's audience guarantees. */
export type SessionFor<A> = A extends 'candidate'
  ? CandidateSession
  : A extends 'staff' | 'admin'
    ? StaffSession
    : undefined;

/** What a use case receives: validated input, the caller's session and request metadata. */
export interface HttpRequest<Req extends RouteRequest, A> {
  readonly body: Infer<Req['body']>;
  readonly query: Infer<Req['query']>;
  readonly params: Infer<Req['params']>;
  readonly session: SessionFor<A>;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** API Gateway's `cookies` array (`name=value`), for routes that look at a session themselves. */
  readonly cookies: readonly string[];
  readonly requestId: string;
  /** Request time in milliseconds since the epoch (API Gateway's `timeEpoch`). */
  readonly time: number;
}

/** What a use case returns; `body` is serialised as JSON unless `rawBody` is given. */
export interface HttpResponse {
  readonly status?: number;
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
  readonly cookies?: string[];
}

/** The Origin of a state-changing request must be this site (SPEC §3: CSRF defence beside SameSite). */
function checkOrigin(event: APIGatewayProxyEventV2): void {
  const origin = event.headers.origin;
  const host = event.headers['x-forwarded-host'] ?? event.headers.host;
  const allowed = (process.env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (origin) {
    if (allowed.includes(origin)) return;
    try {
      if (host && new URL(origin).host === host) return;
    } catch {
      // fall through to the refusal below
    }
  }
  throw new AppError('ORIGIN_NOT_ALLOWED', '请求来源不被允许，请从本站页面操作。');
}

async function authenticate(route: RouteDefinition, event: APIGatewayProxyEventV2): Promise<Session | undefined> {
  if (route.audience === 'public') return undefined;
  const now = event.requestContext.timeEpoch;
  if (route.audience === 'candidate') {
    const session = await readSession(event.cookies, 'candidate', now);
    if (session?.kind === 'candidate') {
      // Loaded on first use: public functions never initialise the account stores.
      const { candidateSessionValid } = await import('./session-checks.js');
      if (!(await candidateSessionValid(session.candidateId, session.sessionVersion ?? 0))) {
        throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录。');
      }
      return session;
    }
    if (await readSession(event.cookies, 'staff', now)) throw new AppError('FORBIDDEN', '该功能仅限考生使用。');
    throw new AppError('UNAUTHENTICATED', '请先登录。');
  }
  const staff = await readSession(event.cookies, 'staff', now);
  if (!staff) {
    if (await readSession(event.cookies, 'candidate', now)) throw new AppError('FORBIDDEN', '该功能仅限工作人员使用。');
    throw new AppError('UNAUTHENTICATED', '请先以工作人员身份登录。');
  }
  if (staff.kind !== 'staff') throw new AppError('UNAUTHENTICATED', '请先以工作人员身份登录。');
  const { currentStaffAccess } = await import('./session-checks.js');
  const access = await currentStaffAccess(staff.staffId, staff.sessionVersion ?? 0);
  if (!access) throw new AppError('UNAUTHENTICATED', '登录已失效或账户已停用，请重新登录。');
  if (route.audience === 'admin' && access.role !== 'admin')
    throw new AppError('FORBIDDEN', '该功能仅限省级管理员使用。');
  return { ...staff, ...access };
}

function decodeBody(route: RouteDefinition, event: APIGatewayProxyEventV2): unknown {
  if (!route.request.body) return undefined;
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  const max = route.request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (Buffer.byteLength(text, 'utf8') > max) {
    throw new AppError('PAYLOAD_TOO_LARGE', `请求内容过大（上限 ${Math.floor(max / 1024)} KB）。`);
  }
  const type = (event.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请求内容须为 JSON（Content-Type: application/json）。');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('INVALID_JSON', '请求内容不是有效的 JSON。');
  }
}

function validate(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw toAppError(result.error, where);
}

/** The event as the middlewares leave it for the handler. */
type ParsedEvent = APIGatewayProxyEventV2 & {
  session?: Session;
  input?: { body: unknown; query: unknown; params: unknown };
};
type Mw = middy.MiddlewareObj<ParsedEvent, APIGatewayProxyStructuredResultV2, Error, Context>;

/** Logger context and request-scoped keys (Powertools). Never logs the event itself. */
function loggerContext(route: RouteDefinition): Mw {
  return {
    before: (request) => {
      logger.addContext(request.context);
      logger.appendKeys({ operationId: route.operationId, requestId: request.event.requestContext?.requestId });
    },
    after: () => logger.resetKeys(),
  };
}

/** Maps any error to the one JSON error shape; 5xx bodies are generic and the cause is logged. */
function errorHandler(route: RouteDefinition): Mw {
  return {
    onError: (request) => {
      const appError = toAppError(request.error);
      if (appError.status >= 500) logError('Unhandled error', request.error, { operationId: route.operationId });
      else logger.info('Request refused', { code: appError.code, status: appError.status });
      request.response = errorResponse(appError, request.event.requestContext?.requestId);
      logger.resetKeys();
    },
  };
}

/** Refuses state-changing requests whose Origin is not this site. */
function originCheck(route: RouteDefinition): Mw {
  return { before: (request) => (isStateChanging(route.method) ? checkOrigin(request.event) : undefined) };
}

/** Verifies the session the route's audience requires and attaches it to the event. */
function sessionCheck(route: RouteDefinition): Mw {
  return {
    before: async (request) => {
      const session = await authenticate(route, request.event);
      if (session) request.event.session = session;
    },
  };
}

/** Parses the JSON body (size limit, content type) and validates params, query and body with zod. */
function inputValidator(route: RouteDefinition): Mw {
  return {
    before: (request) => {
      const event = request.event;
      const body = decodeBody(route, event);
      event.input = {
        params: validate(route.request.params, event.pathParameters ?? {}, 'params'),
        query: validate(route.request.query, event.queryStringParameters ?? {}, 'query'),
        body: validate(route.request.body, body, 'body'),
      };
    },
  };
}

function toResult(route: RouteDefinition, out: HttpResponse): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...out.headers };
  let body: string | undefined;
  if (out.rawBody !== undefined) {
    body = out.rawBody;
    headers['content-type'] ??= route.responseContentType ?? 'text/plain; charset=utf-8';
  } else if (out.body !== undefined) {
    body = JSON.stringify(out.body);
    headers['content-type'] = 'application/json; charset=utf-8';
  }
  return {
    statusCode: out.status ?? route.successStatus ?? 200,
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(out.cookies?.length ? { cookies: out.cookies } : {}),
  };
}

/**
 * Wraps a use case into a Lambda handler for an API Gateway HTTP API (payload 2.0) route.
 * Errors thrown by `run` become the one JSON error shape; unknown errors become a generic 500 that is
 * logged with the request id.
 */
export function httpHandler<Req extends RouteRequest, Res extends z.ZodType, A extends Audience>(
  route: RouteDefinition<Req, Res> & { readonly audience: A },
  run: (req: HttpRequest<Req, A>) => Promise<HttpResponse>,
) {
  const r = route as unknown as RouteDefinition;
  return middy<ParsedEvent, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(loggerContext(r))
    .use(errorHandler(r))
    .use(originCheck(r))
    .use(sessionCheck(r))
    .use(inputValidator(r))
    .handler(async (event) => {
      const input = event.input ?? { body: undefined, query: undefined, params: undefined };
      const out = await run({
        body: input.body,
        query: input.query,
        params: input.params,
        session: event.session,
        headers: event.headers,
        cookies: event.cookies ?? [],
        requestId: event.requestContext.requestId,
        time: event.requestContext.timeEpoch,
      } as unknown as HttpRequest<Req, A>);
      const renewed = await renewedCandidateCookie(event.session, event.requestContext.timeEpoch);
      const cookies = renewed && !out.cookies?.length ? [renewed] : out.cookies;
      return toResult(r, { ...out, ...(cookies ? { cookies } : {}) });
    });
}
