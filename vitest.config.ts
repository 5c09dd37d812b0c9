import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // Argon2id at 64 MiB and the QR corpus take a few seconds on this 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
