/** First step of `npm test`: stop at once, with one clear message, when there is no Chromium. */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium, missingChromiumMessage } from './chromium.ts';

function playwrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

const lookup = { env: process.env, exists: existsSync, playwrightPath: playwrightPath() };
const found = findChromium(lookup);
if (found) {
  console.log(`Chromium for the browser tests: ${found.path}`);
} else {
  console.error(missingChromiumMessage(lookup));
  process.exit(1);
}
