/**
 * A page script on an enrolled site tries to steer Twofold's card and captures. Each test plays
 * the attacker from the page's own world (page.evaluate, addStyleTag run in the main world) and
 * fails on a Twofold that gives way.
 */
import type { Page } from '@playwright/test';
import * as QRCode from 'qrcode';
import { expect, test } from '../fixtures/twofold';
import { enrolWithTwofold } from '../pages/enrolment';
import { PopupPage } from '../pages/popup-page';
import { JOHN, M2MmanagerPage } from '../pages/sandbox-m2m';
import { codeAt } from '../pages/sandbox-qr';
import { TwofoldPrompt } from '../pages/twofold-prompt';

const PASSPHRASE = 'purple otter sings at noon';
const ACCOUNT = `M2Mmanager (${JOHN.email})`;

/** Enrols with Twofold's card and the filled code, then reads the URI it saved from the QR code. */
async function enrolKeepingUri(page: Page, baseUrl: string): Promise<M2MmanagerPage & { uri: string }> {
  const m2m = await enrolWithTwofold(page, baseUrl, { finish: false });
  const uri = await m2m.scanEnrolmentQr();
  await m2m.button(m2m.t.continue).click();
  await m2m.expectHome();
  return Object.assign(m2m, { uri });
}

type Point = { x: number; y: number };

/**
 * Runs in the page: a button of the page's own at `(x, y)` asks for a double-click; its first
 * click calls `move`, so that the second lands wherever the page put the card. Records what is
 * under the pointer once moved (`window.underPointer`).
 */
function doubleClickTrap(x: number, y: number, move: () => void): void {
  const bait = document.createElement('button');
  bait.textContent = 'Double-click to continue';
  bait.style.cssText = `position:fixed;left:${x - 80}px;top:${y - 20}px;width:160px;height:40px;z-index:2147483646`;
  document.body.append(bait);
  bait.addEventListener(
    'click',
    () => {
      bait.style.visibility = 'hidden';
      move();
      (window as unknown as { underPointer?: string }).underPointer = document.elementFromPoint(
        x,
        y,
      )?.localName;
    },
    { once: true },
  );
}

/** A page's ways to bring "Save to Twofold" under the pointer between two clicks. */
const MOVES: {
  name: string;
  /** Set up once the card is shown, before it arms where it then is. */
  prepare?: () => void;
  /** Where the page expects "Save to Twofold" after `move`, from its centre before. */
  pointer: (save: Point, viewport: { width: number; height: number }) => Point;
  move: () => void;
  /** The page does bring the card under the pointer (else the top layer keeps it where it armed). */
  reaches: boolean;
}[] = [
  {
    name: 'translates <html>',
    pointer: (save) => ({ x: save.x - 300, y: save.y + 200 }),
    move: () => void (document.documentElement.style.translate = '-300px 200px'),
    reaches: false,
  },
  {
    // The card grows from its corner with the page's zoom.
    name: 'zooms <html>',
    pointer: (save, viewport) => ({ x: viewport.width - (viewport.width - save.x) * 1.5, y: save.y * 1.5 }),
    move: () => void (document.documentElement.style.zoom = '1.5'),
    reaches: true,
  },
  {
    // A translated <html> holds the fixed card: a scroll then moves it while it stays in view.
    name: 'scrolls (the card fixed to a translated <html>)',
    prepare: () => {
      document.body.style.minHeight = '5000px';
      document.documentElement.style.translate = '0 600px';
      window.scrollTo(0, 400);
    },
    pointer: (save) => ({ x: save.x, y: save.y + 150 }),
    move: () => window.scrollTo(0, 250),
    reaches: false,
  },
  {
    name: "takes the host out of the top layer and translates <html> (the host's position)",
    pointer: (save) => ({ x: save.x - 300, y: save.y + 200 }),
    move: () => {
      const host = document.querySelector('twofold-ui') as HTMLElement;
      host.hidePopover();
      document.documentElement.style.translate = '-300px 200px';
    },
    reaches: true,
  },
  {
    name: "edits the host's position",
    pointer: (save) => ({ x: save.x, y: save.y + 200 }),
    move: () => {
      const host = document.querySelector('twofold-ui') as HTMLElement;
      host.style.setProperty('position', 'absolute', 'important');
      host.style.setProperty('top', '216px', 'important');
    },
    reaches: true,
  },
];

async function expectCodeOf(popup: PopupPage, uri: string): Promise<void> {
  await popup.page.reload();
  await expect(popup.code(ACCOUNT)).toBeVisible();
  const now = Date.now();
  expect([codeAt(uri, now), codeAt(uri, now + 2000)]).toContain(await popup.codeDigits(ACCOUNT));
}

test.describe('a hostile page', () => {
  test('cannot restyle, move or fade the card through its host', async ({ twofold, sandbox }) => {
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    await M2MmanagerPage.atEnrolment(page, sandbox.url);
    await expect(new TwofoldPrompt(page).button('Save to Twofold')).toBeVisible();
    await page.addStyleTag({
      content: `@layer attack { twofold-ui { opacity: .5 !important; } }
        twofold-ui { opacity: .02 !important; top: 440px !important; transform: scale(.1) !important;
          filter: opacity(0) !important; clip-path: inset(50%) !important; }`,
    });
    const host = await page.locator('twofold-ui').evaluate((element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return {
        opacity: style.opacity,
        filter: style.filter,
        clip: style.clipPath,
        transform: style.transform,
        top: box.top,
      };
    });
    expect(host).toEqual({ opacity: '1', filter: 'none', clip: 'none', transform: 'none', top: 16 });
    // Editing the host's own style attribute does not stick either.
    await page.locator('twofold-ui').evaluate((element) => element.setAttribute('style', 'opacity: 0.01'));
    await page.waitForTimeout(300);
    expect(await page.locator('twofold-ui').evaluate((element) => getComputedStyle(element).opacity)).toBe(
      '1',
    );
  });

  test('a click through a decoy laid over the card saves nothing', async ({ twofold, sandbox }) => {
    const popup = await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    await M2MmanagerPage.atEnrolment(page, sandbox.url);
    const save = new TwofoldPrompt(page).button('Save to Twofold');
    await expect(save).toBeEnabled();
    const box = (await save.boundingBox())!;
    // An opaque decoy over the card that lets the pointer through to it. The card is in the top
    // layer, above any z-index: the decoy goes there too, after the card, to lie over it.
    await page.evaluate(() => {
      const decoy = document.createElement('button');
      decoy.textContent = 'Claim your prize';
      decoy.style.cssText =
        'position:fixed;top:0;right:0;left:auto;bottom:auto;margin:0;border:0;width:420px;height:320px;z-index:2147483647;pointer-events:none;background:#fff;font-size:24px';
      decoy.setAttribute('popover', 'manual');
      document.documentElement.append(decoy);
      decoy.showPopover();
    });
    await page.waitForTimeout(800);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(800);
    await popup.page.reload();
    await expect(popup.page.getByText(/No accounts yet/)).toBeVisible();
  });

  for (const { name, prepare, pointer, move, reaches } of MOVES) {
    test(`a double-click whose first click ${name} saves nothing with the second`, async ({
      twofold,
      sandbox,
    }) => {
      // A new vault, an enrolment, two saves tried: well over a minute on a loaded 2-core machine.
      test.setTimeout(180_000);
      const popup = await PopupPage.withNewVault(twofold, PASSPHRASE);
      const page = await twofold.context.newPage();
      await M2MmanagerPage.atEnrolment(page, sandbox.url);
      const prompt = new TwofoldPrompt(page);
      const save = prompt.button('Save to Twofold');
      await expect(save).toBeVisible();
      if (prepare) await page.evaluate(prepare);
      await expect(save).toBeEnabled();
      const box = (await save.boundingBox())!;
      const at = pointer(
        { x: box.x + box.width / 2, y: box.y + box.height / 2 },
        await page.evaluate(() => ({ width: innerWidth, height: innerHeight })),
      );
      const hostTop = await page.locator('twofold-ui').evaluate((host) => host.getBoundingClientRect().top);
      await page.evaluate(`(${doubleClickTrap.toString()})(${at.x}, ${at.y}, ${move.toString()})`);
      await page.mouse.dblclick(at.x, at.y);
      await page.waitForTimeout(800);
      await popup.page.reload();
      await expect(popup.page.getByText(/No accounts yet/)).toBeVisible();
      const under = await page.evaluate(() => (window as unknown as { underPointer?: string }).underPointer);
      if (reaches) {
        // The page did bring "Save to Twofold" under the pointer: the guard alone refused the click.
        expect(under).toBe('twofold-ui');
        await prompt.expectText(/Save .* to Twofold\?/);
      } else {
        // The top layer kept the card where it armed: the second click met the page, not the card.
        expect(under).not.toBe('twofold-ui');
        expect(await page.locator('twofold-ui').evaluate((host) => host.getBoundingClientRect().top)).toBe(
          hostTop,
        );
      }
      // Still where it is, the card arms again and a real click saves.
      await expect(save).toBeEnabled();
      await save.click();
      await prompt.expectText(/Saved to Twofold/);
    });
  }

  test("a QR code with a saved account's names but another key never replaces it from the page", async ({
    twofold,
    sandbox,
    control,
  }) => {
    const popup = await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    const first = await enrolKeepingUri(page, sandbox.url);
    // The site (or a script on it) shows a new key for the same account.
    await control.resetTwoFactor(JOHN.email);
    await first.logOut();
    const m2m = await M2MmanagerPage.atEnrolment(page, sandbox.url);
    const fresh = await m2m.scanEnrolmentQr();
    expect(fresh).not.toBe(first.uri);
    const prompt = new TwofoldPrompt(page);
    await prompt.expectText(
      `Already in Twofold with another key: ${ACCOUNT}. The saved key stays unless you replace it in Twofold.`,
    );
    await expect(prompt.button('Save to Twofold')).toHaveCount(0);
    await expectCodeOf(popup, first.uri);

    // The user decides in Twofold's own window; the old key stays available to undo.
    const review = twofold.context.waitForEvent('page');
    await prompt.button('Review in Twofold').click();
    const window = new PopupPage(await review);
    await window.page.getByRole('button', { name: 'Replace the saved key' }).click();
    await expect(window.page.getByText('Saved to Twofold.')).toBeVisible();
    await expectCodeOf(popup, fresh);
    await expect(popup.page.getByText(/Key replaced on/)).toBeVisible();
    await popup.page.getByRole('button', { name: `Go back to the previous key of ${ACCOUNT}` }).click();
    await expect(popup.page.getByText(`The previous key of ${ACCOUNT} is back.`)).toBeVisible();
    await expectCodeOf(popup, first.uri);
  });

  test('a save clicked while locked is judged again at unlock: a key is never replaced', async ({
    twofold,
    sandbox,
    control,
  }) => {
    const popup = await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    const first = await enrolKeepingUri(page, sandbox.url);
    await control.resetTwoFactor(JOHN.email);
    await first.logOut();
    await popup.page.bringToFront();
    await popup.page.reload();
    await popup.lock();
    const m2m = await M2MmanagerPage.atEnrolment(page, sandbox.url);
    await m2m.scanEnrolmentQr();
    const prompt = new TwofoldPrompt(page);
    // Locked, Twofold cannot compare: the card can only offer to save.
    await prompt.expectText(`Save ${ACCOUNT} to Twofold?`);
    const unlockWindow = twofold.context.waitForEvent('page');
    await prompt.button('Save to Twofold').click();
    await new PopupPage(await unlockWindow).unlock(PASSPHRASE);
    await prompt.expectText(/Already in Twofold with another key/);
    await popup.page.reload();
    await expectCodeOf(popup, first.uri);
  });

  test('is never told Twofold is there by a start-up message', async ({ twofold, sandbox }) => {
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const page = await twofold.context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      window.addEventListener('message', (event) => seen.push(JSON.stringify(event.data)));
    });
    await M2MmanagerPage.atEnrolment(page, sandbox.url);
    await expect(new TwofoldPrompt(page).card).toBeVisible();
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.filter((data) => /content-script-started|twofold|m2mmanager/i.test(data))).toEqual([]);
  });
});

test.describe('"Scan QR code on this page" and other sites\' frames', () => {
  test("a code shown only inside another site's frame needs the user's explicit say-so", async ({
    twofold,
    sandbox,
  }) => {
    await PopupPage.withNewVault(twofold, PASSPHRASE);
    const uri = 'otpauth://totp/Shop:jane%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Shop';
    const png = await QRCode.toBuffer(uri, { type: 'png', margin: 4, scale: 6 });
    const frameOrigin = sandbox.phishUrl.replace(/\/$/, '');
    const page = await twofold.context.newPage();
    await page.route(`${frameOrigin}/ad.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<img alt="" src="data:image/png;base64,${png.toString('base64')}">`,
      }),
    );
    await page.route(`${sandbox.url.replace(/\/$/, '')}/with-frame.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<h1>Shop</h1><iframe title="ad" src="${frameOrigin}/ad.html" width="400" height="400"></iframe>`,
      }),
    );
    await page.goto(`${sandbox.url.replace(/\/$/, '')}/with-frame.html`);
    const toolbar = await twofold.openToolbarPopup(page);
    await toolbar.getByRole('button', { name: 'Scan QR code on this page' }).click();
    const origin = new URL(sandbox.url).origin;
    await expect(toolbar.getByRole('alert')).toContainText(
      `comes from another site (${new URL(frameOrigin).origin})`,
    );
    await expect(toolbar.getByText(`Twofold will fill its codes on ${origin} only.`)).toBeVisible();
    await expect(toolbar.getByRole('button', { name: 'Save to Twofold' })).toHaveCount(0);
    await toolbar.getByRole('button', { name: 'Save anyway' }).click();
    await expect(toolbar.getByText('Saved to Twofold.')).toBeVisible();
  });
});
