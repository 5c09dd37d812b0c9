import * as OTPAuth from 'otpauth';
import type { ExtensionBrowser } from '../fixtures/extension';
import { expect, test } from '../fixtures/twofold';
import { seedAccounts, sendFromPage } from '../pages/options-page';
import { PopupPage } from '../pages/popup-page';

const PASSPHRASE = 'purple otter sings at noon';
const SECRETS = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U'];
const uri = (issuer: string, label: string, secret: string) =>
  `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(label)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;

function totpNow(secret: string): string[] {
  const totp = new OTPAuth.TOTP({ secret });
  const now = Date.now();
  return [-2000, 0, 1500].map((delta) => totp.generate({ timestamp: now + delta }));
}

async function unlockedPopup(twofold: ExtensionBrowser): Promise<PopupPage> {
  const popup = new PopupPage(await twofold.openPopup());
  await popup.createVault(PASSPHRASE);
  return popup;
}

test.describe('popup', () => {
  test('the empty popup says once how to start, and links to the import in Settings', async ({ twofold }) => {
    test.setTimeout(180_000);
    const popup = await unlockedPopup(twofold);
    const empty = popup.page.locator('.empty');
    await expect(empty.getByText('No accounts yet.', { exact: true })).toBeVisible();
    await expect(empty).toContainText(
      "Open a site's two-factor set-up page: Twofold spots its QR code and offers to save it.",
    );
    // Said once, with the buttons' real names.
    expect(((await empty.textContent()) ?? '').match(/two-factor set-up page/g)).toHaveLength(1);
    await expect(empty).toContainText('"Scan QR code on this page"');
    await expect(popup.page.getByRole('button', { name: 'Scan QR code on this page' })).toBeVisible();
    await expect(popup.page.getByRole('searchbox')).toHaveCount(0);

    const link = empty.getByRole('link', { name: 'Import its export in Settings' });
    await expect(link).toHaveAttribute('href', twofold.extensionUrl('options.html#import'));
    const opened = twofold.context.waitForEvent('page');
    await link.click();
    const options = await opened;
    await expect(options).toHaveURL(twofold.extensionUrl('options.html#import'));
    await expect(options.getByRole('heading', { name: 'Twofold settings' })).toBeVisible();
    await expect(options).toHaveTitle('Twofold settings');
  });

  test('search as you type, pin, reorder with the keyboard, edit, delete after confirming', async ({
    twofold,
  }) => {
    const popup = await unlockedPopup(twofold);
    await seedAccounts(popup.page, [
      uri('Alpha', 'a@example.com', SECRETS[0]!),
      uri('Beta', 'b@example.com', SECRETS[1]!),
      uri('Gamma', 'g@example.com', SECRETS[2]!),
    ]);
    await popup.page.reload();
    const A = 'Alpha (a@example.com)';
    const B = 'Beta (b@example.com)';
    const G = 'Gamma (g@example.com)';
    await expect(popup.code(G)).toBeVisible();
    expect(await popup.shownNames()).toEqual([A, B, G]);

    // Search as you type: issuer, account name, accents and case ignored.
    await popup.search('gam');
    expect(await popup.shownNames()).toEqual([G]);
    await popup.search('B@EXAMPLE');
    expect(await popup.shownNames()).toEqual([B]);
    await popup.search('nothing like this');
    await expect(popup.page.getByText('No account matches "nothing like this".')).toBeVisible();
    await popup.search('');

    // Pin Gamma: it goes to the top, under "Pinned".
    await popup.rowAction(G, 'Pin to top');
    await expect(popup.page.getByRole('status')).toHaveText(`${G} pinned.`);
    expect(await popup.shownNames()).toEqual([G, A, B]);
    await expect(popup.page.getByRole('heading', { name: 'Pinned' })).toBeVisible();

    // Move Beta up with the keyboard only; focus stays on "Move up".
    const toggle = popup.page.getByRole('button', { name: `Actions for ${B}`, exact: true });
    await toggle.focus();
    await popup.page.keyboard.press('Enter');
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const moveUp = popup.page.getByRole('group', { name: `Actions for ${B}` }).getByRole('button', {
      name: 'Move up',
    });
    await popup.page.keyboard.press('Tab'); // Pin to top
    await popup.page.keyboard.press('Tab'); // Move up
    await expect(moveUp).toBeFocused();
    await popup.page.keyboard.press('Enter');
    await expect(popup.page.getByRole('status')).toHaveText(`${B} moved up.`);
    expect(await popup.shownNames()).toEqual([G, B, A]);
    // Beta is first of its group now: it cannot move up across "Pinned"; focus stays in its row.
    await expect(moveUp).toBeDisabled();
    await expect(toggle).toBeFocused();
    await popup.page.reload();
    await expect(popup.code(G)).toBeVisible();
    expect(await popup.shownNames()).toEqual([G, B, A]);

    // Edit issuer and name.
    await popup.rowAction(A, 'Edit');
    await popup.page.getByLabel('Issuer').fill('Alphabet');
    await popup.page.getByLabel('Account name').fill('alice');
    await popup.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(popup.code('Alphabet (alice)')).toBeVisible();
    expect(totpNow(SECRETS[0]!)).toContain(await popup.codeDigits('Alphabet (alice)'));

    // Delete: an in-popup confirmation (no window.confirm); Cancel keeps, "Yes, delete" moves it to Recently deleted.
    popup.page.on('dialog', () => {
      throw new Error('no native dialogs');
    });
    await popup.rowAction(B, 'Delete');
    const dialog = popup.page.getByRole('alertdialog', { name: 'Delete this account?' });
    await expect(dialog).toContainText(`Delete ${B}?`);
    // Nothing is lost at once: the question says where it can be restored from.
    await expect(dialog).toContainText('You can restore it for 30 days from Settings › Recently deleted.');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await popup.page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(popup.code(B)).toBeVisible();
    await popup.rowAction(B, 'Delete');
    await popup.page.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(popup.page.getByRole('status')).toHaveText(`${B} deleted.`);
    await expect(popup.code(B)).toHaveCount(0);
    await popup.page.reload();
    await expect(popup.code(G)).toBeVisible();
    expect(await popup.shownNames()).toEqual([G, 'Alphabet (alice)']);
  });

  test('copy on click or Enter; the clipboard is cleared after the delay if it still holds the code', async ({
    twofold,
  }) => {
    // Lets the popup read the clipboard (its "still holds the code" check) and the test check it.
    await twofold.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const popup = await unlockedPopup(twofold);
    await popup.page.evaluate(() =>
      chrome.storage.local
        .get('settings')
        .then(({ settings }) =>
          chrome.storage.local.set({ settings: { ...(settings ?? {}), clipboardClearSeconds: 2 } }),
        ),
    );
    await popup.page.reload();
    await popup.addAccount(uri('Example', 'alice@example.com', SECRETS[0]!));
    const name = 'Example (alice@example.com)';
    await expect(popup.code(name)).toBeVisible();
    const clipboard = () => popup.page.evaluate(() => navigator.clipboard.readText());

    await popup.code(name).click();
    await expect(popup.page.getByRole('status')).toHaveText(
      /Code copied\. Twofold clears the clipboard in 2 seconds/,
    );
    expect(totpNow(SECRETS[0]!)).toContain(await clipboard());
    await expect.poll(clipboard, { timeout: 5_000 }).toBe('');

    // Enter on the focused code copies too; something else copied meanwhile is left alone.
    await popup.code(name).focus();
    await popup.page.keyboard.press('Enter');
    await expect.poll(clipboard).toMatch(/^\d{6}$/);
    await popup.page.evaluate(() => navigator.clipboard.writeText('my own text'));
    await popup.page.waitForTimeout(2_500);
    expect(await clipboard()).toBe('my own text');
  });

  test('type a secret with its options (HOTP, SHA-512, 7 digits, counter 42), then the next code', async ({
    twofold,
  }) => {
    const popup = await unlockedPopup(twofold);
    await popup.page.getByRole('button', { name: 'Add account' }).click();
    await popup.page.getByLabel('otpauth URI or secret').fill(SECRETS[2]!.toLowerCase());
    await popup.page.locator('summary', { hasText: 'Options for a typed secret' }).click();
    await popup.page.getByLabel('Issuer').fill('Forge');
    await popup.page.getByLabel('Account name').fill('carol');
    await popup.page.getByLabel('Type').selectOption('hotp');
    await popup.page.getByLabel('Algorithm').selectOption('SHA512');
    await popup.page.getByLabel('Digits').selectOption('7');
    await popup.page.getByLabel('Counter').fill('42');
    await popup.page.getByRole('button', { name: 'Save', exact: true }).click();
    const hotp = new OTPAuth.HOTP({ secret: SECRETS[2]!, algorithm: 'SHA512', digits: 7 });
    await expect(popup.code('Forge (carol)')).toBeVisible();
    expect(await popup.codeDigits('Forge (carol)')).toBe(hotp.generate({ counter: 42 }));
    await popup.page.getByRole('button', { name: 'Next code of Forge (carol)' }).click();
    await expect.poll(() => popup.codeDigits('Forge (carol)')).toBe(hotp.generate({ counter: 43 }));
  });

  test('accounts bound to the current tab come first; settings open the options page', async ({
    twofold,
    sandbox,
  }) => {
    const setup = await unlockedPopup(twofold);
    const origin = new URL(sandbox.url).origin;
    await seedAccounts(setup.page, [uri('Other', 'x', SECRETS[0]!), uri('Second', 'y', SECRETS[1]!)]);
    await sendFromPage(setup.page, 'accounts:addUri', {
      uri: uri('M2Mmanager', 'jane', SECRETS[2]!),
      website: origin,
    });
    const site = await twofold.context.newPage();
    await site.goto(sandbox.url);
    const popup = new PopupPage(await twofold.openToolbarPopup(site));
    await expect(popup.code('M2Mmanager (jane)')).toBeVisible();
    await expect(popup.page.getByRole('heading', { name: 'On this site' })).toBeVisible();
    expect(await popup.shownNames()).toEqual(['M2Mmanager (jane)', 'Other (x)', 'Second (y)']);

    const optionsOpened = twofold.context.waitForEvent('page');
    await popup.page.getByRole('button', { name: 'Settings' }).click();
    const options = await optionsOpened;
    await expect(options).toHaveURL(/options\.html/);
    await expect(options.getByRole('heading', { name: 'Twofold settings' })).toBeVisible();
  });

  test('after the first account, a one-time nudge to export a backup; dismissed for good', async ({
    twofold,
  }) => {
    const popup = await unlockedPopup(twofold);
    const nudge = popup.page.getByRole('complementary', { name: 'Keep access if you lose this device' });
    await expect(nudge).toHaveCount(0);
    await popup.addAccount(uri('Example', 'alice', SECRETS[0]!));
    await expect(nudge).toBeVisible();
    await expect(nudge).toContainText('support ticket');
    await nudge.getByRole('button', { name: 'Dismiss' }).click();
    await expect(nudge).toHaveCount(0);
    await popup.page.reload();
    await expect(popup.code('Example (alice)')).toBeVisible();
    await expect(nudge).toHaveCount(0);
  });

  test('at the toolbar size: header in one row, a one-line nudge, six of 30 codes in view, search focused', async ({
    twofold,
    sandbox,
  }) => {
    test.setTimeout(120_000);
    const setup = await unlockedPopup(twofold);
    const many = Array.from({ length: 30 }, (_, i) =>
      uri(`Service ${i + 1}`, `user${i + 1}@example.com`, new OTPAuth.Secret({ size: 20 }).base32),
    );
    expect(await seedAccounts(setup.page, many)).toBe(30);
    const site = await twofold.context.newPage();
    await site.goto(sandbox.url);
    const toolbar = await twofold.openToolbarPopup(site);
    const popup = new PopupPage(toolbar);
    await expect(popup.code('Service 1 (user1@example.com)')).toBeVisible();
    await expect(toolbar.getByRole('searchbox', { name: 'Search accounts' })).toBeFocused();

    // The header is one row: title, Lock and Settings share a line.
    const middle = async (name: string, role: 'heading' | 'button') => {
      const box = (await toolbar.getByRole(role, { name, exact: true }).boundingBox())!;
      return box.y + box.height / 2;
    };
    const title = await middle('Twofold', 'heading');
    expect(Math.abs((await middle('Lock', 'button')) - title)).toBeLessThan(6);
    expect(Math.abs((await middle('Settings', 'button')) - title)).toBeLessThan(6);

    // The backup nudge is one line and leaves room for codes.
    const nudge = toolbar.getByRole('complementary', { name: 'Keep access if you lose this device' });
    await expect(nudge).toBeVisible();
    expect((await nudge.boundingBox())!.height).toBeLessThan(40);
    const inView = () =>
      toolbar.locator('button.code').evaluateAll(
        (codes) =>
          codes.filter((code) => {
            const box = code.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
          }).length,
      );
    const size = await toolbar.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
    expect(size.width).toBeLessThanOrEqual(400);
    expect(size.height).toBeLessThanOrEqual(600);
    expect(await inView()).toBeGreaterThanOrEqual(6);

    // "Copied" floats over the list: nothing under the pointer moves.
    const second = popup.code('Service 2 (user2@example.com)');
    const before = (await second.boundingBox())!.y;
    await popup.code('Service 1 (user1@example.com)').click();
    await expect(toolbar.getByRole('status')).toHaveText(/Code copied/);
    expect((await second.boundingBox())!.y).toBe(before);
  });

  test('long names are shown whole, on hover and to screen readers', async ({ twofold }) => {
    const popup = await unlockedPopup(twofold);
    const issuer = 'The Extraordinarily Long-Named Regional Cooperative Bank';
    const label = 'firstname.middlename.lastname@subsidiary.example.com';
    await popup.addAccount(uri(issuer, label, SECRETS[0]!));
    const name = `${issuer} (${label})`;
    await expect(popup.code(name)).toBeVisible();
    const row = popup.row(name);
    await expect(row.locator('.account-names')).toHaveAttribute('title', name);
    // The service name wraps, never cut; the account name is whole in the text screen readers get.
    const issuerText = row.getByText(issuer, { exact: true });
    await expect(issuerText).toBeVisible();
    expect(await issuerText.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await expect(row.getByText(label, { exact: true })).toHaveText(label);
    await expect(popup.code(name)).toHaveAttribute(
      'aria-label',
      new RegExp(`^Code for ${name.replace(/[.()]/g, '\\$&')}:`),
    );
  });

  test('a site icon from the browser cache for bound accounts, a letter otherwise; no request made', async ({
    twofold,
    sandbox,
  }) => {
    const popup = await unlockedPopup(twofold);
    const origin = new URL(sandbox.url).origin;
    const requests: string[] = [];
    popup.page.on('request', (request) => requests.push(request.url()));
    await popup.addAccount(uri('Bound', 'b', SECRETS[0]!), origin);
    await popup.addAccount(uri('loose', 'l', SECRETS[1]!));
    await expect(popup.code('loose (l)')).toBeVisible();

    const icon = popup.row('Bound (b)').locator('img.site-icon');
    await expect(icon).toHaveAttribute(
      'src',
      `chrome-extension://${twofold.extensionId}/_favicon/?pageUrl=${encodeURIComponent(origin)}&size=32`,
    );
    await expect.poll(() => icon.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(icon).toHaveAttribute('alt', '');
    const letter = popup.row('loose (l)').locator('.site-icon.letter');
    await expect(letter).toHaveText('L');
    await expect(letter).toHaveAttribute('aria-hidden', 'true');
    expect(requests.filter((url) => !url.startsWith('chrome-extension://'))).toEqual([]);
  });

  test('the edit form changes, refuses and clears the autofill website', async ({ twofold }) => {
    const popup = await unlockedPopup(twofold);
    await popup.addAccount(uri('Shop', 'me', SECRETS[0]!), 'shop.example');
    const name = 'Shop (me)';
    await expect(popup.code(name)).toBeVisible();
    const origins = async () =>
      (await sendFromPage<{ origin?: string }[]>(popup.page, 'accounts:list')).map((a) => a.origin);
    expect(await origins()).toEqual(['https://shop.example']);

    await popup.rowAction(name, 'Edit');
    const website = popup.page.getByLabel('Website (for autofill)');
    await expect(website).toHaveValue('https://shop.example');
    await website.fill('not a website');
    await popup.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(popup.alert()).toHaveText(
      '"not a website" is not a website address. Type one like example.com or https://example.com.',
    );
    await expect(website).toHaveAttribute('aria-invalid', 'true');
    expect(await origins()).toEqual(['https://shop.example']);

    await website.fill('https://login.shop.example/signin?next=/');
    await popup.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(popup.page.getByRole('status')).toHaveText('Changes saved.');
    expect(await origins()).toEqual(['https://login.shop.example']);

    await popup.rowAction(name, 'Edit');
    await website.fill('');
    await popup.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(website).toHaveCount(0);
    expect(await origins()).toEqual([undefined]);
    await expect(popup.row(name).locator('.site-icon.letter')).toHaveText('S');
  });

  test('thirty accounts at the toolbar size: a search typed at once, the header stays, Enter copies the only match, arrows walk the list', async ({
    twofold,
    sandbox,
  }) => {
    test.setTimeout(180_000);
    await twofold.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const setup = await unlockedPopup(twofold);
    const secrets = Array.from({ length: 31 }, () => new OTPAuth.Secret({ size: 20 }).base32);
    expect(
      await seedAccounts(
        setup.page,
        secrets.map((secret, i) => uri(`Service ${i + 1}`, `user${i + 1}@example.com`, secret)),
      ),
    ).toBe(31);
    const site = await twofold.context.newPage();
    await site.goto(sandbox.url);
    const toolbar = await twofold.openToolbarPopup(site);
    const popup = new PopupPage(toolbar);
    const search = toolbar.getByRole('searchbox', { name: 'Search accounts' });
    /** The clipboard holds account n's code (give or take a period edge). */
    const expectCopied = async (n: number) => {
      await expect(toolbar.getByRole('status')).toHaveText(/Code copied/);
      const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secrets[n - 1]!) });
      const now = Date.now();
      expect([-2000, 0, 1500].map((d) => totp.generate({ timestamp: now + d }))).toContain(
        await toolbar.evaluate(() => navigator.clipboard.readText()),
      );
    };

    // Typed the moment the popup opens, likely before the accounts below its first screen came:
    // the search finds one of those, and Enter copies it (pressed early, it waits for them).
    await search.fill('user29@');
    await search.press('Enter');
    await expectCopied(29);
    expect(await popup.shownNames()).toEqual(['Service 29 (user29@example.com)']);
    await search.fill('');
    await expect(popup.code('Service 31 (user31@example.com)')).toBeAttached();
    const header = [
      search,
      toolbar.getByRole('button', { name: 'Lock' }),
      toolbar.getByRole('button', { name: 'Settings' }),
      toolbar.getByRole('combobox', { name: 'Sort' }),
    ];

    // Scrolled to the last account: search, Lock, Settings and Sort are still in view, on top.
    await toolbar.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => toolbar.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    await expect(popup.code('Service 31 (user31@example.com)')).toBeInViewport();
    for (const control of header) {
      await expect(control).toBeInViewport({ ratio: 1 });
      expect(
        await control.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return el.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
        }),
      ).toBe(true);
    }

    // Enter copies the only match.
    await search.fill('user17@');
    expect(await popup.shownNames()).toEqual(['Service 17 (user17@example.com)']);
    await search.press('Enter');
    await expectCopied(17);
    // Several matches: Enter copies nothing.
    await toolbar.evaluate(() => navigator.clipboard.writeText('mine'));
    await search.fill('user1');
    await search.press('Enter');
    expect(await toolbar.evaluate(() => navigator.clipboard.readText())).toBe('mine');

    // Arrows: from search into the list, along it, and back; one row at a time in the Tab order.
    await search.fill('');
    const code = (n: number) => popup.code(`Service ${n} (user${n}@example.com)`);
    await search.press('ArrowDown');
    await expect(code(1)).toBeFocused();
    await toolbar.keyboard.press('ArrowDown');
    await toolbar.keyboard.press('ArrowDown');
    await expect(code(3)).toBeFocused();
    expect(await toolbar.locator('button.code:not([tabindex="-1"])').count()).toBe(1);
    await toolbar.keyboard.press('Tab');
    await expect(
      toolbar.getByRole('button', { name: 'Actions for Service 3 (user3@example.com)', exact: true }),
    ).toBeFocused();
    await toolbar.keyboard.press('ArrowDown');
    await expect(
      toolbar.getByRole('button', { name: 'Actions for Service 4 (user4@example.com)', exact: true }),
    ).toBeFocused();
    await toolbar.keyboard.press('End');
    await expect(
      toolbar.getByRole('button', { name: 'Actions for Service 31 (user31@example.com)', exact: true }),
    ).toBeFocused();
    await toolbar.keyboard.press('Shift+Tab');
    await expect(code(31)).toBeFocused();
    await toolbar.keyboard.press('Home');
    await expect(code(1)).toBeFocused();
    await toolbar.keyboard.press('ArrowUp');
    await expect(search).toBeFocused();
  });

  test('sort by name or by last use; the choice is kept, and a copy does not move rows', async ({
    twofold,
  }) => {
    test.setTimeout(180_000);
    await twofold.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const popup = await unlockedPopup(twofold);
    await seedAccounts(popup.page, [
      uri('Zulu', 'z', SECRETS[0]!),
      uri('alpha', 'a', SECRETS[1]!),
      uri('Mike', 'm', SECRETS[2]!),
      uri('Bravo', 'b', 'KRSXG5CTMVRXEZLU'),
    ]);
    await popup.page.reload();
    const sort = popup.page.getByRole('combobox', { name: 'Sort' });
    await expect(sort).toHaveValue('manual');
    expect(await popup.shownNames()).toEqual(['Zulu (z)', 'alpha (a)', 'Mike (m)', 'Bravo (b)']);

    await sort.selectOption({ label: 'Name' });
    expect(await popup.shownNames()).toEqual(['alpha (a)', 'Bravo (b)', 'Mike (m)', 'Zulu (z)']);

    await sort.selectOption({ label: 'Recently used' });
    expect(await popup.shownNames()).toEqual(['Zulu (z)', 'alpha (a)', 'Mike (m)', 'Bravo (b)']);
    await popup.code('Mike (m)').click();
    await expect(popup.page.getByRole('status')).toHaveText(/Code copied/);
    await popup.code('Bravo (b)').click();
    await expect(popup.page.getByRole('status')).toHaveText(/Code copied/);
    // Rows stay where they were under the pointer until the popup opens again.
    expect(await popup.shownNames()).toEqual(['Zulu (z)', 'alpha (a)', 'Mike (m)', 'Bravo (b)']);
    await expect
      .poll(
        async () =>
          (await sendFromPage<{ lastUsedAt?: number }[]>(popup.page, 'accounts:list')).filter(
            (a) => a.lastUsedAt,
          ).length,
      )
      .toBe(2);

    await popup.page.reload();
    await expect(popup.code('Mike (m)')).toBeVisible();
    await expect(sort).toHaveValue('recent');
    expect(await popup.shownNames()).toEqual(['Bravo (b)', 'Mike (m)', 'Zulu (z)', 'alpha (a)']);
    // Only the user's own order can be rearranged.
    await popup.page.getByRole('button', { name: 'Actions for Zulu (z)', exact: true }).click();
    await expect(popup.row('Zulu (z)').locator('[data-role="drag"]')).toHaveCount(0);
    await expect(
      popup.page
        .getByRole('group', { name: 'Actions for Zulu (z)' })
        .getByRole('button', { name: 'Move up' }),
    ).toBeDisabled();
  });

  test('drag and drop reorders rows, and the order is kept', async ({ twofold }) => {
    test.setTimeout(180_000);
    const popup = await unlockedPopup(twofold);
    await seedAccounts(popup.page, [
      uri('Alpha', 'a', SECRETS[0]!),
      uri('Beta', 'b', SECRETS[1]!),
      uri('Gamma', 'g', SECRETS[2]!),
      uri('Delta', 'd', 'KRSXG5CTMVRXEZLU'),
    ]);
    await popup.page.reload();
    await expect(popup.code('Delta (d)')).toBeVisible();
    expect(await popup.shownNames()).toEqual(['Alpha (a)', 'Beta (b)', 'Gamma (g)', 'Delta (d)']);

    const handle = (name: string) => popup.row(name).locator('[data-role="drag"]');
    await handle('Delta (d)').dragTo(popup.row('Alpha (a)'), { targetPosition: { x: 60, y: 4 } });
    await expect(popup.page.getByRole('status')).toHaveText('Delta (d) moved.');
    expect(await popup.shownNames()).toEqual(['Delta (d)', 'Alpha (a)', 'Beta (b)', 'Gamma (g)']);
    const box = (await popup.row('Beta (b)').boundingBox())!;
    await handle('Alpha (a)').dragTo(popup.row('Beta (b)'), { targetPosition: { x: 60, y: box.height - 4 } });
    expect(await popup.shownNames()).toEqual(['Delta (d)', 'Beta (b)', 'Alpha (a)', 'Gamma (g)']);

    await popup.page.close();
    const reopened = new PopupPage(await twofold.openPopup());
    await expect(reopened.code('Delta (d)')).toBeVisible();
    expect(await reopened.shownNames()).toEqual(['Delta (d)', 'Beta (b)', 'Alpha (a)', 'Gamma (g)']);
  });

  test('a typed secret asks for a name, prefilled from the site; an error goes once the input is good', async ({
    twofold,
    sandbox,
  }) => {
    test.setTimeout(180_000);
    const popup = await unlockedPopup(twofold);
    await popup.page.getByRole('button', { name: 'Add account' }).click();
    const text = popup.page.getByLabel('otpauth URI or secret');
    const issuer = popup.page.getByLabel('Issuer');
    await text.fill('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    await expect(issuer).toHaveValue('');
    await popup.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(popup.alert()).toHaveText(
      'Name this account: the service (issuer) or your account name there.',
    );
    await expect(issuer).toBeFocused();
    await expect(issuer).toHaveAttribute('aria-invalid', 'true');
    expect(await sendFromPage<unknown[]>(popup.page, 'accounts:list')).toEqual([]);
    await issuer.fill('Forge');
    await expect(popup.alert()).toHaveCount(0);

    // A bad secret: the background's error stays until the text is good again.
    await text.fill('not a secret!');
    await popup.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(popup.alert()).toBeVisible();
    await expect(text).toHaveAttribute('aria-invalid', 'true');
    await text.fill('not a secret 0189');
    await expect(popup.alert()).toBeVisible();
    await text.fill('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    await expect(popup.alert()).toHaveCount(0);
    await popup.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(popup.code('Forge')).toBeVisible();
    await expect(popup.row('Forge').getByText('Forge', { exact: true })).toBeVisible();

    // On a site, the name starts as the site's host.
    const site = await twofold.context.newPage();
    await site.goto(sandbox.url);
    const toolbar = new PopupPage(await twofold.openToolbarPopup(site));
    await toolbar.page.getByRole('button', { name: 'Add account' }).click();
    const host = new URL(sandbox.url).hostname;
    await expect(toolbar.page.getByLabel('Issuer')).toHaveValue(host);
    await toolbar.page.getByLabel('otpauth URI or secret').fill('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    await toolbar.page.getByLabel('Account name').fill('jane');
    await toolbar.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(toolbar.code(`${host} (jane)`)).toBeVisible();
    // A URI names itself: no name fields.
    await toolbar.page.getByRole('button', { name: 'Add account' }).click();
    await toolbar.page.getByLabel('otpauth URI or secret').fill(uri('Named', 'me', SECRETS[2]!));
    await expect(toolbar.page.getByLabel('Issuer')).toHaveCount(0);
  });
});
