import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Two cores: two browsers at a time is what the machine holds.
  workers: 2,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'sandbox', testMatch: 'sandbox/**/*.spec.ts' },
    { name: 'extension', testMatch: 'extension/**/*.spec.ts' },
  ],
});
