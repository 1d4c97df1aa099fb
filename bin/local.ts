/**
 * `npm start`: the whole system on this machine — DynamoDB Local, the S3 emulator, the web app and
 * the API on http://localhost:3000 (`PORT` overrides), data kept in `.local-data/` (`LOCAL_DATA_DIR`
 * overrides). `npm start -- --no-build` serves the existing `web/dist` without rebuilding it.
 * Ctrl-C stops everything, DynamoDB Local's JVM included.
 */
import path from 'node:path';
import { LocalSystemError } from '../lib/local/emulators.js';
import { REPO_ROOT, startLocalSystem, type LocalSystem } from '../lib/local/system.js';

const dataDir = path.resolve(process.env.LOCAL_DATA_DIR ?? path.join(REPO_ROOT, '.local-data'));
const buildWeb = !process.argv.includes('--no-build');

let system: LocalSystem | undefined;
let stoppingSince: number | undefined;

/** How long a clean stop may take before the process leaves anyway (the exit hook still kills the JVM). */
const STOP_TIMEOUT_MS = 15_000;

async function shutdown(signal: string): Promise<void> {
  if (stoppingSince !== undefined) {
    // Ctrl-C reaches this process twice (from the terminal and relayed by tsx): only a later one
    // means "stop now".
    if (Date.now() - stoppingSince < 2_000) return;
    console.log('Forced exit.');
    process.exit(1);
  }
  stoppingSince = Date.now();
  console.log(`\n${signal}: stopping…`);
  setTimeout(() => {
    console.error('Stopping took too long; exiting.');
    process.exit(1);
  }, STOP_TIMEOUT_MS).unref();
  try {
    await system?.stop();
    console.log('Stopped.');
    process.exit(0);
  } catch (error) {
    console.error('Stopping failed:', error);
    process.exit(1);
  }
}

process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));

try {
  system = await startLocalSystem({ dataDir, buildWeb });
  const lines = [
    '',
    `  Exemption portal running at ${system.url}`,
    `  API description:  ${system.url}/api/openapi.json`,
    `  Data folder:      ${system.dataDir}`,
    ...system.notes.map((n) => `  ${n}`),
    `  Ready in ${(system.startupMs / 1000).toFixed(1)} s. Press Ctrl-C to stop.`,
    '',
  ];
  console.log(lines.join('\n'));
} catch (error) {
  if (error instanceof LocalSystemError) {
    console.error(`\nCannot start the local system:\n${error.message}\n`);
  } else {
    console.error('\nCannot start the local system:', error);
  }
  process.exit(1);
}
