/**
 * The embedded system's data folder (default `.local-data/`, git-ignored): DynamoDB Local's database
 * file, s3rver's objects, the session-signing key and a lock that keeps two systems off the same
 * files. Everything here survives restarts.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LocalSystemError } from './emulators.js';

/** The folders and files of a data folder. */
export interface DataDirLayout {
  readonly root: string;
  readonly dynamodb: string;
  readonly s3: string;
  readonly signingKey: string;
  readonly lock: string;
}

/** Paths inside `dataDir` (resolved against the current directory). */
export function dataDirLayout(dataDir: string): DataDirLayout {
  const root = path.resolve(dataDir);
  return {
    root,
    dynamodb: path.join(root, 'dynamodb'),
    s3: path.join(root, 's3'),
    signingKey: path.join(root, 'session-signing-key'),
    lock: path.join(root, 'local-system.lock'),
  };
}

/**
 * The session-signing key (32 random bytes, base64) of this data folder, created on first use, so
 * sessions stay valid across restarts. The file is readable by the owner only.
 */
export async function loadOrCreateSigningKey(file: string): Promise<string> {
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (Buffer.from(existing, 'base64').length >= 32) return existing;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const key = randomBytes(32).toString('base64');
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return key;
}

interface LockContent {
  readonly pid: number;
  readonly javaPid?: number;
}

/** True for a process that has exited but was not reaped (Linux `/proc`; e.g. under a PID 1 that doesn't reap). */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !isZombie(pid);
}

/** The command line of a process (Linux `/proc`); undefined where unavailable. */
function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}

/** True when `pid` runs and (where the command line can be read) matches `pattern`. */
function runs(pid: number, pattern: RegExp): boolean {
  if (!isAlive(pid)) return false;
  const cmd = commandLine(pid);
  // Without /proc (macOS) the command line can't be checked: trust that the process is alive.
  if (cmd === undefined) return !existsSync('/proc');
  return pattern.test(cmd);
}

/** A held lock on a data folder. */
export interface DataDirLock {
  /** Records DynamoDB Local's process id, so a later start can end it if this process dies first. */
  setJavaPid(pid: number): Promise<void>;
  release(): Promise<void>;
}

/**
 * Takes the data folder's lock.
 * If the lock belongs to a process that has died (killed before it could clean up), its orphaned
 * DynamoDB Local — which would keep the database file open — is ended first.
 * @throws LocalSystemError when another running system (or this process) holds the lock
 */
export async function lockDataDir(layout: DataDirLayout): Promise<DataDirLock> {
  await mkdir(layout.root, { recursive: true });
  let previous: LockContent | undefined;
  try {
    previous = JSON.parse(await readFile(layout.lock, 'utf8')) as LockContent;
  } catch {
    previous = undefined;
  }
  if (previous && typeof previous.pid === 'number' && runs(previous.pid, /node|tsx|vitest/)) {
    throw new LocalSystemError(
      `The data folder ${layout.root} is in use by another local system (process ${previous.pid}${previous.pid === process.pid ? ', this one' : ''}). Stop it first, or use another folder.`,
    );
  }
  if (previous?.javaPid && runs(previous.javaPid, /DynamoDBLocal/)) {
    process.kill(previous.javaPid, 'SIGKILL');
    for (let i = 0; i < 50 && isAlive(previous.javaPid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  let content: LockContent = { pid: process.pid };
  await writeFile(layout.lock, JSON.stringify(content));
  // A process that exits without stopping the system (process.exit, an uncaught error) still frees the folder.
  const releaseOnExit = () => rmSync(layout.lock, { force: true });
  process.on('exit', releaseOnExit);
  return {
    async setJavaPid(javaPid) {
      content = { ...content, javaPid };
      await writeFile(layout.lock, JSON.stringify(content));
    },
    async release() {
      process.off('exit', releaseOnExit);
      await rm(layout.lock, { force: true });
    },
  };
}
