/**
 * The house Lambda function (STYLE.md "A house function construct"): one place fixes the runtime,
 * architecture, memory, timeout, log group and bundling of every handler, and the `bind*` helpers
 * grant access to one resource AND set the environment variable the function code reads for it, in
 * one call, so a grant can't be forgotten, doubled or silently widened.
 *
 * Grants are written out as least-privilege statements instead of the CDK `grant*` helpers:
 * `ITable.grantReadData` includes `dynamodb:Scan` and the stream actions, and the KMS grants of the
 * CDK helpers use `kms:GenerateDataKey*`-style wildcards. Every KMS statement is limited with
 * `kms:ViaService` to the one service that uses the key on the function's behalf.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import { Construct, type IConstruct } from 'constructs';
import { TABLE_SCHEMA } from '../functions/adapters/dynamodb/table-schema.js';
import { BUNDLING } from './bundling.js';

/** Service name in every log line (Powertools). */
export const SERVICE_NAME = 'exemption-portal';

/** Properties of an {@link AppFunction}. */
export interface AppFunctionProps {
  /** Absolute path of the handler module; it must export `handler`. */
  readonly entry: string;
  /** Shown in the Lambda console (≤ 256 characters). */
  readonly description: string;
  /** Retention of the function's log group. */
  readonly logRetention: RetentionDays;
  /** What happens to the log group when the function is deleted. */
  readonly logRemovalPolicy: RemovalPolicy;
  /** Environment shared by every function (the bind helpers add the per-resource variables). */
  readonly environment?: Readonly<Record<string, string>>;
  /** Memory in MiB (default 512: CPU scales with memory, and scrypt password hashing needs both). */
  readonly memorySize?: number;
  /** Default 10 s: API Gateway gives up after 30 s, and no request path should come near either. */
  readonly timeout?: Duration;
}

/** What a function may do with a resource. */
export type Access = 'read' | 'write';

/** The resources a function can be bound to, each at most once. */
type BindingKind = 'table' | 'photos' | 'sessionKey' | 'faces';

/**
 * A Node.js 22 arm64 function bundled by the local esbuild (no Docker) with the settings of
 * `lib/bundling.ts`, its own role (no managed policies: only the statements the bind helpers add, plus
 * writing to its own log group) and its own log group with the stage's retention.
 */
export class AppFunction extends Construct {
  /** The Lambda function. */
  readonly lambda: NodejsFunction;
  /** The execution role; every permission of the function is on it. */
  readonly role: Role;
  /** The function's log group. */
  readonly logGroup: LogGroup;
  private readonly bindings = new Map<BindingKind, Access>();

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });
    // An explicit role instead of the default one, which carries the AWS managed
    // AWSLambdaBasicExecutionRole policy (logs:CreateLogGroup on every log group in the account).
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: props.description.slice(0, 1000),
    });
    this.logGroup.grantWrite(this.role);

    this.lambda = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description.slice(0, 256),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: props.environment?.POWERTOOLS_SERVICE_NAME ?? SERVICE_NAME,
        // Stack traces point at the TypeScript sources through the bundled source map.
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        minify: BUNDLING.minify,
        sourceMap: BUNDLING.sourceMap,
        target: BUNDLING.target,
        format: OutputFormat.ESM,
        mainFields: [...BUNDLING.mainFields],
        banner: BUNDLING.banner,
        externalModules: [...BUNDLING.externalModules],
        // The SDK is bundled too, so the versions pinned by package-lock.json are the ones that run.
        bundleAwsSDK: true,
        forceDockerBundling: false,
      },
    });
    // SPEC §4 fixes the runtime at nodejs22.x (the code must also run on Node 20 locally and the
    // bundles target node22); cdk-nag asks for the newest runtime CDK knows.
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'The runtime is pinned to nodejs22.x on purpose (SPEC §4): bundles target node22 and the same code runs on Node 20 locally; moving to a newer runtime is a deliberate, tested change.',
    });
  }

  /** The access this function already has to a kind of resource, if any. */
  boundAccess(kind: BindingKind): Access | undefined {
    return this.bindings.get(kind);
  }

  /** Records a binding. @throws Error when the kind is already bound (a doubled grant is a bug in the caller). */
  private claim(kind: BindingKind, access: Access): void {
    if (this.bindings.has(kind)) {
      throw new Error(
        `${this.node.path}: ${kind} is already bound (${this.bindings.get(kind)}); bind each resource once`,
      );
    }
    this.bindings.set(kind, access);
  }

  /** @internal Adds the binding (used by the bind helpers of this module only). */
  _bind(
    kind: BindingKind,
    access: Access,
    env: Readonly<Record<string, string>>,
    statements: readonly PolicyStatement[],
  ): void {
    this.claim(kind, access);
    for (const [name, value] of Object.entries(env)) this.lambda.addEnvironment(name, value);
    for (const statement of statements) this.role.addToPrincipalPolicy(statement);
  }
}

/** DynamoDB actions for `read`: single-item reads, queries and condition checks (no Scan, no streams). */
export const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
] as const;
/**
 * Extra DynamoDB actions for `write`. Transactions need no action of their own: IAM checks each
 * Put/Update/Delete/ConditionCheck inside a TransactWriteItems call.
 */
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;
/** S3 actions for `read`: GetObject (HeadObject, ranged GETs, presigned GETs and CopyObject sources use it too). */
export const PHOTOS_READ_ACTIONS = ['s3:GetObject'] as const;
/** Extra S3 actions for `write`: presigned PUTs, CopyObject targets, deleting a promoted upload. */
export const PHOTOS_WRITE_ACTIONS = ['s3:PutObject', 's3:DeleteObject'] as const;
/** KMS actions needed to read data encrypted with a customer-managed key through a service. */
export const KEY_READ_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey'] as const;
/** Extra KMS actions needed to write such data (the CDK write grant, with its wildcards spelled out). */
export const KEY_WRITE_ACTIONS = [
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
] as const;

/** A KMS statement usable only through `service` (e.g. `s3`) in the function's own region. */
function keyStatement(fn: AppFunction, key: IKey, actions: readonly string[], service: string): PolicyStatement {
  const stack = Stack.of(fn);
  return new PolicyStatement({
    actions: [...actions],
    resources: [key.keyArn],
    conditions: { StringEquals: { 'kms:ViaService': `${service}.${stack.region}.${stack.urlSuffix}` } },
  });
}

/**
 * `value` (an attribute of `producer`) as the function's stack will see it. From another stack it is
 * turned into the explicit import CDK would create anyway, so that the resolved policy text is known
 * now and an acknowledgement can name the exact cdk-nag finding.
 */
function importedIntoStackOf(fn: AppFunction, producer: IConstruct, value: string): string {
  const producerStack = Stack.of(producer);
  const consumerStack = Stack.of(fn);
  if (producerStack === consumerStack) return value;
  consumerStack.addStackDependency(producerStack);
  return producerStack.exportValue(value);
}

/** Acknowledges the cdk-nag IAM5 finding for one wildcard resource of `fn`'s policy, with the reason. */
function acknowledgeWildcardResource(fn: AppFunction, resource: string, reason: string): void {
  const text = flattenCfnReference(Stack.of(fn).resolve(resource));
  Validations.of(fn).acknowledge({ id: `AwsSolutions-IAM5[Resource::${text}]`, reason });
}

/**
 * Grants `access` to the application table (and its indexes) and sets `TABLE_NAME`.
 * `read` = GetItem/BatchGetItem/Query/ConditionCheckItem on the table, Query on each GSI of
 * `TABLE_SCHEMA`; `write` adds Put/Update/Delete/BatchWrite. The table's customer-managed key is
 * usable through DynamoDB only.
 * @throws Error when the function already has a table binding
 */
export function bindTable(fn: AppFunction, table: ITable, access: Access): void {
  const actions = access === 'write' ? [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS] : [...TABLE_READ_ACTIONS];
  const statements = [
    new PolicyStatement({ actions, resources: [table.tableArn] }),
    new PolicyStatement({
      actions: ['dynamodb:Query'],
      resources: TABLE_SCHEMA.globalSecondaryIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`),
    }),
  ];
  if (table.encryptionKey) {
    const keyActions = access === 'write' ? [...KEY_READ_ACTIONS, ...KEY_WRITE_ACTIONS] : [...KEY_READ_ACTIONS];
    statements.push(keyStatement(fn, table.encryptionKey, keyActions, 'dynamodb'));
  }
  fn._bind('table', access, { TABLE_NAME: table.tableName }, statements);
}

/**
 * Grants `access` to the objects of the photo bucket and sets `PHOTO_BUCKET`. `read` = GetObject
 * (HeadObject, presigned GETs, Rekognition's S3Object reads); `write` adds PutObject (presigned PUTs,
 * CopyObject targets) and DeleteObject. The bucket's customer-managed key is usable through S3 only.
 * @throws Error when the function already has a photos binding
 */
export function bindPhotos(fn: AppFunction, bucket: IBucket, access: Access): void {
  const objects = `${importedIntoStackOf(fn, bucket, bucket.bucketArn)}/*`;
  const actions = access === 'write' ? [...PHOTOS_READ_ACTIONS, ...PHOTOS_WRITE_ACTIONS] : [...PHOTOS_READ_ACTIONS];
  const statements = [new PolicyStatement({ actions, resources: [objects] })];
  if (bucket.encryptionKey) {
    // S3 calls GenerateDataKey for PutObject and Decrypt for GetObject with the caller's rights.
    const keyActions = access === 'write' ? ['kms:Decrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt'];
    statements.push(keyStatement(fn, bucket.encryptionKey, keyActions, 's3'));
  }
  fn._bind('photos', access, { PHOTO_BUCKET: bucket.bucketName }, statements);
  acknowledgeWildcardResource(
    fn,
    objects,
    'Object-level wildcard inside the one photo bucket: object keys are generated per candidate and per upload by the server, so they cannot be listed in a policy; which object a caller may reach is decided in code (session and ownership checks) before a short-lived presigned URL is issued.',
  );
}

/**
 * Grants reading the session-signing secret and sets `SESSION_SECRET_ARN` (functions/http/session.ts).
 * @throws Error when the function already has the session key
 */
export function bindSessionKey(fn: AppFunction, secret: ISecret): void {
  const statement = new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] });
  fn._bind('sessionKey', 'read', { SESSION_SECRET_ARN: secret.secretArn }, [statement]);
}

/** Face comparison settings of a stage. */
export interface FaceCompareSettings {
  /** Whether the stage calls Rekognition at all (stage config `faceCompare`). */
  readonly enabled: boolean;
  /** Similarity (0–100) at or above which an identity is verified automatically. */
  readonly similarityThreshold: number;
}

/**
 * Sets `FACE_COMPARE` (`enabled` | `disabled`) and `SIMILARITY_THRESHOLD`; when enabled, grants
 * Rekognition CompareFaces, and read access to the photo bucket if the function has no photo access
 * yet (CompareFaces reads its S3Object inputs with the caller's permissions, key included).
 * @throws Error when the function already has a faces binding
 */
export function bindFaces(fn: AppFunction, bucket: IBucket, settings: FaceCompareSettings): void {
  const env = {
    FACE_COMPARE: settings.enabled ? 'enabled' : 'disabled',
    SIMILARITY_THRESHOLD: String(settings.similarityThreshold),
  };
  if (!settings.enabled) {
    fn._bind('faces', 'read', env, []);
    return;
  }
  if (fn.boundAccess('photos') === undefined) bindPhotos(fn, bucket, 'read');
  fn._bind('faces', 'read', env, [new PolicyStatement({ actions: ['rekognition:CompareFaces'], resources: ['*'] })]);
  acknowledgeWildcardResource(
    fn,
    '*',
    'Rekognition CompareFaces has no resource type in IAM, so it cannot be scoped to a resource; it is granted only to routes that declare faces, only in stages that enable face comparison, and the images it reads are limited by the photo-bucket statement.',
  );
}
