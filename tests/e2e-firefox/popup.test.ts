import { describe, expect, it } from 'vitest';
import { useFirefoxSuite } from './fixtures/suite.ts';
import { codeAt } from './pages/codes.ts';
import { FirefoxPopup } from './pages/popup-page.ts';
import { textOf } from './pages/query.ts';

const PASSPHRASE = 'purple otter sings at noon';
const URI = 'otpauth://totp/Widgets:tester?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Widgets';

describe('Firefox: the background and the popup', () => {
  const suite = useFirefoxSuite();

  it('the background starts and answers the popup', async () => {
    const popup = new FirefoxPopup(await suite.firefox.openPopup());
    await popup.expectText('Create vault');
    // Firefox runs the MV3 background as an event page, not a service worker.
    const background = await popup.page.evaluate(() => {
      const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
      const manifest = ext.runtime.getManifest() as { background?: { scripts?: string[] } };
      return { scripts: manifest.background?.scripts ?? [], id: ext.runtime.id };
    });
    expect(background.id).toBe('twofold@twofold.dev');
    expect(background.scripts.map((url) => url.split('/').pop())).toEqual(['background.js']);
    expect(await popup.send('vault:state')).toEqual({
      exists: false,
      unlocked: false,
      quarantined: 0,
      readOnly: false,
    });
  });

  it('create, lock, unlock: the code is shown only while unlocked', async () => {
    const popup = new FirefoxPopup(await suite.firefox.openPopup());
    await popup.createVault(PASSPHRASE);
    await popup.addAccount(URI);
    const shown = await popup.code('Widgets (tester)');
    expect([codeAt(URI, Date.now()), codeAt(URI, Date.now() - 30_000)]).toContain(shown);

    await popup.lock();
    expect(await popup.code('Widgets (tester)')).toBeUndefined();
    await popup.reload();
    await popup.expectText('Unlock');
    expect(await textOf(popup.page)).not.toContain('tester');

    await popup.tryUnlock('not the passphrase');
    await popup.expectText('Wrong passphrase');
    expect(await popup.code('Widgets (tester)')).toBeUndefined();

    await popup.unlock(PASSPHRASE);
    await expect.poll(() => popup.code('Widgets (tester)')).toMatch(/^\d{6}$/);
  });
});
