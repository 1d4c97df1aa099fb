/**
 * Integration-test harness: ONE embedded local system per test file (DynamoDB Local is a JVM; on a
 * 2-core machine one start per file keeps the suite fast), on a free port, with its data in a fresh
 * temporary folder that is deleted afterwards. The web app is not built.
 *
 * Usage, at the top of a test file:
 *   const local = useLocalSystem();
 *   it('…', async () => { const res = await local.fetch('/api/health'); … });
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startLocalSystem, type LocalSystem } from '../../lib/local/system.js';

/** Emulator start-up on a busy 2-core machine (several test files in parallel) can take a while. */
const START_TIMEOUT_MS = 120_000;

/** The running system of a test file. */
export interface LocalSystemFixture {
  /** The running system (a new object after {@link restart}). */
  readonly system: LocalSystem;
  /** Base URL, e.g. `http://localhost:41234`. */
  readonly url: string;
  readonly dataDir: string;
  /**
   * `fetch` against the system: `path` is relative to its URL, and the `Origin` header is the
   * system's own origin (as a browser on the page would send) unless `init.headers` sets one.
   */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Stops the system and starts it again on the same data folder. */
  restart(): Promise<void>;
}

/** Registers `beforeAll` / `afterAll` hooks that start and stop one local system for the file. */
export function useLocalSystem(): LocalSystemFixture {
  let current: LocalSystem | undefined;
  let dataDir: string | undefined;

  const start = async (): Promise<void> => {
    current = await startLocalSystem({ port: 0, dataDir: dataDir!, buildWeb: false, quiet: true });
  };
  const running = (): LocalSystem => {
    if (!current) throw new Error('The local system is not running (beforeAll failed or the file is finished)');
    return current;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'local-system-it-'));
    await start();
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    try {
      await current?.stop();
    } finally {
      current = undefined;
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }
  }, 30_000);

  return {
    get system() {
      return running();
    },
    get url() {
      return running().url;
    },
    get dataDir() {
      return running().dataDir;
    },
    fetch(p, init = {}) {
      const system = running();
      const headers = new Headers(init.headers);
      if (!headers.has('origin')) headers.set('origin', system.url);
      return fetch(new URL(p, system.url), { ...init, headers });
    },
    async restart() {
      await running().stop();
      current = undefined;
      await start();
    },
  };
}
