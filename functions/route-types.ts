/**
 * Types of the route table (see `routes.ts`). Data only: no AWS or CDK import, so the CDK app, the
 * local server, the OpenAPI generator and the handlers can all read the same table.
 */
import type { z } from 'zod';

/** Who may call a route. `admin` is a staff role with every confirmation point in scope. */
export type Audience = 'public' | 'candidate' | 'staff' | 'admin';

/** HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The AWS permissions a route's function needs, and nothing more. The CDK app turns each entry into
 * exactly one grant (and the environment variable that goes with it); a test checks that a synthesized
 * function has no other permission.
 */
export interface RoutePermissions {
  /** The application table: `read` = GetItem/Query/BatchGet, `write` = read + Put/Update/Delete/Transact. */
  readonly table?: 'read' | 'write';
  /** The photo bucket: `read` = GetObject/HeadObject (presigned GET), `write` = read + PutObject (presigned PUT) + DeleteObject. */
  readonly photos?: 'read' | 'write';
  /** Rekognition `CompareFaces` (only when the stage enables face compare). */
  readonly faces?: boolean;
  /**
   * The session-signing key (Secrets Manager). Every non-public route verifies sessions with it, so it
   * is granted to those automatically; set this on public routes that issue a session (login).
   */
  readonly signsSessions?: boolean;
}

/** Request schemas, each validated before the use case runs. Object schemas should be `.strict()`. */
export interface RouteRequest {
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  readonly params?: z.ZodType;
  /** Largest accepted body, in bytes (default 16 KiB). */
  readonly maxBodyBytes?: number;
}

/** One row of the route table. */
export interface RouteDefinition<Req extends RouteRequest = RouteRequest, Res extends z.ZodType = z.ZodType> {
  /** Stable name used by OpenAPI and by checks outside the code (SPEC §5). */
  readonly operationId: string;
  readonly method: HttpMethod;
  /** API Gateway path, e.g. `/api/applications/{applicationId}`. */
  readonly path: string;
  /** Handler module under `functions/handlers/`, without extension (e.g. `public/get-health`). */
  readonly handler: string;
  readonly audience: Audience;
  /** One line for OpenAPI, in Chinese or English. */
  readonly summary: string;
  readonly tags: readonly string[];
  readonly permissions: RoutePermissions;
  readonly request: Req;
  /** Schema of the 2xx JSON body; `null` when the route answers with something else (e.g. CSV). */
  readonly response: Res | null;
  /** Content type of a non-JSON answer. */
  readonly responseContentType?: string;
  /** Status of the successful answer (default 200). */
  readonly successStatus?: number;
}

/** Identity helper that keeps the literal types of a route definition (schemas and audience). */
export function defineRoute<Req extends RouteRequest, Res extends z.ZodType, const A extends Audience>(
  route: RouteDefinition<Req, Res> & { readonly audience: A },
): RouteDefinition<Req, Res> & { readonly audience: A } {
  return route;
}

/** True when the route changes state, so it must pass the Origin check (SPEC §3 Sessions). */
export function isStateChanging(method: HttpMethod): boolean {
  return method !== 'GET';
}

/** True when the route's function needs the session-signing key. */
export function needsSessionKey(route: RouteDefinition): boolean {
  return route.audience !== 'public' || route.permissions.signsSessions === true;
}
