/**
 * The dev stage exactly as `cdk synth -c stage=dev` builds it (every function really bundled by
 * esbuild): the route table becomes routes, functions and only their grants; cdk-nag AwsSolutions
 * has nothing unexplained; data, web and monitoring resources have the configured values.
 */
import { Stack } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_SCHEMA } from '../../functions/adapters/dynamodb/table-schema.js';
import { routeList } from '../../functions/routes.js';
import { expectRouteWithOnlyItsGrants } from './route-checks.js';
import {
  acknowledgements,
  onlyResourceOfType,
  referencedId,
  resourcesOfType,
  synthPortal,
  type Synthesized,
  templateOf,
  unacknowledgedNagFindings,
} from './support.js';

// AWS managed CloudFront policies (fixed ids, the same in every account).
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

let s: Synthesized;

beforeAll(() => {
  // Act (shared): one synthesis, with bundling, for every assertion of this file.
  s = synthPortal({ stage: 'dev', bundle: true });
}, 240_000);

describe('routes from the route table (dev)', () => {
  it('gives every route of the table one API route integrated with its own function that has only the grants the route declares', () => {
    // Prepare
    const api = templateOf(s, 'Api');

    // Act
    const functionIds = routeList.map((route) => expectRouteWithOnlyItsGrants(api, route, s.stage.config));

    // Assert
    expect(new Set(functionIds).size).toBe(routeList.length);
  });

  it('has no API route and no function that is not in the route table', () => {
    // Prepare
    const api = templateOf(s, 'Api');

    // Act
    const routeKeys = resourcesOfType(api, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties?.RouteKey);
    const functions = resourcesOfType(api, 'AWS::Lambda::Function');

    // Assert
    expect(routeKeys.sort()).toEqual(routeList.map((r) => `${r.method} ${r.path}`).sort());
    expect(functions).toHaveLength(routeList.length);
  });

  it('never grants face comparison in a stage where it is disabled', () => {
    // Prepare
    const json = JSON.stringify(templateOf(s, 'Api'));

    // Act + Assert
    expect(s.stage.config.faceCompare).toBe(false);
    expect(json).not.toContain('rekognition:');
  });
});

describe('cdk-nag AwsSolutions (dev)', () => {
  it('has no finding left unacknowledged', () => {
    // Act
    const findings = unacknowledgedNagFindings(s.app);

    // Assert
    expect(findings).toEqual([]);
  });

  it('acknowledges only AwsSolutions rules, on resources rather than whole stacks, each with a reason of at least a sentence', () => {
    // Act
    const acks = acknowledgements(s.app);

    // Assert
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.id, ack.construct.node.path).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(Stack.isStack(ack.construct), `${ack.id} on a whole stack`).toBe(false);
      expect(ack.reason.length, `${ack.id} at ${ack.construct.node.path}`).toBeGreaterThanOrEqual(60);
    }
  });
});

describe('data (dev)', () => {
  it('builds the table from TABLE_SCHEMA: keys, GSIs, TTL, on-demand, PITR and a customer-managed key', () => {
    // Prepare
    const [, table] = onlyResourceOfType(templateOf(s, 'Data'), 'AWS::DynamoDB::Table');

    // Act
    const p = table.Properties ?? {};

    // Assert
    expect(p.KeySchema).toEqual([
      { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
    ]);
    expect(
      (p.GlobalSecondaryIndexes as { IndexName: string; KeySchema: unknown; Projection: unknown }[]).map((g) => [
        g.IndexName,
        g.KeySchema,
        g.Projection,
      ]),
    ).toEqual(
      TABLE_SCHEMA.globalSecondaryIndexes.map((g) => [
        g.indexName,
        [
          { AttributeName: g.partitionKey, KeyType: 'HASH' },
          { AttributeName: g.sortKey, KeyType: 'RANGE' },
        ],
        { ProjectionType: 'ALL' },
      ]),
    );
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: TABLE_SCHEMA.ttlAttribute, Enabled: true });
    expect(p.BillingMode).toBe('PAY_PER_REQUEST');
    expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect((p.SSESpecification as { SSEEnabled: boolean; SSEType: string }).SSEType).toBe('KMS');
  });

  it('deletes table, buckets, keys and secret with the stack when the stage does not retain data', () => {
    // Prepare
    const data = templateOf(s, 'Data');
    const types = ['AWS::DynamoDB::Table', 'AWS::S3::Bucket', 'AWS::KMS::Key', 'AWS::SecretsManager::Secret'];

    // Act
    const policies = types.flatMap((t) => resourcesOfType(data, t).map(([id, r]) => [id, r.DeletionPolicy]));

    // Assert
    expect(policies.length).toBe(6);
    expect(policies.filter(([, p]) => p !== 'Delete')).toEqual([]);
  });

  it('expires unconfirmed uploads after uploadRetentionDays and keeps photos private, versioned and KMS-encrypted', () => {
    // Prepare
    const buckets = resourcesOfType(templateOf(s, 'Data'), 'AWS::S3::Bucket').map(([, b]) => b.Properties ?? {});

    // Act
    const photos = buckets.find((b) => JSON.stringify(b.BucketEncryption).includes('aws:kms'));

    // Assert
    expect(photos?.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(photos?.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    const rules = (photos?.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
    expect(rules.find((r) => r.Prefix === 'uploads/')).toMatchObject({
      ExpirationInDays: s.stage.config.uploadRetentionDays,
      Status: 'Enabled',
    });
    expect(rules.find((r) => r.Prefix === undefined)).toMatchObject({
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
      NoncurrentVersionExpiration: { NoncurrentDays: s.stage.config.photoNoncurrentVersionDays },
    });
  });
});

describe('web (dev)', () => {
  it('routes /api/* to the HTTP API uncached, with every viewer header but Host, all methods, and the forwarded-host function', () => {
    // Prepare
    const web = templateOf(s, 'Web');
    const [, distribution] = onlyResourceOfType(web, 'AWS::CloudFront::Distribution');
    const config = distribution.Properties?.DistributionConfig as {
      CacheBehaviors: Record<string, unknown>[];
      DefaultCacheBehavior: Record<string, unknown>;
      DefaultRootObject: string;
    };

    // Act
    const api = config.CacheBehaviors.find((b) => b.PathPattern === '/api/*');

    // Assert
    expect(config.CacheBehaviors).toHaveLength(1);
    expect(api).toMatchObject({
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      ViewerProtocolPolicy: 'https-only',
    });
    expect(JSON.stringify(api?.FunctionAssociations)).toContain('ApiForwardedHost');
    expect(JSON.stringify(config.DefaultCacheBehavior.FunctionAssociations)).toContain('SpaRewrite');
    expect(config.DefaultRootObject).toBe('index.html');
  });

  it('sends a CSP that allows only this site, data:/blob: images and the photo bucket', () => {
    // Prepare
    const [, policy] = onlyResourceOfType(templateOf(s, 'Web'), 'AWS::CloudFront::ResponseHeadersPolicy');
    const headers = (
      policy.Properties?.ResponseHeadersPolicyConfig as {
        SecurityHeadersConfig: Record<string, Record<string, unknown>>;
      }
    ).SecurityHeadersConfig;

    // Act
    const csp = JSON.stringify(headers.ContentSecurityPolicy?.ContentSecurityPolicy);

    // Assert
    expect(csp).toContain(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https://",
    );
    expect(csp).toContain('ExportsOutputFnGetAttPhotos');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: 31536000,
      IncludeSubdomains: true,
      Override: true,
    });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
  });

  it('sets the photo bucket CORS rule to PUT/GET/HEAD from the distribution origin only', () => {
    // Prepare
    const [, cors] = onlyResourceOfType(templateOf(s, 'Web'), 'Custom::AWS');
    const [distributionId] = onlyResourceOfType(templateOf(s, 'Web'), 'AWS::CloudFront::Distribution');
    const [, parts] = (cors.Properties?.Create as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];

    // Act: the call is JSON with CloudFormation references spliced in; name each reference.
    const name = (p: unknown) => (p as { 'Fn::ImportValue'?: string })['Fn::ImportValue'] ?? referencedId(p);
    const call = JSON.parse(parts.map((p) => (typeof p === 'string' ? p : `<${name(p)}>`)).join('')) as {
      action: string;
      parameters: { Bucket: string; CORSConfiguration: { CORSRules: Record<string, unknown>[] } };
    };

    // Assert
    expect(call.action).toBe('putBucketCors');
    expect(call.parameters.Bucket).toMatch(/^<ExemptionPortal-dev-Data:ExportsOutputRefPhotos/);
    expect(call.parameters.CORSConfiguration.CORSRules).toEqual([
      {
        AllowedMethods: ['GET', 'HEAD', 'PUT'],
        AllowedOrigins: [`https://<${distributionId}>`],
        AllowedHeaders: ['content-type', 'x-amz-*'],
        ExposeHeaders: ['ETag'],
        MaxAgeSeconds: 600,
      },
    ]);
  });
});

describe('outputs (dev)', () => {
  it('outputs the API URL and the table name from the API stack', () => {
    // Act
    const outputs = templateOf(s, 'Api').Outputs ?? {};

    // Assert
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['ApiUrl', 'TableName']));
    expect(JSON.stringify(outputs.TableName?.Value)).toContain('ExportsOutputRefTable');
  });
});
