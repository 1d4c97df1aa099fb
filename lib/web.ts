/**
 * The site (SPEC §4): a private S3 bucket with the built web app behind CloudFront (Origin Access
 * Control), and `/api/*` on the same distribution routed to the HTTP API, so the app and the API
 * share one origin and sessions can be HttpOnly, Secure, SameSite=Strict cookies.
 *
 * The CORS rule of the photo bucket (browsers PUT photos straight to S3 with presigned URLs) is set
 * here, by a custom resource, because it must name the site's origin: the bucket (data.ts) cannot
 * refer to the distribution, since the distribution's security headers already refer to the bucket
 * (CSP img-src/connect-src) — in CloudFormation that would be a cycle, and across stacks a deadlock.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  Function as EdgeFunction,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import type { Construct, IConstruct } from 'constructs';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { Stage } from './stage-config.js';

/**
 * Viewer-request function of the default behaviour: a path whose last segment has no file extension
 * is a client-side route of the single-page app, so it is served `/index.html`. Files (`/assets/…`,
 * `/favicon.svg`) pass unchanged. Unlike CloudFront error responses, this never touches `/api/*`
 * (another behaviour), whose 403/404 answers must reach the app as they are.
 */
export const SPA_REWRITE_CODE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.slice(uri.lastIndexOf('/') + 1).indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}`;

/**
 * Viewer-request function of `/api/*`: copies the viewer's Host into \`x-forwarded-host\`, replacing
 * whatever the client sent. The origin request policy forwards every viewer header except Host (API
 * Gateway needs its own), and the functions' Origin check compares the Origin header with this one.
 */
export const API_FORWARDED_HOST_CODE = `function handler(event) {
  var request = event.request;
  var host = request.headers.host;
  if (host) {
    request.headers['x-forwarded-host'] = { value: host.value };
  } else {
    delete request.headers['x-forwarded-host'];
  }
  return request;
}`;

/** Properties of the {@link WebStack}. */
export interface WebStackProps extends StackProps {
  readonly stage: Stage;
  /** Directory of the built web app (must contain index.html), e.g. web/dist. */
  readonly webAssetsPath: string;
  /** Host name of the HTTP API endpoint (ApiStack.apiDomainName). */
  readonly apiDomainName: string;
  /** The photo bucket: CSP allows its presigned URLs, and its CORS rule names this site. */
  readonly photoBucket: IBucket;
}

/** Web bucket, CloudFront distribution, deployed assets, and the photo bucket's CORS rule. */
export class WebStack extends Stack {
  readonly distribution: Distribution;
  /** `https://…` origin of the site (custom domain when configured). */
  readonly siteOrigin: string;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const config = props.stage.config;
    if (!existsSync(path.join(props.webAssetsPath, 'index.html'))) {
      throw new Error(`No index.html in ${props.webAssetsPath}: run \`npm run build:web\` first`);
    }
    const retainLogs = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    // CloudFront standard logs are delivered with ACLs, and S3 access logs only to SSE-S3 buckets.
    const logBucket = new Bucket(this, 'Logs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      lifecycleRules: [
        { expiration: Duration.days(config.logRetentionDays), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: retainLogs,
      autoDeleteObjects: !config.retainData,
    });
    Validations.of(logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the log bucket itself (CloudFront and web-bucket access logs): logging it into itself would loop, and into another bucket only moves the finding there.',
    });

    // Build output only, re-deployable from git at any time: deleted with the stack in every stage.
    const webBucket = new Bucket(this, 'Site', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 'site-bucket/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const photoOrigins = `https://${props.photoBucket.bucketRegionalDomainName} https://${props.photoBucket.bucketDomainName}`;
    const csp = [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      // Presigned GETs of photos (and local previews of a photo before upload).
      `img-src 'self' data: blob: ${photoOrigins}`,
      // Presigned PUTs of photos.
      `connect-src 'self' ${photoOrigins}`,
      "font-src 'self'",
      "manifest-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      'upgrade-insecure-requests',
    ].join('; ');
    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: `Exemption portal (${props.stage.name}) security headers`,
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.SAME_ORIGIN, override: true },
        contentTypeOptions: { override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: 'camera=(self), microphone=(), geolocation=(), payment=()',
            override: true,
          },
        ],
      },
    });

    const spaRewrite = new EdgeFunction(this, 'SpaRewrite', {
      comment: 'Serve /index.html for client-side routes',
      code: FunctionCode.fromInline(SPA_REWRITE_CODE),
      runtime: FunctionRuntime.JS_2_0,
    });
    const forwardedHost = new EdgeFunction(this, 'ApiForwardedHost', {
      comment: 'x-forwarded-host = viewer Host, for the API Origin check',
      code: FunctionCode.fromInline(API_FORWARDED_HOST_CODE),
      runtime: FunctionRuntime.JS_2_0,
    });

    const customDomain =
      config.domainName && config.certificateArn
        ? { domainName: config.domainName, certificateArn: config.certificateArn }
        : undefined;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Exemption portal (${props.stage.name})`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(webBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        compress: true,
        functionAssociations: [{ function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
          functionAssociations: [{ function: forwardedHost, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
      },
      ...(customDomain
        ? {
            domainNames: [customDomain.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', customDomain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Edge locations in North America, Europe and Asia (Hong Kong, Singapore, Japan…): closest to
      // candidates in mainland China without paying for every region.
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cloudfront/',
      ...(config.webAclArn ? { webAclId: config.webAclArn } : {}),
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: candidates of the provincial exam authority may apply from anywhere, including from abroad.',
    });
    if (!config.webAclArn) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF web ACL configured for this stage (set webAclArn in cdk.json to attach one): the API is throttled at the stage, logins lock after repeated failures, and every input is validated.',
      });
    }
    if (!customDomain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose viewer TLS policy cannot be chosen; configure domainName + certificateArn to enforce TLSv1.2_2021.',
      });
    }

    this.siteOrigin = `https://${customDomain?.domainName ?? this.distribution.distributionDomainName}`;

    // Hashed build files never change: cache them for a year, and keep old ones (no prune) so a page
    // loaded before a deployment can still fetch its lazy chunks. Everything else (index.html,
    // favicon…) is revalidated so a deployment shows at once, and is written after the hashed files it
    // points to. `.vite/` holds the build manifest, which the site does not need.
    const webAssets = new Asset(this, 'WebAssets', { path: props.webAssetsPath });
    const source = Source.bucket(webAssets.bucket, webAssets.s3ObjectKey);
    const hashed = new BucketDeployment(this, 'DeployHashedAssets', {
      sources: [source],
      destinationBucket: webBucket,
      exclude: ['*'],
      include: ['assets/*'],
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      prune: false,
      memoryLimit: 512,
    });
    const entry = new BucketDeployment(this, 'DeployEntryFiles', {
      sources: [source],
      destinationBucket: webBucket,
      exclude: ['assets/*', '.vite/*'],
      cacheControl: [CacheControl.fromString('no-cache')],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    entry.node.addDependency(hashed);
    acknowledgeBucketDeployment(hashed, webAssets.bucket, webBucket);

    const origins = [...new Set([this.siteOrigin, `https://${this.distribution.distributionDomainName}`])];
    const putCors = {
      service: 'S3',
      action: 'putBucketCors',
      parameters: {
        Bucket: props.photoBucket.bucketName,
        CORSConfiguration: {
          CORSRules: [
            {
              AllowedMethods: ['GET', 'HEAD', 'PUT'],
              AllowedOrigins: origins,
              // Content-Type is signed into every presigned PUT; the SDK may add x-amz-* checksum headers.
              AllowedHeaders: ['content-type', 'x-amz-*'],
              ExposeHeaders: ['ETag'],
              MaxAgeSeconds: 600,
            },
          ],
        },
      },
      physicalResourceId: PhysicalResourceId.of(`cors-${props.stage.name}`),
    };
    new AwsCustomResource(this, 'PhotoBucketCors', {
      onCreate: putCors,
      onUpdate: putCors,
      onDelete: { service: 'S3', action: 'deleteBucketCors', parameters: { Bucket: props.photoBucket.bucketName } },
      // PutBucketCORS is also the permission of DeleteBucketCors.
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({ actions: ['s3:PutBucketCORS'], resources: [props.photoBucket.bucketArn] }),
      ]),
      installLatestAwsSdk: false,
    });
    acknowledgeAwsCustomResourceProvider(this);

    new CfnOutput(this, 'SiteUrl', { description: 'The web app (and /api)', value: this.siteOrigin });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });
  }
}

/** Why CDK's own custom-resource handlers use the AWS managed basic-execution policy. */
const CDK_HANDLER_MANAGED_POLICY =
  "CDK's own custom-resource handler: aws-cdk-lib attaches AWSLambdaBasicExecutionRole (CloudWatch Logs only) to it; it runs only during deployments and is not reachable by users.";

/** The cdk-nag text of a policy resource, as it names findings. */
function nagText(scope: IConstruct, value: string): string {
  return flattenCfnReference(Stack.of(scope).resolve(value));
}

/**
 * Acknowledges the findings on the BucketDeployment handler (one singleton per stack), each named
 * exactly: its grants are those CDK writes (read the asset, replace the site files, invalidate the
 * CDN), its runtime is chosen by aws-cdk-lib.
 */
function acknowledgeBucketDeployment(deployment: BucketDeployment, assetBucket: IBucket, siteBucket: IBucket): void {
  const role = deployment.handlerRole;
  const handler = role.node.scope;
  if (!handler) throw new Error('BucketDeployment handler role has no scope');
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-L1',
    reason:
      "CDK's BucketDeployment handler: its runtime is chosen by aws-cdk-lib and moves forward when aws-cdk-lib is upgraded.",
  });
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: CDK_HANDLER_MANAGED_POLICY,
  });
  for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*']) {
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: `CDK's BucketDeployment grant (${action}): reading the zipped build from the CDK asset bucket and replacing and pruning the files of the site bucket, nothing else.`,
    });
  }
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${nagText(role, assetBucket.arnForObjects('*'))}]`,
    reason:
      'Objects of the CDK bootstrap asset bucket: the deployment reads the zipped web build from there; the key is a content hash known only at synthesis.',
  });
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${nagText(role, siteBucket.arnForObjects('*'))}]`,
    reason:
      'Every object of the site bucket: the deployment uploads the new build and deletes files the build no longer has.',
  });
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      "cloudfront:CreateInvalidation/GetInvalidation, granted on * by CDK's BucketDeployment to invalidate the site's distribution after a deployment.",
  });
}

/** Acknowledges the managed policy of the AwsCustomResource handler (one singleton per stack). */
function acknowledgeAwsCustomResourceProvider(stack: Stack): void {
  const handler = stack.node.tryFindChild(`AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`);
  const role = handler?.node.tryFindChild('ServiceRole');
  if (!role) throw new Error('AwsCustomResource handler not found');
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: CDK_HANDLER_MANAGED_POLICY,
  });
}
