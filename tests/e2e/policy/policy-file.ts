import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { sendFromPage } from '../pages/options-page';

/** The policy-test build (`npm run build:e2e:policy`), whose manifest `key` pins its ID. */
export const POLICY_EXTENSION_DIR = resolve('.output/chrome-mv3-sandbox-policy');

/** Where Debian's Chromium reads machine policies (root only). */
export const POLICY_FILE = '/etc/chromium/policies/managed/twofold-test.json';

/** Chromium's ID for a manifest key: sha256 of the DER public key, first 32 hex digits as a-p. */
export function extensionIdOfKey(base64Der: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Der, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export const POLICY_EXTENSION_ID = extensionIdOfKey(
  readFileSync(resolve('tests/e2e/policy/extension-key.txt'), 'utf8').trim(),
);

/**
 * Writes the managed policy for the pinned-ID build only (other builds have other IDs and never
 * see it). Removed by `removePolicy`, and at the latest when the test process exits.
 */
export function writePolicy(policy: Record<string, unknown>): void {
  mkdirSync(dirname(POLICY_FILE), { recursive: true });
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({ '3rdparty': { extensions: { [POLICY_EXTENSION_ID]: policy } } }),
  );
  process.once('exit', removePolicy);
}

export function removePolicy(): void {
  rmSync(POLICY_FILE, { force: true });
}

/**
 * Makes Chromium read its policy files again now, as chrome://policy's "Reload policies"
 * button does (left alone, Chromium notices a changed file only after its own settle delay).
 * Extensions then see `storage.onChanged` for the managed area.
 */
export async function reloadPolicies(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://policy');
    await page.getByRole('button', { name: 'Reload policies' }).click();
  } finally {
    await page.close();
  }
}

/**
 * Waits until Twofold's background applies `expected` (its own answer to `managed:view`,
 * asked from one of its pages): the browser's reload reaches the extension asynchronously.
 */
export async function expectPolicies(page: Page, expected: Record<string, unknown>): Promise<void> {
  await expect
    .poll(
      async () => (await sendFromPage<{ policies: Record<string, unknown> }>(page, 'managed:view')).policies,
      {
        timeout: 30_000,
      },
    )
    .toEqual(expected);
}
