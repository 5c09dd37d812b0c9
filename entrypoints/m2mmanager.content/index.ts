import { defineContentScript } from '#imports';
import { startAutofill } from '@/lib/content/autofill';
import { fillEnrolmentCode } from '@/lib/content/enrolment-fill';
import { answerPings } from '@/lib/content/ping';
import { ownOrigin } from '@/lib/content/own-origin';
import { InPagePrompt } from '@/lib/content/prompt';
import { startQrCapture } from '@/lib/content/qr-capture';
import { t } from '@/lib/i18n';
import { onMessage, sendMessage, type ContentProtocol } from '@/lib/messaging';
import { isPresetOrigin, PRESET_MATCHES } from '@/lib/preset';

/**
 * QR capture and autofill, on the M2Mmanager preset and on sites the user enabled. Not declared
 * in the manifest: the loader (entrypoints/content-loader.ts) runs at page load, and the
 * background injects this file into a frame once its loader found a field or a QR candidate
 * (lib/background/content-load.ts). The background refuses codes to frames whose tab shows
 * another origin.
 */
export default defineContentScript({
  matches: [...PRESET_MATCHES],
  registration: 'runtime',
  // WXT's start-up postMessage would tell every page Twofold's id; its custom-event guard suffices.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // One instance per frame, whatever asks for it twice (the background also claims it first).
    const flags = globalThis as { __twofoldStarted?: boolean };
    if (flags.__twofoldStarted) return;
    flags.__twofoldStarted = true;
    // A sandboxed frame or a CSP-sandboxed document has the site's URL but an opaque origin:
    // it is not the site, so Twofold neither captures nor fills there.
    const origin = ownOrigin(window);
    if (!origin) return;
    const listen = <K extends keyof ContentProtocol>(
      type: K,
      handler: (data: Parameters<ContentProtocol[K]>[0]) => ReturnType<ContentProtocol[K]>,
    ) => onMessage(type, (message) => handler(message.data));
    // The card names the shortcut that reaches it where Tab cannot (a page's focus trap).
    const prompt = new InPagePrompt(
      document,
      t('extName'),
      undefined,
      async (label) => {
        const keys = await sendMessage('card:shortcut');
        return keys ? t('promptShortcut', [keys, label]) : undefined;
      },
      t('promptMoved'),
    );
    const stops = [
      answerPings(window.location),
      listen('card:act', () => prompt.act()),
      startQrCapture({
        doc: document,
        win: window,
        send: sendMessage,
        onMessage: listen,
        t,
        prompt,
        fill: (code) => fillEnrolmentCode(document, window, code),
      }),
      startAutofill({
        doc: document,
        win: window,
        send: sendMessage,
        onMessage: listen,
        t,
        prompt,
        isPreset: isPresetOrigin(origin),
      }),
    ];
    ctx.onInvalidated(() => stops.forEach((stop) => stop()));
  },
});
