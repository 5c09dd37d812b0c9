import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/twofold';
import type { ExtensionBrowser } from '../fixtures/extension';
import { pressShortcut } from '../pages/browser-events';
import { seedAccounts } from '../pages/options-page';
import { PopupPage } from '../pages/popup-page';
import { JOHN, M2MmanagerPage } from '../pages/sandbox-m2m';
import { codeAt } from '../pages/sandbox-qr';
import { TwofoldPrompt } from '../pages/twofold-prompt';

const PASSPHRASE = 'purple otter sings at noon';
const ACCOUNT = `M2Mmanager (${JOHN.email})`;
/** components/useToast.ts: how long a status message stays, and one with Undo. */
const TOAST_MS = 5000;
const ACTION_TOAST_MS = 10_000;

/** The code a field holds is the URI's code now or one period ago (the fill may straddle a period). */
function expectCodeOf(uri: string, value: string): void {
  const now = Date.now();
  expect([codeAt(uri, now), codeAt(uri, now - 30_000), codeAt(uri, now + 2000)]).toContain(value);
}

/** Whether a person clicking at the centre of `control` would hit it (and not something over it). */
function hitsItself(control: Locator): Promise<boolean> {
  return control.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (hit === element || element.contains(hit));
  });
}

// The machine these run on may be loaded: a whole enrolment takes its time.
test.describe.configure({ timeout: 180_000 });

test.describe('a new user, before any vault exists', () => {
  test('"Save to Twofold" asks to set Twofold up; creating the vault saves the account and fills the code, no reload', async ({
    twofold,
    sandbox,
  }) => {
    const page = await twofold.context.newPage();
    const m2m = await M2MmanagerPage.atEnrolment(page, sandbox.url);
    const uri = await m2m.scanEnrolmentQr();
    const prompt = new TwofoldPrompt(page);
    await prompt.expectText(`Save ${ACCOUNT} to Twofold?`);
    // Set on the page now: still there at the end only if the page never reloaded.
    await page.evaluate(() => Object.assign(window, { twofoldNoReload: true }));

    const setUpWindow = twofold.context.waitForEvent('page');
    await prompt.button('Save to Twofold').click();
    await prompt.expectText(/^Set up Twofold to save this account\./);
    await expect(prompt.button('Set up Twofold')).toBeVisible();
    await expect(prompt.card.getByText(/Unlock Twofold/)).toHaveCount(0);
    const window = await setUpWindow;
    expect(window.url()).toContain('popup.html?window=unlock');

    // The window asks to create the vault: that is the whole set-up.
    await window.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await window.getByLabel('Confirm passphrase').fill(PASSPHRASE);
    await window.getByRole('button', { name: 'Create vault' }).click();
    await expect.poll(() => window.isClosed(), { timeout: 20_000 }).toBe(true);

    // Back on the page, with no reload: saved, and the first code is in the field.
    await prompt.expectText('Saved to Twofold. Your code is filled in.');
    expectCodeOf(uri, await page.getByLabel(m2m.t.oneTimeCode, { exact: true }).inputValue());
    expect(await page.evaluate(() => 'twofoldNoReload' in window)).toBe(true);
    await m2m.button(m2m.t.continue).click();
    await m2m.expectHome();

    const popup = new PopupPage(await twofold.openPopup());
    await expect(popup.code(ACCOUNT)).toBeVisible();
  });
});

test.describe('the card from the keyboard, inside the enrolment pop-up that traps focus', () => {
  test('Tab never reaches the card; the card-action shortcut, announced in the card, saves and fills', async ({
    twofold,
    sandbox,
  }) => {
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    const m2m = await M2MmanagerPage.atEnrolment(page, sandbox.url);
    const uri = await m2m.scanEnrolmentQr();
    const prompt = new TwofoldPrompt(page);
    // The keys come from the browser (commands.getAll): the suggested ones in a fresh profile.
    await prompt.expectText(`Save ${ACCOUNT} to Twofold? Keyboard: Alt+Shift+K for "Save to Twofold".`);
    // Announced: the card's own status line carries the hint (beside the line that says when the
    // page moved the card, empty here).
    await expect(prompt.card.getByRole('status').filter({ hasText: 'Alt+Shift+K' })).toHaveCount(1);
    const axe = await new AxeBuilder({ page }).include('twofold-ui').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    // The page's focus trap: Tab goes round the pop-up's controls, never to the card.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).not.toBe('twofold-ui');
    }

    // A page's own key presses are not the user's: a made-up shortcut or Enter on the card saves nothing.
    await page.evaluate(() => {
      const keys = { key: 'K', code: 'KeyK', altKey: true, shiftKey: true, bubbles: true, composed: true };
      document.dispatchEvent(new KeyboardEvent('keydown', keys));
      const button = document
        .querySelector('twofold-ui')
        ?.shadowRoot?.querySelector<HTMLButtonElement>('button.primary');
      button?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      button?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    await expect(prompt.button('Save to Twofold')).toBeVisible();
    await expect(page.getByLabel(m2m.t.oneTimeCode, { exact: true })).toHaveValue('');

    // The browser's command is the user's: the card saves, and the code is filled.
    await pressShortcut(twofold, page, 'card-action');
    await prompt.expectText('Saved to Twofold. Your code is filled in.');
    expectCodeOf(uri, await page.getByLabel(m2m.t.oneTimeCode, { exact: true }).inputValue());
  });

  test('the toolbar popup has a default shortcut too', async ({ twofold }) => {
    const commands = await twofold.serviceWorker.evaluate(() => chrome.commands.getAll());
    expect(Object.fromEntries(commands.map((c) => [c.name, c.shortcut]))).toEqual({
      _execute_action: 'Alt+Shift+U',
      'card-action': 'Alt+Shift+K',
      'fill-code': 'Alt+Shift+O',
    });
  });
});

test.describe("Twofold's pages at their real size", () => {
  const pages = [
    { name: 'popup', path: 'popup.html', hint: '.strength', vault: false },
    { name: 'Settings', path: 'options.html', hint: 'small', vault: true },
  ];
  for (const { name, path, hint, vault } of pages) {
    test(`${name}: text is 14 px, not 75 % of it (the browser's stylesheet for extension pages)`, async ({
      twofold,
    }) => {
      if (vault) await PopupPage.withNewVault(twofold, PASSPHRASE);
      const page = await twofold.context.newPage();
      await page.goto(twofold.extensionUrl(path));
      await expect(page.locator(hint).first()).toBeAttached({ timeout: 20_000 });
      // Settings draws its sections as their answers come: a hint may be there before a button.
      await expect(page.locator('button').first()).toBeAttached();
      const sizes = await page.evaluate((selector) => {
        const size = (element: Element | null) =>
          element ? parseFloat(getComputedStyle(element).fontSize) : 0;
        return {
          body: size(document.body),
          hint: size(document.querySelector(selector)),
          button: size(document.querySelector('button')),
        };
      }, hint);
      expect(sizes.body).toBe(14);
      expect(sizes.button).toBe(14);
      // A hint may be a step smaller than the text, never 75 % of it (10.5 px, 8.75 px).
      expect(sizes.hint).toBeGreaterThanOrEqual(11);
    });
  }

  test("popup: the countdown's seconds are 11 px or more, inside the ring's band", async ({ twofold }) => {
    const popup = await PopupPage.withNewVault(twofold, PASSPHRASE);
    await popup.addAccount('otpauth://totp/Zeta:z?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Zeta');
    await expect(popup.code('Zeta (z)')).toBeVisible();
    const ring = popup.page.locator('.ring').first();
    const measured = await ring.evaluate((element) => {
      const text = element.querySelector('.ring-text')!;
      // The widest the seconds get: two digits.
      text.textContent = '30';
      const outer = element.getBoundingClientRect();
      const inner = text.getBoundingClientRect();
      return {
        size: parseFloat(getComputedStyle(text).fontSize),
        // The band (3 px, 1.5 px in) leaves this much room across for the number.
        room: outer.width - 2 * (1.5 + 3),
        width: inner.width,
        centred: Math.abs(inner.left + inner.width / 2 - (outer.left + outer.width / 2)) < 1,
      };
    });
    expect(measured.size).toBeGreaterThanOrEqual(11);
    expect(measured.width).toBeLessThanOrEqual(measured.room);
    expect(measured.centred).toBe(true);
  });
});

/** A popup of 31 accounts at its real size, on a clock the test drives. */
async function popupOfThirtyOne(
  twofold: ExtensionBrowser,
): Promise<{ page: Page; popup: PopupPage; last: string }> {
  const seeding = await PopupPage.withNewVault(twofold, PASSPHRASE);
  const names = Array.from({ length: 31 }, (_, i) => `Service ${String(i).padStart(2, '0')}`);
  await seedAccounts(
    seeding.page,
    names.map(
      (name, i) =>
        `otpauth://totp/${encodeURIComponent(name)}:u${i}?secret=JBSWY3DPEHPK3PXP${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[i]}Q&issuer=${encodeURIComponent(name)}`,
    ),
  );
  await seeding.page.close();

  // The popup's own clock is the test's: the message's time passes when the test says.
  const page = await twofold.context.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  await page.clock.install();
  await page.goto(twofold.extensionUrl('popup.html'));
  const popup = new PopupPage(page);
  const last = `${names.at(-1)} (u30)`;
  await expect(popup.code(last)).toBeVisible();
  return { page, popup, last };
}

test.describe('the popup status message', () => {
  test('leaves after a few seconds, is announced, and never covers a control', async ({ twofold }) => {
    const { page, popup, last } = await popupOfThirtyOne(twofold);

    // Copy the last row's code: the message shows while the row's code and buttons stay reachable.
    await popup.code(last).click();
    const toast = page.locator('.status.toast');
    // The message is the toast's live region (an Undo button may sit beside it, outside it).
    const announced = toast.getByRole('status');
    await expect(toast).toHaveText(/^Code copied\./);
    await expect(announced).toHaveText(/^Code copied\./);
    await popup.rowAction(last, 'Edit');
    const form = page.getByRole('button', { name: 'Save', exact: true });
    await form.scrollIntoViewIfNeeded();
    expect(await hitsItself(form)).toBe(true);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    for (const control of [popup.code(last), page.getByRole('button', { name: `Actions for ${last}` })]) {
      expect(await hitsItself(control)).toBe(true);
    }
    // Focused from the keyboard, a control near the bottom scrolls clear of the message too.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.getByRole('button', { name: `Actions for ${last}` }).focus();
    expect(await hitsItself(page.getByRole('button', { name: `Actions for ${last}` }))).toBe(true);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    // A few seconds later it is gone; the live region stays for the next message.
    await page.clock.runFor(TOAST_MS);
    await expect(toast).toHaveText('');
    await expect(announced).toHaveCount(1);

    // "Account added." does not sit over the form's buttons either.
    await popup.addAccount('otpauth://totp/Zeta:z?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Zeta');
    await expect(toast).toHaveText('Account added.');
    await page.getByRole('button', { name: 'Add account' }).click();
    const save = page.getByRole('button', { name: 'Save', exact: true });
    await save.scrollIntoViewIfNeeded();
    expect(await hitsItself(save)).toBe(true);
    await page.clock.runFor(TOAST_MS);
    await expect(toast).toHaveText('');
  });

  test('Undo after a delete stays longer, is held while reached for, is announced, and never covers a control', async ({
    twofold,
  }) => {
    const { page, popup, last } = await popupOfThirtyOne(twofold);
    const toast = page.locator('.status.toast');
    const lastActions = page.getByRole('button', { name: `Actions for ${last}` });
    const away = () => page.mouse.move(1, 1);

    // Deleted: Undo shows beside the announced message, with the focus on it; held while it is.
    await popup.deleteAccount('Service 29 (u29)');
    await away();
    const undo = toast.getByRole('button', { name: 'Undo: restore Service 29 (u29)' });
    await expect(toast.getByRole('status')).toHaveText('Service 29 (u29) deleted.');
    await expect(undo).toBeFocused();
    await page.clock.runFor(3 * ACTION_TOAST_MS);
    await expect(undo).toBeVisible();
    // The last row's code and buttons are reachable while it shows.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    for (const control of [popup.code(last), lastActions, undo]) expect(await hitsItself(control)).toBe(true);

    // The focus moves on: it stays longer than a plain message, and is held while the pointer is on it.
    await lastActions.focus();
    await page.clock.runFor(TOAST_MS);
    await expect(undo).toBeVisible();
    await undo.hover();
    await page.clock.runFor(3 * ACTION_TOAST_MS);
    await expect(undo).toBeVisible();
    await away();
    await page.clock.runFor(ACTION_TOAST_MS);
    await expect(undo).toHaveCount(0);
    await expect(toast).toHaveText('');
  });
});
