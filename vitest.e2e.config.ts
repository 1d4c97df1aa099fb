import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: journeys through the real web app in headless Chromium against the whole local
// system (emulators + local server, web built by Vite). One file at a time: each starts DynamoDB
// Local (a JVM), S3 and a browser on a 2-core machine.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 90_000,
    // Starting the system builds the web app and starts the emulators.
    hookTimeout: 240_000,
    env: {
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_DEV: 'true',
      AWS_REGION: 'us-east-1',
    },
  },
});
