import { defineConfig } from 'vitest/config';

// `npm test`: unit, handler (aws-sdk-client-mock), integration (embedded emulators over HTTP) and CDK
// tests. The browser journey has its own config (vitest.e2e.config.ts, `npm run test:e2e`).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Two cores: integration files each start DynamoDB Local (a JVM) and S3; keep them from piling up.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: {
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_DEV: 'true',
      AWS_REGION: 'us-east-1',
    },
  },
});
