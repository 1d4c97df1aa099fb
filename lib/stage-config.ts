/**
 * Per-stage configuration of the cloud deployment (SPEC §4 "Configuration"), read from the CDK
 * context (`cdk.json` → `context.stages.<name>`, stage chosen with `-c stage=<name>`, default `dev`)
 * and validated with zod, so a typo fails `cdk synth` with a message instead of deploying something odd.
 */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { z } from 'zod';

/** The retention periods CloudWatch Logs accepts, in days (9999 = never expire). */
const LOG_RETENTION_VALUES: readonly number[] = Object.values(RetentionDays).filter(
  (v): v is number => typeof v === 'number',
);

/** `''` in cdk.json means "not configured"; it becomes `undefined`. */
function optional<T extends z.ZodType<string>>(schema: T) {
  return z.union([z.literal(''), schema]).transform((v) => (v === '' ? undefined : (v as string)));
}

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** A DNS host name such as `mk.example.edu.cn` (lower case, no scheme, no port). */
const HostName = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a lower-case host name');

/** Schema of one stage in `cdk.json`. Every key is required so that stages differ only on purpose. */
export const StageConfigSchema = z
  .object({
    /** Keep the table, photo bucket, keys and logs when the stack is deleted (prod), or delete them (dev). */
    retainData: z.boolean(),
    /** Call Rekognition CompareFaces; when false every identity check goes to the staff queue. */
    faceCompare: z.boolean(),
    /** CompareFaces similarity (0–100) at or above which an identity is verified automatically. */
    similarityThreshold: z.number().min(0).max(100),
    /** Regular expression an admission ticket number must match (SPEC §3, default 12 digits). */
    ticketPattern: z.string().min(1).refine(isRegExp, 'must be a valid regular expression'),
    /** Days after which unconfirmed uploads under `uploads/` expire (SPEC §3: within a day). */
    uploadRetentionDays: z.number().int().min(1).max(30),
    /** Days a replaced or deleted photo version is kept before S3 removes it for good. */
    photoNoncurrentVersionDays: z.number().int().min(1).max(365),
    /** Retention of every log group and of the access-log buckets, in days (a CloudWatch Logs value). */
    logRetentionDays: z
      .number()
      .int()
      .refine((v) => LOG_RETENTION_VALUES.includes(v), `must be one of ${LOG_RETENTION_VALUES.join(', ')}`),
    /** Powertools log level of the functions. */
    logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']),
    /** Where alarms are e-mailed; '' = alarms only in the console. */
    alarmEmail: optional(z.email()),
    /** Custom domain of the site (CloudFront alias); '' = the generated *.cloudfront.net name. */
    domainName: optional(HostName),
    /** ACM certificate (us-east-1) for `domainName`; required exactly when `domainName` is set. */
    certificateArn: optional(
      z
        .string()
        .regex(
          /^arn:[a-z-]+:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/,
          'must be an ACM certificate ARN in us-east-1',
        ),
    ),
    /** WAFv2 web ACL (scope CLOUDFRONT) to attach to the distribution; '' = none. */
    webAclArn: optional(
      z
        .string()
        .regex(
          /^arn:[a-z-]+:wafv2:us-east-1:\d{12}:global\/webacl\/.+$/,
          'must be a CLOUDFRONT-scope WAFv2 web ACL ARN',
        ),
    ),
    /** Steady-state request rate of the HTTP API stage (requests per second). */
    apiRateLimit: z.number().positive(),
    /** Burst of the HTTP API stage (requests). */
    apiBurstLimit: z.number().int().positive(),
  })
  .strict()
  .refine((c) => (c.domainName === undefined) === (c.certificateArn === undefined), {
    message: 'domainName and certificateArn must be set together',
    path: ['certificateArn'],
  });

/** A validated stage configuration. */
export type StageConfig = z.infer<typeof StageConfigSchema>;

/** A stage: its name (part of every stack name) and its configuration. */
export interface Stage {
  readonly name: string;
  readonly config: StageConfig;
}

/** Stage names become part of stack names (`ExemptionPortal-<stage>-Data`). */
const STAGE_NAME = /^[a-z][a-z0-9]{1,15}$/;

/**
 * Reads the stage named by the `stage` context value (default `dev`) from `context.stages`.
 * @throws Error when the name is malformed, the stage is missing, or its configuration is invalid
 *   (every problem is listed).
 */
export function loadStage(node: Node): Stage {
  const name: unknown = node.tryGetContext('stage') ?? 'dev';
  if (typeof name !== 'string' || !STAGE_NAME.test(name)) {
    throw new Error(
      `Invalid stage name ${JSON.stringify(name)}: use 2–16 lower-case letters or digits, starting with a letter`,
    );
  }
  const stages: unknown = node.tryGetContext('stages');
  const known = stages && typeof stages === 'object' ? Object.keys(stages) : [];
  const raw = (stages as Record<string, unknown> | undefined)?.[name];
  if (raw === undefined) {
    throw new Error(
      `Unknown stage "${name}": add it under "context.stages" in cdk.json (known: ${known.join(', ') || 'none'})`,
    );
  }
  const parsed = StageConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(stage)'}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration for stage "${name}" in cdk.json: ${problems}`);
  }
  return { name, config: parsed.data };
}
