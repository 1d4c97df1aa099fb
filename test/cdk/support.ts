/**
 * Shared helpers of the CDK tests: synthesize the portal exactly as `bin/app.ts` does (same builder,
 * the real cdk.json context), and read the synthesized templates. Synthesis is the slow part (every
 * function is bundled by esbuild), so each test file synthesizes once in `beforeAll`.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { RouteDefinition } from '../../functions/route-types.js';
import { buildPortal, type Portal } from '../../lib/portal.js';
import { loadStage, type Stage } from '../../lib/stage-config.js';

/** A CloudFormation resource as it appears in a synthesized template. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

/** A synthesized template. */
export interface Template {
  readonly Resources: Record<string, CfnResource>;
  readonly Outputs?: Record<string, { Value: unknown; Export?: { Name: string } }>;
}

/** One synthesized portal. */
export interface Synthesized {
  readonly app: App;
  readonly portal: Portal;
  readonly stage: Stage;
  readonly assembly: CloudAssembly;
  /** Templates by stack name. */
  readonly templates: Readonly<Record<string, Template>>;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The `context` of the real cdk.json (stages and feature flags). */
export function cdkJsonContext(): Record<string, unknown> {
  return (JSON.parse(readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> })
    .context;
}

let webDir: string | undefined;
/** A stand-in for web/dist (index.html + one hashed asset), so the tests do not need `npm run build:web`. */
export function fakeWebDist(): string {
  if (!webDir) {
    webDir = mkdtempSync(path.join(tmpdir(), 'ep-web-'));
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(
      path.join(webDir, 'index.html'),
      '<!doctype html><title>test</title><script type="module" src="/assets/app-abc123.js"></script>',
    );
    writeFileSync(path.join(webDir, 'assets', 'app-abc123.js'), 'console.log("app");');
  }
  return webDir;
}

/** What to synthesize. */
export interface SynthOptions {
  readonly stage: string;
  readonly region?: string;
  /** Routes to build (default: the route table). */
  readonly routes?: readonly RouteDefinition[];
  /** Bundle every function with esbuild (slow); when false CDK skips bundling, as `cdk synth -e` does. */
  readonly bundle: boolean;
}

/** Builds and synthesizes the portal like bin/app.ts, without the nag plugin (tests run the checks themselves). */
export function synthPortal(options: SynthOptions): Synthesized {
  const context: Record<string, unknown> = { ...cdkJsonContext(), stage: options.stage };
  if (!options.bundle) context['aws:cdk:bundling-stacks'] = [];
  const app = new App({ context, outdir: mkdtempSync(path.join(tmpdir(), 'ep-cdk-out-')) });
  const stage = loadStage(app.node);
  const portal = buildPortal(app, {
    stage,
    webAssetsPath: fakeWebDist(),
    appVersion: 'test',
    env: options.region ? { region: options.region } : undefined,
    routes: options.routes,
  });
  const assembly = app.synth();
  const templates = Object.fromEntries(assembly.stacks.map((s) => [s.stackName, s.template as Template]));
  return { app, portal, stage, assembly, templates };
}

/** The template of one stack. @throws Error when it is missing */
export function templateOf(s: Synthesized, suffix: 'Data' | 'Api' | 'Web'): Template {
  const name = `ExemptionPortal-${s.stage.name}-${suffix}`;
  const template = s.templates[name];
  if (!template) throw new Error(`No stack ${name}`);
  return template;
}

/** Resources of one type, as [logicalId, resource] pairs. */
export function resourcesOfType(template: Template, type: string): [string, CfnResource][] {
  return Object.entries(template.Resources).filter(([, r]) => r.Type === type);
}

/** The one resource of a type, as [logicalId, resource]. @throws Error when there is not exactly one */
export function onlyResourceOfType(template: Template, type: string): [string, CfnResource] {
  const found = resourcesOfType(template, type);
  if (found.length !== 1) throw new Error(`${found.length} resources of type ${type}`);
  return found[0]!;
}

/** The resource with this logical id. @throws Error when absent */
export function resource(template: Template, logicalId: string): CfnResource {
  const r = template.Resources[logicalId];
  if (!r) throw new Error(`No resource ${logicalId}`);
  return r;
}

/** `{ Ref: id }` or `{ "Fn::GetAtt": [id, ...] }` → id. @throws Error for anything else */
export function referencedId(value: unknown): string {
  const v = value as { Ref?: unknown; 'Fn::GetAtt'?: unknown[] };
  if (typeof v?.Ref === 'string') return v.Ref;
  const att = v?.['Fn::GetAtt'];
  if (Array.isArray(att) && typeof att[0] === 'string') return att[0];
  throw new Error(`Not a reference: ${JSON.stringify(value)}`);
}

/** One IAM policy statement. */
export interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/** Actions of a statement as a list. */
export function actionsOf(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

/** Every statement of the inline policies attached to a role (by logical id). */
export function statementsOfRole(template: Template, roleId: string): Statement[] {
  const statements: Statement[] = [];
  for (const [, policy] of resourcesOfType(template, 'AWS::IAM::Policy')) {
    const roles = (policy.Properties?.Roles ?? []) as unknown[];
    if (!roles.some((r) => referencedId(r) === roleId)) continue;
    const document = policy.Properties?.PolicyDocument as { Statement: Statement[] };
    statements.push(...document.Statement);
  }
  return statements;
}

/** The function, route and integration of one route of the table. */
export interface RouteWiring {
  readonly routeId: string;
  readonly functionId: string;
  readonly fn: CfnResource;
  readonly roleId: string;
}

/**
 * Follows Route → Integration → Function → Role for `${method} ${path}`.
 * @throws Error when the route is missing, doubled, or not integrated with a Lambda function
 */
export function wiringOf(template: Template, route: RouteDefinition): RouteWiring {
  const routeKey = `${route.method} ${route.path}`;
  const matches = resourcesOfType(template, 'AWS::ApiGatewayV2::Route').filter(
    ([, r]) => r.Properties?.RouteKey === routeKey,
  );
  if (matches.length !== 1) throw new Error(`${matches.length} routes with RouteKey ${routeKey}`);
  const [routeId, routeResource] = matches[0]!;
  const target = routeResource.Properties?.Target as { 'Fn::Join': [string, unknown[]] };
  const [prefix, ref] = target['Fn::Join'][1];
  if (prefix !== 'integrations/') throw new Error(`Unexpected target of ${routeKey}`);
  const integration = resource(template, referencedId(ref));
  if (integration.Properties?.IntegrationType !== 'AWS_PROXY')
    throw new Error(`${routeKey} is not a Lambda proxy integration`);
  const functionId = referencedId(integration.Properties?.IntegrationUri);
  const fn = resource(template, functionId);
  if (fn.Type !== 'AWS::Lambda::Function') throw new Error(`${routeKey} integrates ${fn.Type}`);
  return { routeId, functionId, fn, roleId: referencedId(fn.Properties?.Role) };
}

/** Every cdk-nag AwsSolutions finding of the (already synthesized) app that is not acknowledged. */
export function unacknowledgedNagFindings(app: App): string[] {
  const report = new AwsSolutionsChecks().validateScope(app);
  return report.violations
    .flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath ?? '?'}`))
    .sort();
}

/** One acknowledgement: where, which finding, why. */
export interface Acknowledgement {
  readonly construct: IConstruct;
  readonly id: string;
  readonly reason: string;
}

/** Every `Validations.of(x).acknowledge(...)` in the app. */
export function acknowledgements(app: App): Acknowledgement[] {
  return app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({
          construct,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}
