/**
 * The stateful part (STYLE.md "Stateful vs stateless"): the application table, the photo bucket, their
 * customer-managed keys, the session-signing secret and the access-log bucket. It rarely changes and,
 * in stages with `retainData`, survives `cdk destroy`. The functions and the API live in `api.ts` and
 * receive these resources as typed props.
 *
 * CORS of the photo bucket is NOT configured here: it must name the site's origin, which only exists
 * once the CloudFront distribution (web.ts) exists, and web.ts needs this bucket's domain for its CSP.
 * See `PhotoBucketCors` in web.ts.
 */
import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  type ITable,
  ProjectionType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { type IKey, Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../functions/adapters/dynamodb/table-schema.js';
import type { Stage } from './stage-config.js';

/** Key prefix of unconfirmed browser uploads (functions/adapters/s3/photo-storage.ts). */
export const UPLOAD_PREFIX = 'uploads/';

/** The resources the stateless stacks use. */
export interface DataResources {
  /** The single application table (keys and GSIs from TABLE_SCHEMA). */
  readonly table: ITable;
  /** Private, KMS-encrypted, versioned bucket of identity and certificate photos. */
  readonly photoBucket: IBucket;
  /** Random 64-character key that signs session JWTs. */
  readonly sessionSecret: ISecret;
}

/** Properties of the {@link DataStack}. */
export interface DataStackProps extends StackProps {
  readonly stage: Stage;
}

/** Table, photo bucket, keys, session secret and access logs of one stage. */
export class DataStack extends Stack implements DataResources {
  readonly table: Table;
  readonly tableKey: IKey;
  readonly photoBucket: Bucket;
  readonly photoKey: IKey;
  readonly sessionSecret: Secret;
  /** Server access logs of the photo bucket. */
  readonly accessLogBucket: Bucket;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, { ...props, terminationProtection: props.terminationProtection ?? props.stage.config.retainData });
    const config = props.stage.config;
    const removalPolicy = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.tableKey = new Key(this, 'TableKey', {
      description: `Exemption portal (${props.stage.name}): application table`,
      enableKeyRotation: true,
      removalPolicy,
    });
    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE_SCHEMA.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_SCHEMA.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.tableKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TABLE_SCHEMA.ttlAttribute,
      deletionProtection: config.retainData,
      removalPolicy,
    });
    for (const index of TABLE_SCHEMA.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }

    // S3 server access logs can only be delivered to an SSE-S3 bucket (not SSE-KMS).
    this.accessLogBucket = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      lifecycleRules: [
        { expiration: Duration.days(config.logRetentionDays), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy,
      autoDeleteObjects: !config.retainData,
    });
    Validations.of(this.accessLogBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access-log bucket itself: logging it into itself would loop, and logging it into another bucket only moves the finding there.',
    });

    this.photoKey = new Key(this, 'PhotoKey', {
      description: `Exemption portal (${props.stage.name}): photo bucket`,
      enableKeyRotation: true,
      removalPolicy,
    });
    this.photoBucket = new Bucket(this, 'Photos', {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.photoKey,
      // One data key per bucket instead of one KMS call per object.
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'photos/',
      lifecycleRules: [
        {
          id: 'expire-unconfirmed-uploads',
          prefix: UPLOAD_PREFIX,
          expiration: Duration.days(config.uploadRetentionDays),
          // An expired or promoted upload leaves a noncurrent version behind: drop it too.
          noncurrentVersionExpiration: Duration.days(1),
        },
        {
          id: 'tidy-versions-and-multipart',
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(config.photoNoncurrentVersionDays),
          expiredObjectDeleteMarker: true,
        },
      ],
      removalPolicy,
      autoDeleteObjects: !config.retainData,
    });

    this.sessionSecret = new Secret(this, 'SessionSigningKey', {
      description: `Exemption portal (${props.stage.name}): HS256 key that signs session cookies`,
      // functions/http/session.ts uses the secret string's bytes as the key: 64 characters from
      // [A-Za-z0-9] carry ~380 bits, and nothing needs escaping anywhere.
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy,
    });
    Validations.of(this.sessionSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Session-signing key: sessions last one hour and functions cache the key per process, so rotating it is an operator action (update the secret, redeploy) that signs everyone out, not a scheduled rotation Lambda.',
    });
  }
}
