import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADDON_ID, FirefoxTwofold } from './fixtures/firefox.ts';
import { FirefoxPopup } from './pages/popup-page.ts';
import { field, textOf } from './pages/query.ts';

/** Where Debian's Firefox ESR reads enterprise policies (`distribution/` beside the binary; root only). */
const POLICIES_FILE = '/usr/lib/firefox-esr/distribution/policies.json';

const POLICY = {
  autolockMinutes: 7,
  sync: 'forbidden',
  import: 'forbidden',
  supportUrl: 'https://help.example.com/twofold',
  // Invalid on purpose: listed in Settings › About, and Twofold still starts.
  clockCheck: 'sometimes',
};

/**
 * Firefox with Twofold and the organisation's policies.json. Firefox reads the file once, at
 * start-up: it is removed as soon as this Firefox runs, so no other Firefox (another test, another
 * run on this machine) ever starts with it.
 */
async function launchWithPolicies(policy: Record<string, unknown>): Promise<FirefoxTwofold> {
  mkdirSync(dirname(POLICIES_FILE), { recursive: true });
  writeFileSync(
    POLICIES_FILE,
    JSON.stringify({ policies: { '3rdparty': { Extensions: { [ADDON_ID]: policy } } } }),
  );
  process.once('exit', removePolicies);
  try {
    return await FirefoxTwofold.launch();
  } finally {
    removePolicies();
  }
}

function removePolicies(): void {
  rmSync(POLICIES_FILE, { force: true });
}

describe("Firefox: managed policies from the organisation's policies.json", () => {
  let firefox: FirefoxTwofold | undefined;
  afterEach(async () => {
    await firefox?.close();
    firefox = undefined;
  });

  it('applies the policies as the user sees them: locked settings, sync off, the support link, an invalid value listed', async () => {
    firefox = await launchWithPolicies(POLICY);
    const setup = new FirefoxPopup(await firefox.openPopup());
    await setup.send('vault:create', { passphrase: 'purple otter sings at noon' });

    const options = await firefox.openExtensionPage('options.html');
    const autoLock = field(options, 'Lock after this many idle minutes');
    const lockField = () =>
      autoLock
        .map((input) => [(input as HTMLInputElement).value, (input as HTMLInputElement).disabled])
        .wait();
    await expect.poll(lockField, { timeout: 20_000 }).toEqual(['7', true]);
    const text = () => textOf(options);
    await expect.poll(text).toContain('Set by your organisation');
    expect(await text()).toContain('Sync is turned off by your organisation.');
    expect(await text()).toContain('Importing accounts is turned off by your organisation.');
    expect(await text()).toContain("Your organisation's policy `clockCheck` has an invalid value");
    const support = await options.$eval('a[href="https://help.example.com/twofold"]', (a) => a.textContent);
    expect(support).toBe('Contact your IT support');
    // The background refuses what the page hides.
    await expect(
      setup.send('import:preview', { text: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP' }),
    ).rejects.toThrow(/does not allow/);
  });
});
