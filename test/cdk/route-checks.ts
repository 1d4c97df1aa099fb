/**
 * The route-table contract of the API stack, checked for any route: it exists once with its method
 * and path, is integrated with a function of its own, and that function can do exactly what the
 * route declares (SPEC §6: "every route of the table exists with its function and only its grants").
 * The expectations are written from the route declaration, not copied from lib/app-function.ts.
 */
import { expect } from 'vitest';
import { needsSessionKey, type RouteDefinition } from '../../functions/route-types.js';
import type { StageConfig } from '../../lib/stage-config.js';
import { actionsOf, referencedId, resource, statementsOfRole, type Template, wiringOf } from './support.js';

const TABLE_READ = ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:Query'];
const TABLE_WRITE = ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
const KEY_READ = ['kms:Decrypt', 'kms:DescribeKey'];

/** What a route's function must be able to do, derived from its declaration and the stage. */
export interface ExpectedAccess {
  readonly table?: 'read' | 'write';
  readonly photos?: 'read' | 'write';
  readonly sessionKey: boolean;
  /** Rekognition granted (route declares faces AND the stage enables face compare). */
  readonly faces: boolean;
}

/** The access a route must get in a stage. */
export function expectedAccess(route: RouteDefinition, config: StageConfig): ExpectedAccess {
  const faces = route.permissions.faces === true && config.faceCompare;
  return {
    table: route.permissions.table,
    // CompareFaces reads its S3Object inputs with the caller's rights, so faces implies photo reads.
    photos: route.permissions.photos ?? (faces ? 'read' : undefined),
    sessionKey: needsSessionKey(route),
    faces,
  };
}

function sorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/**
 * Asserts the whole contract for one route and returns its function's logical id.
 * Fails with the route's operationId in the message.
 */
export function expectRouteWithOnlyItsGrants(template: Template, route: RouteDefinition, config: StageConfig): string {
  const label = `${route.operationId} (${route.method} ${route.path})`;
  const wiring = wiringOf(template, route);
  const props = wiring.fn.Properties ?? {};
  expect(props.Description, label).toBe(`${route.operationId}: ${route.method} ${route.path}`);
  expect([props.Runtime, props.Architectures, props.Handler, props.MemorySize, props.Timeout], label).toEqual([
    'nodejs22.x',
    ['arm64'],
    'index.handler',
    512,
    10,
  ]);
  const logGroupId = referencedId((props.LoggingConfig as { LogGroup: unknown }).LogGroup);
  expect(resource(template, logGroupId).Properties?.RetentionInDays, label).toBe(config.logRetentionDays);

  const role = resource(template, wiring.roleId);
  expect(role.Properties?.ManagedPolicyArns, `${label}: no managed policies`).toBeUndefined();
  expect(role.Properties?.Policies, `${label}: no inline role policies`).toBeUndefined();

  const access = expectedAccess(route, config);
  const statements = statementsOfRole(template, wiring.roleId);
  expect(
    statements.every((s) => s.Effect === 'Allow'),
    label,
  ).toBe(true);
  const actions = statements.flatMap(actionsOf);
  expect(
    actions.filter((a) => a.includes('*')),
    `${label}: wildcard actions`,
  ).toEqual([]);
  const byService = (service: string) => sorted(actions.filter((a) => a.startsWith(`${service}:`)));
  const resourcesOf = (service: string) =>
    JSON.stringify(
      statements.filter((s) => actionsOf(s).some((a) => a.startsWith(`${service}:`))).map((s) => s.Resource),
    );

  const services = new Set(['logs']);
  if (access.table) services.add('dynamodb').add('kms');
  if (access.photos) services.add('s3').add('kms');
  if (access.sessionKey) services.add('secretsmanager');
  if (access.faces) services.add('rekognition');
  expect(sorted(actions.map((a) => a.split(':')[0]!)), `${label}: services`).toEqual(sorted(services));

  expect(byService('logs'), label).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
  expect(resourcesOf('logs'), `${label}: writes its own log group only`).toBe(
    JSON.stringify([{ 'Fn::GetAtt': [logGroupId, 'Arn'] }]),
  );

  if (access.table === 'read') expect(byService('dynamodb'), `${label}: table read only`).toEqual(TABLE_READ);
  if (access.table === 'write')
    expect(byService('dynamodb'), `${label}: table write`).toEqual(sorted([...TABLE_READ, ...TABLE_WRITE]));
  if (access.table) expect(resourcesOf('dynamodb'), label).toContain('ExportsOutputFnGetAttTable');

  if (access.photos === 'read') expect(byService('s3'), `${label}: photos read only`).toEqual(['s3:GetObject']);
  if (access.photos === 'write')
    expect(byService('s3'), `${label}: photos write`).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
  if (access.photos) expect(resourcesOf('s3'), label).toContain('ExportsOutputFnGetAttPhotos');

  if (access.table || access.photos) {
    const kms = byService('kms');
    const writes = access.table === 'write' || access.photos === 'write';
    if (!writes) expect(kms, `${label}: key use is read-only`).toEqual(KEY_READ.filter((a) => kms.includes(a)));
    else expect(kms, `${label}: key use for writes`).toContain('kms:GenerateDataKey');
    for (const s of statements.filter((st) => actionsOf(st).some((a) => a.startsWith('kms:')))) {
      expect(Object.keys(s.Condition?.StringEquals ?? {}), `${label}: KMS only through a service`).toEqual([
        'kms:ViaService',
      ]);
    }
  }

  if (access.sessionKey) {
    expect(byService('secretsmanager'), label).toEqual(['secretsmanager:GetSecretValue']);
    expect(resourcesOf('secretsmanager'), label).toContain('ExportsOutputRefSessionSigningKey');
  }
  if (access.faces) {
    expect(byService('rekognition'), label).toEqual(['rekognition:CompareFaces']);
    expect(resourcesOf('rekognition'), label).toBe(JSON.stringify(['*']));
  }

  const env = ((props.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {}) as Record<
    string,
    unknown
  >;
  expect('TABLE_NAME' in env, `${label}: TABLE_NAME`).toBe(access.table !== undefined);
  expect('PHOTO_BUCKET' in env, `${label}: PHOTO_BUCKET`).toBe(access.photos !== undefined);
  expect('SESSION_SECRET_ARN' in env, `${label}: SESSION_SECRET_ARN`).toBe(access.sessionKey);
  expect(env.FACE_COMPARE, `${label}: FACE_COMPARE`).toBe(
    route.permissions.faces ? (access.faces ? 'enabled' : 'disabled') : undefined,
  );
  expect(env.TICKET_PATTERN, label).toBe(config.ticketPattern);
  return wiring.functionId;
}
