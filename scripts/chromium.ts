/**
 * Where the browser tests find Chromium, in order: `CHROMIUM_PATH`, Debian's `chromium`
 * package, then the browser Playwright downloads. Pure (file checks and environment are
 * injected) so both the e2e fixtures and `npm test`'s first step use the same answer.
 */

export interface ChromiumLookup {
  env: Readonly<Record<string, string | undefined>>;
  exists: (path: string) => boolean;
  /** Where Playwright's own Chromium would be (`chromium.executablePath()`), if it knows. */
  playwrightPath?: string;
}

export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export type ChromiumFound = { path: string; source: 'CHROMIUM_PATH' | 'system' | 'playwright' };

export function findChromium({ env, exists, playwrightPath }: ChromiumLookup): ChromiumFound | undefined {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  // A CHROMIUM_PATH that points nowhere is a mistake to report, not to paper over.
  if (fromEnv) return exists(fromEnv) ? { path: fromEnv, source: 'CHROMIUM_PATH' } : undefined;
  const system = SYSTEM_CHROMIUM.find((path) => exists(path));
  if (system) return { path: system, source: 'system' };
  if (playwrightPath && exists(playwrightPath)) return { path: playwrightPath, source: 'playwright' };
  return undefined;
}

/** The one message `npm test` prints when no browser is found: what was looked for, and three fixes. */
export function missingChromiumMessage({ env, playwrightPath }: ChromiumLookup): string {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  const looked = fromEnv
    ? [`CHROMIUM_PATH=${fromEnv} (no file there)`]
    : [
        'CHROMIUM_PATH (not set)',
        ...SYSTEM_CHROMIUM,
        `Playwright's Chromium${playwrightPath ? ` (${playwrightPath})` : ''}`,
      ];
  return [
    'No Chromium found: the browser tests need one. Looked for:',
    ...looked.map((what) => `  - ${what}`),
    'Get one of these ways:',
    '  1. Debian/Ubuntu: sudo apt-get install chromium',
    '  2. Playwright:    npx playwright install chromium',
    '  3. Your own:      CHROMIUM_PATH=/path/to/chromium npm test',
  ].join('\n');
}
