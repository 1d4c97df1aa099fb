/**
 * Builds the whole cloud deployment of one stage into an App: the stateful data stack, the API stack
 * (functions, routes, alarms) and the web stack (CloudFront + site), named
 * `ExemptionPortal-<stage>-Data|Api|Web`. Shared by `bin/app.ts` and the CDK tests, so the tests check
 * exactly what `cdk synth` produces.
 */
import { type App, type Environment, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { RouteDefinition } from '../functions/route-types.js';
import { ApiStack } from './api.js';
import { DataStack } from './data.js';
import type { Stage } from './stage-config.js';
import { WebStack } from './web.js';

/** What {@link buildPortal} needs. */
export interface PortalOptions {
  readonly stage: Stage;
  /** Built web app (web/dist). */
  readonly webAssetsPath: string;
  /** Reported by `GET /api/health`. */
  readonly appVersion: string;
  /** Account/region; undefined = environment-agnostic stacks. */
  readonly env?: Environment;
  /** Routes to build (default: the route table). */
  readonly routes?: readonly RouteDefinition[];
}

/** The stacks of one stage. */
export interface Portal {
  readonly data: DataStack;
  readonly api: ApiStack;
  readonly web: WebStack;
}

/** Prefix of every stack name. */
export const STACK_PREFIX = 'ExemptionPortal';

/** Adds the stacks of `options.stage` to `app`. */
export function buildPortal(app: App, options: PortalOptions): Portal {
  const { stage, env } = options;
  const prefix = `${STACK_PREFIX}-${stage.name}`;
  const data = new DataStack(app, `${prefix}-Data`, {
    env,
    stage,
    description: `Exemption portal (${stage.name}): table, photo bucket, keys, session key`,
  });
  const api = new ApiStack(app, `${prefix}-Api`, {
    env,
    stage,
    data,
    appVersion: options.appVersion,
    routes: options.routes,
    description: `Exemption portal (${stage.name}): HTTP API, one function per route, alarms`,
  });
  const web = new WebStack(app, `${prefix}-Web`, {
    env,
    stage,
    webAssetsPath: options.webAssetsPath,
    apiDomainName: api.apiDomainName,
    photoBucket: data.photoBucket,
    description: `Exemption portal (${stage.name}): CloudFront, web app, photo bucket CORS`,
  });
  Tags.of(app).add('project', 'exemption-portal');
  Tags.of(app).add('stage', stage.name);
  return { data, api, web };
}

/**
 * Registers the cdk-nag AwsSolutions rules as a policy-validation plugin (cdk-nag 3): any
 * finding that is not acknowledged, with a reason, next to the resource makes synthesis fail.
 */
export function applySecurityChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}
