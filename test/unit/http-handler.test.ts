import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../functions/domain/errors.js';
import { httpHandler } from '../../functions/http/handler.js';
import { issueSessionCookie, resetSigningKeyCache } from '../../functions/http/session.js';
import { defineRoute } from '../../functions/route-types.js';
import { apiEvent, jsonBody, lambdaContext, TEST_ORIGIN } from '../support/events.js';

const echoRoute = defineRoute({
  operationId: 'echo',
  method: 'POST',
  path: '/api/echo',
  handler: 'test/echo',
  audience: 'candidate',
  summary: 'echo',
  tags: [],
  permissions: {},
  request: {
    body: z.object({ name: z.string().min(2, '姓名至少2个字'), count: z.number().int() }).strict(),
    maxBodyBytes: 200,
  },
  response: z.object({ name: z.string() }),
});

const adminRoute = defineRoute({
  ...echoRoute,
  operationId: 'adminOnly',
  audience: 'admin',
  method: 'GET',
  request: {},
});

const echo = httpHandler(echoRoute, async (req) => ({
  body: { name: req.body.name, candidateId: req.session.candidateId },
  cookies: ['a=1; Path=/', 'b=2; Path=/'],
}));
const failing = httpHandler({ ...echoRoute, request: {} }, async () => {
  throw new Error('database exploded: 110101199003077777');
});
const refusing = httpHandler({ ...echoRoute, request: {} }, async () => {
  throw new AppError('CONFLICT', '已存在', { fields: { idNumber: '该身份证号已注册' } });
});
const adminOnly = httpHandler(adminRoute, async (req) => ({ body: { role: req.session.role } }));

let candidateCookie: string;
let staffCookie: string;
let adminCookie: string;

function cookiePair(setCookie: string): string {
  return setCookie.split(';')[0]!;
}

// Staff accounts as the table holds them (the session check re-reads them on every staff request).
const dynamo = mockClient(DynamoDBDocumentClient);
const accounts: Record<string, Record<string, unknown>> = {
  's-1': { username: 's-1', role: 'staff', points: ['taiyuan'], disabled: false },
  'a-1': { username: 'a-1', role: 'admin', points: [], disabled: false },
  'gone-1': { username: 'gone-1', role: 'admin', points: [], disabled: true },
};
dynamo.on(GetCommand).callsFake((input: { Key: { pk: string } }) => {
  const [kind, id] = input.Key.pk.split('#') as [string, string];
  if (kind === 'STAFF') return { Item: accounts[id] };
  // Candidates: c-1 has never ended a session; c-2 logged out once (session version 1).
  const candidates: Record<string, Record<string, unknown>> = {
    'c-1': { pk: input.Key.pk },
    'c-2': { pk: input.Key.pk, sessionVersion: 1 },
  };
  return { Item: candidates[id] };
});
afterAll(() => dynamo.restore());

beforeAll(async () => {
  process.env.TABLE_NAME = 'test-table';
  process.env.SESSION_SIGNING_KEY = Buffer.alloc(32, 7).toString('base64');
  resetSigningKeyCache();
  candidateCookie = cookiePair(
    await issueSessionCookie({ kind: 'candidate', candidateId: 'c-1' }, Date.parse('2026-11-30T07:30:00Z')),
  );
  staffCookie = cookiePair(
    await issueSessionCookie(
      { kind: 'staff', staffId: 's-1', role: 'staff', points: ['taiyuan'] },
      Date.parse('2026-11-30T07:30:00Z'),
    ),
  );
  adminCookie = cookiePair(
    await issueSessionCookie(
      { kind: 'staff', staffId: 'a-1', role: 'admin', points: [] },
      Date.parse('2026-11-30T07:30:00Z'),
    ),
  );
});

const post = (body: string | object, extra: Parameters<typeof apiEvent>[0] = {}) =>
  apiEvent({ method: 'POST', path: '/api/echo', body, cookies: [candidateCookie], ...extra });

describe('httpHandler', () => {
  it('passes the validated body and the session to the use case and returns several cookies', async () => {
    // Act
    const res = await echo(post({ name: '张三', count: 2 }), lambdaContext());
    // Assert
    expect(res.statusCode).toBe(200);
    expect(jsonBody(res)).toEqual({ name: '张三', candidateId: 'c-1' });
    expect(res.cookies).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(res.headers?.['content-type']).toBe('application/json; charset=utf-8');
  });

  it('answers a malformed JSON body with 400 INVALID_JSON', async () => {
    const res = await echo(post('{"name": "张三",'), lambdaContext());
    expect(res.statusCode).toBe(400);
    expect(jsonBody(res)).toEqual({
      error: { code: 'INVALID_JSON', message: '请求内容不是有效的 JSON。', requestId: 'req-test-1' },
    });
  });

  it('answers an unknown field with 400 VALIDATION_FAILED naming the field', async () => {
    const res = await echo(post({ name: '张三', count: 1, status: 'approved' }), lambdaContext());
    expect(res.statusCode).toBe(400);
    expect(jsonBody(res)).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: '提交的信息有误，请按提示修改后重试。',
        fields: { status: '不允许的字段' },
        requestId: 'req-test-1',
      },
    });
  });

  it('reports missing and invalid fields with Chinese messages', async () => {
    const res = await echo(post({ name: '张' }), lambdaContext());
    expect(jsonBody(res)).toMatchObject({ error: { fields: { name: '姓名至少2个字', count: '必填' } } });
  });

  it('tells a value of the wrong type from a missing one', async () => {
    const res = await echo(post({ name: ['张三'], count: '2' }), lambdaContext());
    expect(jsonBody(res)).toMatchObject({ error: { fields: { name: '类型不正确', count: '类型不正确' } } });
  });

  it('answers a body over the size limit with 413', async () => {
    const res = await echo(post({ name: 'x'.repeat(300), count: 1 }), lambdaContext());
    expect(res.statusCode).toBe(413);
    expect(jsonBody(res)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers a non-JSON content type with 415', async () => {
    const res = await echo(post('name=x', { headers: { 'content-type': 'text/plain' } }), lambdaContext());
    expect(res.statusCode).toBe(415);
  });

  it('refuses a state-changing request from another origin with 403 ORIGIN_NOT_ALLOWED', async () => {
    const res = await echo(
      post({ name: '张三', count: 1 }, { headers: { origin: 'https://evil.example' } }),
      lambdaContext(),
    );
    expect(res.statusCode).toBe(403);
    expect(jsonBody(res)).toMatchObject({ error: { code: 'ORIGIN_NOT_ALLOWED' } });
  });

  it('refuses a state-changing request without Origin', async () => {
    const res = await echo(post({ name: '张三', count: 1 }, { noOrigin: true }), lambdaContext());
    expect(res.statusCode).toBe(403);
  });

  it('answers 401 without a session and 403 with a staff session on a candidate route', async () => {
    const anonymous = await echo(post({ name: '张三', count: 1 }, { cookies: [] }), lambdaContext());
    const staff = await echo(post({ name: '张三', count: 1 }, { cookies: [staffCookie] }), lambdaContext());
    expect([anonymous.statusCode, staff.statusCode]).toEqual([401, 403]);
    expect(jsonBody(anonymous)).toMatchObject({ error: { code: 'UNAUTHENTICATED', message: '请先登录。' } });
  });

  it('answers 401 for a tampered or expired token', async () => {
    const tampered = candidateCookie.slice(0, -3) + 'AAA';
    const late = Date.parse('2026-11-30T09:00:00Z'); // token issued 07:30, valid one hour
    const a = await echo(post({ name: '张三', count: 1 }, { cookies: [tampered] }), lambdaContext());
    const b = await echo(post({ name: '张三', count: 1 }, { timeEpoch: late }), lambdaContext());
    expect([a.statusCode, b.statusCode]).toEqual([401, 401]);
  });

  it('renews a candidate session used after half its lifetime, and only then', async () => {
    // Prepare: the token was issued at 07:30 (one-hour lifetime)
    const early = await echo(
      post({ name: '张三', count: 1 }, { timeEpoch: Date.parse('2026-11-30T07:50:00Z') }),
      lambdaContext(),
    );
    const late = await adminOnly(
      apiEvent({ cookies: [adminCookie], timeEpoch: Date.parse('2026-11-30T08:10:00Z') }),
      lambdaContext(),
    );
    const renewed = await httpHandler({ ...echoRoute, request: {} }, async () => ({ body: {} }))(
      post({}, { timeEpoch: Date.parse('2026-11-30T08:10:00Z') }),
      lambdaContext(),
    );
    // Assert: the echo route sets its own cookies; staff sessions never slide; the candidate one is renewed
    expect(early.cookies).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect([late.statusCode, late.cookies]).toEqual([200, undefined]);
    expect(renewed.cookies).toHaveLength(1);
    expect(renewed.cookies![0]).toMatch(
      /^ep_candidate=[\w-]+\.[\w-]+\.[\w-]+; Path=\/api; HttpOnly; Secure; SameSite=Strict; Max-Age=3600$/,
    );
  });

  it('lets only admins call an admin route', async () => {
    const staff = await adminOnly(apiEvent({ cookies: [staffCookie] }), lambdaContext());
    const admin = await adminOnly(apiEvent({ cookies: [adminCookie] }), lambdaContext());
    const candidate = await adminOnly(apiEvent({ cookies: [candidateCookie] }), lambdaContext());
    expect([staff.statusCode, admin.statusCode, candidate.statusCode]).toEqual([403, 200, 403]);
    expect(jsonBody(admin)).toEqual({ role: 'admin' });
  });

  it('refuses a disabled staff account at once, even with a valid token', async () => {
    const token = (
      await issueSessionCookie(
        { kind: 'staff', staffId: 'gone-1', role: 'admin', points: [] },
        Date.parse('2026-11-30T07:30:00Z'),
      )
    ).split(';')[0]!;
    const res = await adminOnly(apiEvent({ cookies: [token] }), lambdaContext());
    expect(res.statusCode).toBe(401);
    expect(jsonBody(res)).toMatchObject({
      error: { code: 'UNAUTHENTICATED', message: '登录已失效或账户已停用，请重新登录。' },
    });
  });

  it('refuses a candidate token issued before the account ended its sessions (logout, password change)', async () => {
    const old = (
      await issueSessionCookie(
        { kind: 'candidate', candidateId: 'c-2', sessionVersion: 0 },
        Date.parse('2026-11-30T07:30:00Z'),
      )
    ).split(';')[0]!;
    const current = (
      await issueSessionCookie(
        { kind: 'candidate', candidateId: 'c-2', sessionVersion: 1 },
        Date.parse('2026-11-30T07:30:00Z'),
      )
    ).split(';')[0]!;
    const refused = await echo(post({ name: '张三', count: 1 }, { cookies: [old] }), lambdaContext());
    const accepted = await echo(post({ name: '张三', count: 1 }, { cookies: [current] }), lambdaContext());
    expect([refused.statusCode, accepted.statusCode]).toEqual([401, 200]);
    expect(jsonBody(refused)).toMatchObject({ error: { message: '登录已失效，请重新登录。' } });
  });

  it('uses the role and points the table holds now, not those in the token', async () => {
    // The token says admin, the account is staff of 太原 now.
    const token = (
      await issueSessionCookie(
        { kind: 'staff', staffId: 's-1', role: 'admin', points: [] },
        Date.parse('2026-11-30T07:30:00Z'),
      )
    ).split(';')[0]!;
    const res = await adminOnly(apiEvent({ cookies: [token] }), lambdaContext());
    expect(res.statusCode).toBe(403);
  });

  it('maps an AppError to its status with fields', async () => {
    const res = await refusing(post({}), lambdaContext());
    expect(res.statusCode).toBe(409);
    expect(jsonBody(res)).toEqual({
      error: { code: 'CONFLICT', message: '已存在', fields: { idNumber: '该身份证号已注册' }, requestId: 'req-test-1' },
    });
  });

  it('hides the cause of an unexpected error behind a generic 500', async () => {
    const res = await failing(post({}), lambdaContext());
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('exploded');
    expect(jsonBody(res)).toEqual({
      error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试。', requestId: 'req-test-1' },
    });
  });

  it('accepts the Origin listed in ALLOWED_ORIGINS when the host differs', async () => {
    process.env.ALLOWED_ORIGINS = 'http://localhost:3000';
    try {
      const res = await echo(
        post({ name: '张三', count: 1 }, { headers: { origin: 'http://localhost:3000', 'x-forwarded-host': 'other' } }),
        lambdaContext(),
      );
      expect(res.statusCode).toBe(200);
    } finally {
      delete process.env.ALLOWED_ORIGINS;
    }
    expect(TEST_ORIGIN).toBe('https://portal.test');
  });
});
