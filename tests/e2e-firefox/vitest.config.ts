import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The Firefox end-to-end suite (`npm run test:firefox`): Twofold's Firefox build in headless
 * Firefox ESR, driven over WebDriver BiDi by puppeteer-core. One Firefox at a time.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    retry: process.env.CI ? 1 : 0,
  },
});
