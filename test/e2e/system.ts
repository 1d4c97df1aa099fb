/**
 * The server side of the end-to-end tests: the whole local system (`npm start`'s emulators and HTTP
 * server, with the web app freshly built) on a random port, its data in a temporary folder that is
 * removed afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DemoAdmin } from '../../lib/local/seed-accounts.js';
import { startLocalSystem } from '../../lib/local/system.js';

/** A running system for one test file. */
export interface E2eSystem {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /** The demo admin's credentials (for staff steps of a journey, e.g. verifying an identity). */
  demoAdmin: DemoAdmin;
  /** Stops the system and deletes its data folder. */
  stop(): Promise<void>;
}

/** Starts the local system on a free port with an empty data folder and a fresh web build. */
export async function startE2eSystem(): Promise<E2eSystem> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'e2e-'));
  try {
    const system = await withProductionNodeEnv(() =>
      startLocalSystem({ port: 0, dataDir, buildWeb: true, quiet: true }),
    );
    return {
      url: system.url.replace(/\/$/, ''),
      demoAdmin: system.demoAdmin,
      async stop() {
        try {
          await system.stop();
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Runs `start` with NODE_ENV=production, then puts the previous value back. Vitest sets
 * NODE_ENV=test, and Vite builds a development bundle (development React, StrictMode's doubled
 * effects) whenever NODE_ENV is set to anything but `production`; the journeys must drive the bundle
 * that users get.
 */
async function withProductionNodeEnv<T>(start: () => Promise<T>): Promise<T> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await start();
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}
