/**
 * The embedded local system (`npm start`, integration and end-to-end tests): DynamoDB Local and
 * s3rver on loopback, the table and photo bucket created, demo data seeded, the web app built, and
 * one HTTP server that serves the web app and runs the route table's own Lambda handlers for
 * `/api/*`. The handlers find the emulators through the AWS SDK's standard
 * `AWS_ENDPOINT_URL_DYNAMODB` / `AWS_ENDPOINT_URL_S3` variables: nothing in `functions/` knows it
 * runs locally (SPEC §4 "Local embedded mode").
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RouteDefinition } from '../../functions/route-types.js';
import { routeList } from '../../functions/routes.js';
import { dataDirLayout, loadOrCreateSigningKey, lockDataDir } from './data-dir.js';
import {
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  LocalSystemError,
  requireJava,
  startDynamoDbLocal,
  startS3rver,
  type RunningDynamoDb,
  type RunningEmulator,
} from './emulators.js';
import { createLocalHttpServer, type LambdaHandler, type WebSource } from './http-server.js';
import { ensureTable } from './provision.js';
import { seedDemoAccounts, type DemoAdmin } from './seed-accounts.js';
import { seedLocalData } from './seed.js';
import { prepareWeb } from './web-build.js';

/** The repository root (this file is `lib/local/system.ts`). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The local table and bucket names (fixed: one system per data folder). */
export const LOCAL_TABLE_NAME = 'exemption-portal-local';
export const LOCAL_PHOTO_BUCKET = 'exemption-portal-photos-local';

/** Default HTTP port when neither `options.port` nor `PORT` is given. */
export const DEFAULT_PORT = 3000;

/** Options of {@link startLocalSystem}. */
export interface LocalSystemOptions {
  /** HTTP port on 127.0.0.1; 0 picks a free one; default `PORT` from the environment, else 3000. */
  readonly port?: number;
  /** Folder for the database, objects and session key (created if missing; kept across restarts). */
  readonly dataDir: string;
  /** Build `web/` with Vite before serving it (default true). When false, an existing `web/dist` is served. */
  readonly buildWeb?: boolean;
  /** No request log or progress lines (errors are still printed). Default false. */
  readonly quiet?: boolean;
}

/** A running local system. */
export interface LocalSystem {
  /** `http://localhost:<port>` (browsers treat localhost as secure, so `Secure` cookies work). */
  readonly url: string;
  readonly port: number;
  readonly tableName: string;
  readonly bucket: string;
  /** The environment variables set for the handlers (also applied to `process.env`). */
  readonly env: Record<string, string>;
  /** Absolute path of the data folder. */
  readonly dataDir: string;
  /** Lines for the start-up banner (from seeding, e.g. demo credentials). */
  readonly notes: readonly string[];
  /** Milliseconds from the call to ready. */
  readonly startupMs: number;
  /** The demo admin's credentials (printed at start). */
  readonly demoAdmin: DemoAdmin;
  /** Stops the HTTP server, s3rver and DynamoDB Local (waits for the JVM to exit). Safe to call twice. */
  stop(): Promise<void>;
}

// One system per process: handlers read process.env and their SDK clients are module singletons.
let active = false;

/**
 * Emulator ports of the first system started in this process. The AWS SDK clients inside already
 * imported handler modules keep the endpoint they resolved on first use, so a restarted system in
 * the same process (a restart test, an e2e harness) must come back on the same ports.
 */
const processEmulatorPorts: { dynamodb?: number; s3?: number } = {};

function portFromEnvironment(): number {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new LocalSystemError(`PORT must be a port number, got "${raw}".`);
  return port;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'EADDRINUSE'
          ? new LocalSystemError(
              `Port ${port} is already in use. Stop what uses it, or choose another port: PORT=3001 npm start`,
            )
          : e,
      );
    };
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive and in-flight connections would otherwise hold close() open.
    server.closeAllConnections();
  });
}

function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: string };
    return `${pkg.version ?? '0.0.0'}-local`;
  } catch {
    return 'local';
  }
}

/** Imports a route's handler module (`functions/handlers/<handler>.ts`) and returns its `handler`. */
async function loadHandler(route: RouteDefinition): Promise<LambdaHandler> {
  const file = path.join(REPO_ROOT, 'functions', 'handlers', `${route.handler}.ts`);
  const mod = (await import(pathToFileURL(file).href)) as { handler?: unknown };
  if (typeof mod.handler !== 'function')
    throw new Error(`${path.relative(REPO_ROOT, file)} does not export a function named handler`);
  return mod.handler as LambdaHandler;
}

/**
 * The handler environment: what the CDK app sets on each function, pointed at the emulators.
 * Settings a person may choose (face compare, threshold, ticket pattern, log level, version) keep a
 * value already present in the environment.
 */
function handlerEnvironment(args: {
  dynamodb: RunningEmulator;
  s3: RunningEmulator;
  signingKey: string;
  origins: readonly string[];
  quiet: boolean;
}): Record<string, string> {
  const keep = (name: string, fallback: string) => process.env[name] || fallback;
  return {
    TABLE_NAME: LOCAL_TABLE_NAME,
    PHOTO_BUCKET: LOCAL_PHOTO_BUCKET,
    SESSION_SIGNING_KEY: args.signingKey,
    AWS_ENDPOINT_URL_DYNAMODB: args.dynamodb.endpoint,
    AWS_ENDPOINT_URL_S3: args.s3.endpoint,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    // The S3 endpoint is an IP literal, for which the v3 SDK already addresses buckets path-style;
    // this flag is for an S3 client that wants to say so explicitly (the SDK itself reads no such variable).
    S3_FORCE_PATH_STYLE: 'true',
    ALLOWED_ORIGINS: args.origins.join(','),
    FACE_COMPARE: keep('FACE_COMPARE', 'disabled'),
    SIMILARITY_THRESHOLD: keep('SIMILARITY_THRESHOLD', '90'),
    TICKET_PATTERN: keep('TICKET_PATTERN', '^\\d{12}$'),
    APP_VERSION: keep('APP_VERSION', appVersion()),
    POWERTOOLS_SERVICE_NAME: keep('POWERTOOLS_SERVICE_NAME', 'exemption-portal'),
    POWERTOOLS_LOG_LEVEL: keep('POWERTOOLS_LOG_LEVEL', args.quiet ? 'ERROR' : 'INFO'),
  };
}

/**
 * Starts the whole local system and resolves once it answers requests.
 * Steps: check Java → lock the data folder → listen on the HTTP port (requests wait) → start
 * DynamoDB Local and s3rver and build the web app, in parallel → create the table and bucket →
 * seed → set the handler environment → serve. On failure everything started so far is stopped.
 * @throws LocalSystemError with a message for people (no Java, port in use, data folder in use,
 *   an emulator that does not come up within its timeout)
 */
export async function startLocalSystem(options: LocalSystemOptions): Promise<LocalSystem> {
  const startedAt = Date.now();
  if (active)
    throw new LocalSystemError('A local system is already running in this process; stop it before starting another.');
  active = true;
  const quiet = options.quiet ?? false;
  const log = (line: string) => {
    if (!quiet) console.log(line);
  };
  const logError = (message: string, error: unknown) => {
    console.error(`[local] ${message}:`, error instanceof Error ? (error.stack ?? error.message) : error);
  };

  const cleanups: Array<() => Promise<void>> = [];
  // The HTTP server closes first, so no request reaches an emulator that is going away.
  let closeHttp: (() => Promise<void>) | undefined;
  const runCleanups = async () => {
    if (closeHttp) cleanups.push(closeHttp);
    closeHttp = undefined;
    while (cleanups.length) {
      const cleanup = cleanups.pop()!;
      try {
        await cleanup();
      } catch (e) {
        logError('Stopping a part of the local system failed', e);
      }
    }
  };

  // Set when stopping starts: a Ctrl-C reaches the JVM too, which may exit before stop() ends it.
  let stopping = false;
  let resolveReady!: () => void;
  let rejectReady!: (e: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => undefined);

  try {
    requireJava();
    const layout = dataDirLayout(options.dataDir);
    const lock = await lockDataDir(layout);
    cleanups.push(() => lock.release());
    const signingKey = await loadOrCreateSigningKey(layout.signingKey);

    let web: WebSource = { kind: 'not-built', reason: 'The local system is starting.' };
    const server = createLocalHttpServer({
      routes: routeList,
      loadHandler,
      web: () => web,
      ready,
      region: LOCAL_REGION,
      log: (line) => log(`[api] ${line}`),
      logError,
    });
    const port = await listen(server, options.port ?? portFromEnvironment());
    closeHttp = () => closeServer(server);
    const url = `http://localhost:${port}`;
    const origins = [url, `http://127.0.0.1:${port}`];

    log(`Starting DynamoDB Local and the S3 emulator${options.buildWeb === false ? '' : ', building the web app'}…`);
    const reusePort = processEmulatorPorts.dynamodb;
    const [dynamoResult, s3Result, webResult] = await Promise.allSettled([
      startDynamoDbLocal({
        dbPath: layout.dynamodb,
        ...(reusePort !== undefined ? { port: reusePort } : {}),
        onUnexpectedExit: (detail) => {
          if (!stopping) logError('DynamoDB Local stopped unexpectedly', detail);
        },
      }),
      startS3rver({
        directory: layout.s3,
        ...(processEmulatorPorts.s3 !== undefined ? { port: processEmulatorPorts.s3 } : {}),
        buckets: [{ name: LOCAL_PHOTO_BUCKET, corsOrigins: origins }],
      }),
      prepareWeb({ repoRoot: REPO_ROOT, build: options.buildWeb ?? true, quiet, logError }),
    ]);
    let dynamodb: RunningDynamoDb | undefined;
    let s3: RunningEmulator | undefined;
    if (dynamoResult.status === 'fulfilled') {
      dynamodb = dynamoResult.value;
      cleanups.push(() => dynamoResult.value.stop());
    }
    if (s3Result.status === 'fulfilled') {
      s3 = s3Result.value;
      cleanups.push(() => s3Result.value.stop());
    }
    for (const result of [dynamoResult, s3Result, webResult]) {
      if (result.status === 'rejected') {
        const reused = reusePort !== undefined && result === dynamoResult;
        throw reused
          ? new LocalSystemError(
              `${result.reason instanceof Error ? result.reason.message : String(result.reason)}\n` +
                `(A restart in the same process must reuse port ${reusePort}: the handlers' AWS SDK clients keep their endpoint.)`,
              { cause: result.reason },
            )
          : result.reason;
      }
    }
    if (!dynamodb || !s3 || webResult.status !== 'fulfilled') throw new LocalSystemError('The emulators did not start');
    processEmulatorPorts.dynamodb = dynamodb.port;
    processEmulatorPorts.s3 = s3.port;
    await lock.setJavaPid(dynamodb.pid);

    const dynamoClient = new DynamoDBClient({
      endpoint: dynamodb.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    const s3Client = new S3Client({
      endpoint: s3.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      forcePathStyle: true,
    });
    let notes: string[];
    try {
      const created = await ensureTable(dynamoClient, LOCAL_TABLE_NAME);
      if (created) log(`Created table ${LOCAL_TABLE_NAME}.`);
      const seed = await seedLocalData({
        db: DynamoDBDocumentClient.from(dynamoClient, { marshallOptions: { removeUndefinedValues: true } }),
        s3: s3Client,
        tableName: LOCAL_TABLE_NAME,
        bucket: LOCAL_PHOTO_BUCKET,
        now: Date.now(),
      });
      notes = seed.notes;
    } finally {
      dynamoClient.destroy();
      s3Client.destroy();
    }

    const env = handlerEnvironment({ dynamodb, s3, signingKey, origins, quiet });
    Object.assign(process.env, env);
    // Temporary credentials of a real account would be sent along with the emulator keys.
    delete process.env.AWS_SESSION_TOKEN;
    const accounts = await seedDemoAccounts(layout.root);
    notes.push(...accounts.notes);

    web = webResult.value;
    resolveReady();

    let stopped: Promise<void> | undefined;
    return {
      url,
      port,
      tableName: LOCAL_TABLE_NAME,
      bucket: LOCAL_PHOTO_BUCKET,
      env,
      dataDir: layout.root,
      notes,
      demoAdmin: accounts.demoAdmin,
      startupMs: Date.now() - startedAt,
      stop() {
        stopping = true;
        stopped ??= runCleanups().finally(() => {
          active = false;
        });
        return stopped;
      },
    };
  } catch (error) {
    stopping = true;
    rejectReady(error);
    await runCleanups();
    active = false;
    throw error;
  }
}
