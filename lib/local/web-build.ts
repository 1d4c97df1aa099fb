/**
 * Builds the web app for the embedded system with Vite's JavaScript API (the same config as
 * `npm run build:web`) and says what the local server should serve.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { WebSource } from './http-server.js';

/** Where the web app's config and build output live, relative to the repository root. */
export const WEB_CONFIG = 'web/vite.config.ts';
export const WEB_DIST = 'web/dist';

/**
 * Builds `web/` into `web/dist` when `build` is true and the config exists, then returns the
 * folder to serve — or, when there is nothing to serve, the reason to show instead.
 * A failed build does not stop the API: the reason (the build error) is shown on the page and logged.
 */
export async function prepareWeb(options: {
  repoRoot: string;
  build: boolean;
  quiet: boolean;
  logError: (message: string, error: unknown) => void;
}): Promise<WebSource> {
  const configFile = path.join(options.repoRoot, WEB_CONFIG);
  const dist = path.join(options.repoRoot, WEB_DIST);
  const hasIndex = () => existsSync(path.join(dist, 'index.html'));
  if (options.build) {
    if (!existsSync(configFile)) {
      return hasIndex()
        ? { kind: 'dir', root: dist }
        : { kind: 'not-built', reason: `${WEB_CONFIG} does not exist yet.` };
    }
    try {
      // Imported only when building: Vite is large and the API does not need it.
      const { build } = await import('vite');
      await build({ configFile, logLevel: options.quiet ? 'error' : 'warn' });
    } catch (error) {
      options.logError('Building the web app failed', error);
      return {
        kind: 'not-built',
        reason: `Building the web app failed: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  return hasIndex()
    ? { kind: 'dir', root: dist }
    : {
        kind: 'not-built',
        reason: `There is no ${WEB_DIST}/index.html. Run \`npm run build:web\`, or \`npm start\` (which builds it).`,
      };
}
