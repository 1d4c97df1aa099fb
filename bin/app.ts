#!/usr/bin/env node
/**
 * CDK entry (`npx cdk synth|deploy -c stage=<dev|prod> [-c region=<region>]`): reads the stage, builds
 * its stacks and applies the cdk-nag AwsSolutions checks. Account and region come from the CLI's
 * CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION when present (`-c region=` wins); without them the stacks
 * are environment-agnostic, so `cdk synth` works offline with no credentials.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, type Environment } from 'aws-cdk-lib';
import { applySecurityChecks, buildPortal } from '../lib/portal.js';
import { loadStage } from '../lib/stage-config.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webAssetsPath = path.join(root, 'web', 'dist');
if (!existsSync(path.join(webAssetsPath, 'index.html'))) {
  console.error(
    `The web app is not built (no ${path.relative(process.cwd(), path.join(webAssetsPath, 'index.html'))}): run npm run build:web first.`,
  );
  process.exit(1);
}

const app = new App();
const stage = loadStage(app.node);

const region: unknown = app.node.tryGetContext('region') ?? process.env.CDK_DEFAULT_REGION;
const account = process.env.CDK_DEFAULT_ACCOUNT;
if (region !== undefined && (typeof region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))) {
  throw new Error(`Invalid region ${JSON.stringify(region)} (expected e.g. cn-north-1)`);
}
const env: Environment | undefined = region || account ? { account, region: region as string | undefined } : undefined;

const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const appVersion: unknown = app.node.tryGetContext('appVersion') ?? version;

buildPortal(app, { stage, webAssetsPath, env, appVersion: String(appVersion) });
applySecurityChecks(app);
app.synth();
