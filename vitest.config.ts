import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { jsqrWithoutShiftJisTable } from './lib/build/jsqr';

export default defineConfig({
  plugins: [WxtVitest(), jsqrWithoutShiftJisTable()],
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // Argon2id at 64 MiB and the QR corpus take a few seconds on this 2-core machine.
    // jsQR goes through Vite like in the build, so its Shift_JIS table is left out here too.
    server: { deps: { inline: ['jsqr'] } },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
