/**
 * Sessions (SPEC §3): a short-lived HS256 JWT (jose) in an HttpOnly, Secure, SameSite=Strict cookie.
 * Candidate and staff sessions use different cookies and different JWT audiences, so a candidate
 * token can never call a staff route. The signing key comes from Secrets Manager
 * (`SESSION_SECRET_ARN`) in the cloud, or from `SESSION_SIGNING_KEY` (base64, ≥ 32 bytes) where the
 * operator supplies it directly (the embedded local system generates one).
 */
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { lazyConfig } from '../config.js';

export type { CandidateSession, Session, StaffSession } from '../domain/session.js';
import type { Session } from '../domain/session.js';

/** Cookie names, one per kind of session. */
export const SESSION_COOKIE = { candidate: 'ep_candidate', staff: 'ep_staff' } as const;

/**
 * Session lifetime in seconds (candidates and staff alike). A candidate session that is used after half
 * its life is renewed (sliding), so nobody loses their session in the middle of a form; a staff session
 * is not (its role and points are re-read at the next login).
 */
export const SESSION_TTL_SECONDS = 60 * 60;

/**
 * The renewed cookie for a candidate session past half its lifetime, or undefined when no renewal is
 * due. @param now milliseconds since the epoch
 */
export async function renewedCandidateCookie(session: Session | undefined, now: number): Promise<string | undefined> {
  if (session?.kind !== 'candidate' || session.issuedAt === undefined) return undefined;
  if (now / 1000 - session.issuedAt < SESSION_TTL_SECONDS / 2) return undefined;
  return issueSessionCookie(
    { kind: 'candidate', candidateId: session.candidateId, sessionVersion: session.sessionVersion ?? 0 },
    now,
  );
}

const ISSUER = 'exemption-portal';

const config = lazyConfig(
  z
    .object({
      SESSION_SECRET_ARN: z.string().min(1).optional(),
      SESSION_SIGNING_KEY: z.string().min(1).optional(),
    })
    .refine((c) => c.SESSION_SECRET_ARN || c.SESSION_SIGNING_KEY, {
      message: 'SESSION_SECRET_ARN or SESSION_SIGNING_KEY is required',
    }),
);

let keyPromise: Promise<Uint8Array> | undefined;
let secretsClient: SecretsManagerClient | undefined;

function decodeKey(material: string): Uint8Array {
  const key = Buffer.from(material, 'base64');
  if (key.length < 32) throw new Error('Session signing key must be at least 32 bytes');
  return new Uint8Array(key);
}

async function fetchKey(): Promise<Uint8Array> {
  const { SESSION_SECRET_ARN, SESSION_SIGNING_KEY } = config();
  if (SESSION_SIGNING_KEY) return decodeKey(SESSION_SIGNING_KEY);
  // Loaded on first use only: functions that never verify a session (or run with a local key) do not
  // pay for initialising the Secrets Manager client at cold start.
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  secretsClient ??= new SecretsManagerClient({});
  const out = await secretsClient.send(new GetSecretValueCommand({ SecretId: SESSION_SECRET_ARN }));
  if (!out.SecretString) throw new Error('Session secret has no SecretString');
  // The CDK secret is generated as a 64-character random string; use its bytes directly.
  return new TextEncoder().encode(out.SecretString);
}

/** The signing key, fetched once per process (cold start) and cached. */
export function signingKey(): Promise<Uint8Array> {
  keyPromise ??= fetchKey().catch((e: unknown) => {
    keyPromise = undefined;
    throw e;
  });
  return keyPromise;
}

/** Test hook: forget the cached key (e.g. after changing the environment). */
export function resetSigningKeyCache(): void {
  keyPromise = undefined;
}

/**
 * Signs a session and returns the `Set-Cookie` value.
 * @param now current time in milliseconds since the epoch (injectable clock)
 */
export async function issueSessionCookie(session: Session, now: number = Date.now()): Promise<string> {
  const iat = Math.floor(now / 1000);
  const base = { sv: session.sessionVersion ?? 0 };
  const claims = session.kind === 'candidate' ? base : { ...base, role: session.role, points: [...session.points] };
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(session.kind)
    .setSubject(session.kind === 'candidate' ? session.candidateId : session.staffId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + SESSION_TTL_SECONDS)
    .sign(await signingKey());
  return `${SESSION_COOKIE[session.kind]}=${token}; Path=/api; HttpOnly; Secure; SameSite=Strict; Max-Age=${SESSION_TTL_SECONDS}`;
}

/** The `Set-Cookie` value that ends a session of the given kind. */
export function clearSessionCookie(kind: Session['kind']): string {
  return `${SESSION_COOKIE[kind]}=; Path=/api; HttpOnly; Secure; SameSite=Strict; Max-Age=0`;
}

/** Finds a cookie's value in API Gateway's `cookies` array (`name=value` strings). */
export function cookieValue(cookies: readonly string[] | undefined, name: string): string | undefined {
  for (const c of cookies ?? []) {
    const eq = c.indexOf('=');
    if (eq > 0 && c.slice(0, eq).trim() === name) return c.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Verifies the session cookie of `kind`, if any.
 * @returns the session, or `undefined` when there is no cookie or it is invalid or expired
 */
export async function readSession(
  cookies: readonly string[] | undefined,
  kind: Session['kind'],
  now: number = Date.now(),
): Promise<Session | undefined> {
  const token = cookieValue(cookies, SESSION_COOKIE[kind]);
  if (!token) return undefined;
  try {
    const { payload } = await jwtVerify(token, await signingKey(), {
      issuer: ISSUER,
      audience: kind,
      algorithms: ['HS256'],
      currentDate: new Date(now),
    });
    if (typeof payload.sub !== 'string') return undefined;
    const sessionVersion = typeof payload.sv === 'number' ? payload.sv : 0;
    if (kind === 'candidate')
      return { kind, candidateId: payload.sub, sessionVersion, ...(payload.iat ? { issuedAt: payload.iat } : {}) };
    const role = payload.role === 'admin' ? 'admin' : payload.role === 'staff' ? 'staff' : undefined;
    if (!role || !Array.isArray(payload.points)) return undefined;
    return {
      kind,
      staffId: payload.sub,
      role,
      points: payload.points.filter((p): p is string => typeof p === 'string'),
      sessionVersion,
    };
  } catch {
    return undefined;
  }
}
