/**
 * esbuild settings for every Lambda bundle: one place, used by the CDK house function
 * (`app-function.ts`) and by the benchmark (`bench/run.ts`), so what is measured is what ships.
 * Everything is bundled (the AWS SDK too): versions are pinned by the lock file, not by the runtime.
 */

/** Node.js target of the Lambda runtime `nodejs22.x`. */
export const BUNDLE_TARGET = 'node22';

/**
 * ESM bundles need `require` for the CommonJS dependencies they inline (parts of the AWS SDK).
 * This banner provides it.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** The settings shared by CDK and the benchmark. */
export const BUNDLING = {
  minify: true,
  sourceMap: true,
  target: BUNDLE_TARGET,
  format: 'esm',
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  externalModules: [] as string[],
} as const;
