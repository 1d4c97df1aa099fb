/**
 * The stateless API (SPEC §4): an API Gateway HTTP API whose routes come from the route table
 * (`functions/routes.ts`). For every row: one function (`functions/handlers/<handler>.ts`, export
 * `handler`), one route (method + path), and only the grants the row declares, each set with its
 * environment variable by the bind helpers of `app-function.ts`. Nothing here names a route.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CfnOutput, Fn, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { needsSessionKey, type RouteDefinition } from '../functions/route-types.js';
import { routeList } from '../functions/routes.js';
import { AppFunction, bindFaces, bindPhotos, bindSessionKey, bindTable, SERVICE_NAME } from './app-function.js';
import type { DataResources } from './data.js';
import { Monitoring } from './monitoring.js';
import type { Stage } from './stage-config.js';

/** Root of the function sources (`functions/`). */
export const FUNCTIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'functions');

/** Properties of the {@link ApiStack}. */
export interface ApiStackProps extends StackProps {
  readonly stage: Stage;
  readonly data: DataResources;
  /** Reported by `GET /api/health` (`APP_VERSION`). */
  readonly appVersion: string;
  /** The routes to build (default: the route table). Tests add probe routes here. */
  readonly routes?: readonly RouteDefinition[];
}

/** The HTTP API, one function per route, and the alarms. */
export class ApiStack extends Stack {
  readonly httpApi: HttpApi;
  /** Host name of the API's execute-api endpoint (the CloudFront origin for `/api/*`). */
  readonly apiDomainName: string;
  /** Every route's function, by operationId. */
  readonly functions: ReadonlyMap<string, AppFunction>;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { stage, data } = props;
    const config = stage.config;
    const routes = props.routes ?? routeList;
    const removalPolicy = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.httpApi = new HttpApi(this, 'HttpApi', {
      // A label for the console (API names need not be unique); the API id is generated.
      apiName: this.stackName,
      description: `Exemption portal (${stage.name}); reached through CloudFront at /api/*`,
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: config.logRetentionDays, removalPolicy });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.apiRateLimit, burstLimit: config.apiBurstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // The route key, never the raw path or query string: no personal data in access logs.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTimeEpoch',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    this.apiDomainName = Fn.select(2, Fn.split('/', this.httpApi.apiEndpoint));

    const common: Record<string, string> = {
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      POWERTOOLS_LOG_LEVEL: config.logLevel,
      APP_VERSION: props.appVersion,
      TICKET_PATTERN: config.ticketPattern,
    };
    const functions = new Map<string, AppFunction>();
    const functionsScope = new Construct(this, 'Routes');
    for (const route of routes) {
      if (functions.has(route.operationId))
        throw new Error(`Duplicate operationId in the route table: ${route.operationId}`);
      const entry = path.join(FUNCTIONS_DIR, 'handlers', `${route.handler}.ts`);
      if (!existsSync(entry)) {
        throw new Error(
          `Route ${route.operationId}: handler module not found at ${path.relative(process.cwd(), entry)}`,
        );
      }
      const fn = new AppFunction(functionsScope, route.operationId, {
        entry,
        description: `${route.operationId}: ${route.method} ${route.path}`,
        logRetention: config.logRetentionDays,
        logRemovalPolicy: removalPolicy,
        environment: common,
      });
      const permissions = route.permissions;
      if (permissions.table) bindTable(fn, data.table, permissions.table);
      if (permissions.photos) bindPhotos(fn, data.photoBucket, permissions.photos);
      if (needsSessionKey(route)) bindSessionKey(fn, data.sessionSecret);
      if (permissions.faces) {
        bindFaces(fn, data.photoBucket, {
          enabled: config.faceCompare,
          similarityThreshold: config.similarityThreshold,
        });
      }

      const routeConstruct = new HttpRoute(fn, 'Route', {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: new HttpLambdaIntegration(`${route.operationId}Integration`, fn.lambda),
      });
      Validations.of(routeConstruct).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          route.audience === 'public'
            ? `Public route (${route.operationId}) by design: no caller identity is needed; throttled at the stage.`
            : `Authorised in the function, not by an API Gateway authoriser: the middy stack verifies the ${route.audience} session JWT (HttpOnly cookie) and role on every request before any use case runs (functions/http/handler.ts).`,
      });
      functions.set(route.operationId, fn);
    }
    this.functions = functions;

    const lambdas = new Map<string, IFunction>([...functions].map(([name, fn]) => [name, fn.lambda]));
    this.monitoring = new Monitoring(this, 'Monitoring', {
      stage,
      httpApi: this.httpApi,
      functions: lambdas,
      table: data.table,
    });

    new CfnOutput(this, 'ApiUrl', {
      description: 'execute-api endpoint (browsers use the site URL + /api; this one is for diagnostics)',
      value: this.httpApi.apiEndpoint,
    });
    new CfnOutput(this, 'TableName', {
      description: 'Application table (npm run create-admin)',
      value: data.table.tableName,
    });
  }
}
