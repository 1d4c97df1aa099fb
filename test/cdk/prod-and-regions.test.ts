/**
 * The prod stage (data retained, face comparison on) and a China region. Both synthesize without
 * bundling (what `cdk synth --exclusively` does) because only the templates matter here. The prod app
 * also gets probe routes with every kind of permission, so the grant rules and their cdk-nag
 * acknowledgements are checked even before the route table uses each kind.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteDefinition, RoutePermissions } from '../../functions/route-types.js';
import { routeList, routes } from '../../functions/routes.js';
import { expectRouteWithOnlyItsGrants } from './route-checks.js';
import {
  onlyResourceOfType,
  resourcesOfType,
  synthPortal,
  type Synthesized,
  templateOf,
  unacknowledgedNagFindings,
} from './support.js';

function probe(
  operationId: string,
  method: RouteDefinition['method'],
  audience: RouteDefinition['audience'],
  permissions: RoutePermissions,
): RouteDefinition {
  // Any existing handler module will do: only the infrastructure around it is under test.
  return { ...routes.getHealth, operationId, method, path: `/api/probe/${operationId}`, audience, permissions };
}

const PROBES: readonly RouteDefinition[] = [
  probe('probePublicNothing', 'GET', 'public', {}),
  probe('probeTableWrite', 'POST', 'candidate', { table: 'write' }),
  probe('probePhotosRead', 'GET', 'staff', { table: 'read', photos: 'read' }),
  probe('probePhotosWrite', 'PUT', 'candidate', { table: 'write', photos: 'write' }),
  probe('probeFacesOnly', 'POST', 'candidate', { faces: true }),
  probe('probeEverything', 'POST', 'admin', { table: 'write', photos: 'write', faces: true }),
  probe('probeSignsSessions', 'POST', 'public', { table: 'read', signsSessions: true }),
];

describe('prod stage', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthPortal({ stage: 'prod', routes: [...routeList, ...PROBES], bundle: false });
  }, 120_000);

  it('retains table, photo bucket, access logs, keys and secret on delete and on replacement', () => {
    // Prepare
    const data = templateOf(s, 'Data');
    const types = ['AWS::DynamoDB::Table', 'AWS::S3::Bucket', 'AWS::KMS::Key', 'AWS::SecretsManager::Secret'];

    // Act
    const policies = types.flatMap((t) =>
      resourcesOfType(data, t).map(([id, r]) => `${id}: ${r.DeletionPolicy}/${r.UpdateReplacePolicy}`),
    );

    // Assert
    expect(policies).toHaveLength(6);
    expect(policies.filter((p) => !p.endsWith(': Retain/Retain'))).toEqual([]);
  });

  it('protects the table and the data stack against deletion', () => {
    // Prepare
    const [, table] = onlyResourceOfType(templateOf(s, 'Data'), 'AWS::DynamoDB::Table');

    // Act
    const dataStack = s.assembly.getStackByName('ExemptionPortal-prod-Data');

    // Assert
    expect(table.Properties?.DeletionProtectionEnabled).toBe(true);
    expect(dataStack.terminationProtection).toBe(true);
  });

  it('gives every route, probes included, its own function with only the grants it declares (face comparison enabled)', () => {
    // Prepare
    const api = templateOf(s, 'Api');

    // Act
    const ids = [...routeList, ...PROBES].map((route) => expectRouteWithOnlyItsGrants(api, route, s.stage.config));

    // Assert
    expect(new Set(ids).size).toBe(routeList.length + PROBES.length);
  });

  it('has no cdk-nag finding left unacknowledged with photo, face and session grants present', () => {
    // Act
    const findings = unacknowledgedNagFindings(s.app);

    // Assert
    expect(findings).toEqual([]);
  });
});

describe('China region (cn-north-1)', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthPortal({ stage: 'prod', region: 'cn-north-1', routes: [...routeList, ...PROBES], bundle: false });
  }, 120_000);

  it('writes no ARN of the aws partition: every ARN takes the partition from the stack', () => {
    // Act
    const offenders = Object.entries(s.templates).filter(([, t]) => JSON.stringify(t).includes('arn:aws:'));

    // Assert
    expect(Object.keys(s.templates).sort()).toEqual([
      'ExemptionPortal-prod-Api',
      'ExemptionPortal-prod-Data',
      'ExemptionPortal-prod-Web',
    ]);
    expect(offenders.map(([name]) => name)).toEqual([]);
    expect(JSON.stringify(templateOf(s, 'Api'))).toContain('{"Ref":"AWS::Partition"}');
  });

  it('limits key use to the region’s own service endpoints', () => {
    // Act
    const json = JSON.stringify(templateOf(s, 'Api'));

    // Assert
    expect(json).toContain('"kms:ViaService":{"Fn::Join":["",["dynamodb.cn-north-1.",{"Ref":"AWS::URLSuffix"}]]}');
    expect(json).toContain('"kms:ViaService":{"Fn::Join":["",["s3.cn-north-1.",{"Ref":"AWS::URLSuffix"}]]}');
  });
});
