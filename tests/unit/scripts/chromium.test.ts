import { describe, expect, it } from 'vitest';
import { findChromium, missingChromiumMessage } from '../../../scripts/chromium';

const PLAYWRIGHT = '/home/me/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';

function lookup(files: string[], env: Record<string, string | undefined> = {}) {
  return { env, exists: (path: string) => files.includes(path), playwrightPath: PLAYWRIGHT };
}

describe('findChromium', () => {
  it.each([
    ['CHROMIUM_PATH first', ['/opt/c', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/c' }, '/opt/c'],
    ["Debian's chromium", ['/usr/bin/chromium', PLAYWRIGHT], {}, '/usr/bin/chromium'],
    ['chromium-browser', ['/usr/bin/chromium-browser'], {}, '/usr/bin/chromium-browser'],
    ["Playwright's own last", [PLAYWRIGHT], {}, PLAYWRIGHT],
    ['nothing', [], {}, undefined],
    [
      'a CHROMIUM_PATH to nowhere is not ignored',
      ['/usr/bin/chromium'],
      { CHROMIUM_PATH: '/nope' },
      undefined,
    ],
  ])('%s', (_name, files, env, expected) => {
    expect(findChromium(lookup(files, env))?.path).toBe(expected);
  });
});

describe('missingChromiumMessage', () => {
  it('says what was looked for and the three ways to get a browser', () => {
    const text = missingChromiumMessage(lookup([]));
    for (const part of [
      'CHROMIUM_PATH (not set)',
      '/usr/bin/chromium',
      PLAYWRIGHT,
      'apt-get install chromium',
      'npx playwright install chromium',
      'CHROMIUM_PATH=/path/to/chromium',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('names a CHROMIUM_PATH that points nowhere', () => {
    expect(missingChromiumMessage(lookup([], { CHROMIUM_PATH: '/nope' }))).toContain(
      'CHROMIUM_PATH=/nope (no file there)',
    );
  });
});
