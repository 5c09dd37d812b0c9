import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from '../fixtures/twofold';
import { PopupPage } from '../pages/popup-page';
import { readCanvasQrs } from '../pages/sandbox-qr';
import { TwofoldPrompt } from '../pages/twofold-prompt';

/**
 * Instruments Twofold's content-script world (the extension's isolated world in
 * the page, found through CDP) so that every reply and every pushed message it
 * receives from the background is recorded.
 */
async function instrumentContentWorld(page: Page): Promise<{ cdp: CDPSession; contextId: number }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  let contextId: number | undefined;
  await expect
    .poll(
      () => (contextId = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Twofold')?.id),
    )
    .toBeDefined();
  const { exceptionDetails } = await cdp.send('Runtime.evaluate', {
    contextId,
    expression: `(() => {
      const log = (globalThis.__twofoldLog = []);
      const send = chrome.runtime.sendMessage.bind(chrome.runtime);
      chrome.runtime.sendMessage = (message, callback) =>
        send(message, (reply) => { log.push({ kind: 'reply', type: message.type, reply }); callback?.(reply); });
      chrome.runtime.onMessage.addListener((message) => { log.push({ kind: 'push', message }); });
    })()`,
  });
  expect(exceptionDetails).toBeUndefined();
  return { cdp, contextId: contextId! };
}

async function recorded(
  cdp: CDPSession,
  contextId: number,
): Promise<{ kind: string; type?: string; reply?: unknown }[]> {
  const { result } = await cdp.send('Runtime.evaluate', {
    contextId,
    expression: 'JSON.stringify(globalThis.__twofoldLog)',
    returnByValue: true,
  });
  return JSON.parse(result.value as string) as { kind: string; type?: string; reply?: unknown }[];
}

test('content scripts receive codes only, never a secret or an otpauth URI', async ({ twofold, sandbox }) => {
  const popup = new PopupPage(await twofold.openPopup());
  await popup.createVault('purple otter sings at noon');
  const page = await twofold.context.newPage();
  await page.goto(new URL('/widgets/enrol?late=2500', sandbox.url).href);
  const { cdp, contextId } = await instrumentContentWorld(page);

  // The pop-up opens after the instrumentation: offer, save, fill all go through it.
  const prompt = new TwofoldPrompt(page);
  await prompt.expectText('Save Widgets (enrol@example.com) to Twofold?');
  const [uri] = await readCanvasQrs(page.getByRole('dialog', { name: 'Scan this code' }));
  const secret = new URL(uri!).searchParams.get('secret')!;
  await prompt.button('Save to Twofold').click();
  await expect(page.getByLabel('Enter your one-time code')).toHaveValue(/^\d{6}$/);

  // A second code field later on the same page: an autofill request and its reply.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<p><label for="again">Enter your one-time code</label><input id="again" autocomplete="one-time-code"></p>',
    );
  });
  await expect
    .poll(async () => (await recorded(cdp, contextId)).some((e) => e.type === 'autofill:code'))
    .toBe(true);

  const log = await recorded(cdp, contextId);
  const text = JSON.stringify(log);
  expect(log.map((e) => e.type ?? e.kind)).toEqual(
    expect.arrayContaining(['capture:pixels', 'capture:save']),
  );
  // The test can fail: the save reply did carry a code.
  expect(text).toMatch(/"code":"\d{6}"/);
  for (const needle of [secret, secret.toLowerCase(), 'otpauth', 'secret'])
    expect(text).not.toContain(needle);
});
