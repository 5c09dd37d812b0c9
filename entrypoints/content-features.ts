import { defineUnlistedScript } from '#imports';
import { startAutofill } from '@/lib/content/autofill';
import { fillEnrolmentCode } from '@/lib/content/enrolment-fill';
import { FEATURES_DELIVER, FEATURES_STOP } from '@/lib/content/loader';
import { ownOrigin } from '@/lib/content/own-origin';
import { InPagePrompt } from '@/lib/content/prompt';
import { startQrCapture } from '@/lib/content/qr-capture';
import { t } from '@/lib/i18n';
import { onMessage, sendMessage, type ContentProtocol } from '@/lib/messaging';
import { isPresetOrigin } from '@/lib/preset';

/**
 * QR capture and autofill, declared for no site: the content loader (entrypoints/m2mmanager.content)
 * imports this chunk into its own frame once the page shows a field or a QR candidate. Same-origin
 * frames too; the background refuses codes to frames whose tab shows another origin.
 */
export default defineUnlistedScript(() => {
  const flags = globalThis as Record<string, unknown>;
  // One instance per frame, and never in a frame without a web origin (the loader checked both too).
  const origin = ownOrigin(window);
  if (!origin || typeof flags[FEATURES_STOP] === 'function') return;
  // Also kept by type: the loader hands over a message that came while this chunk was loading.
  const handlers = new Map<string, (data: never) => unknown>();
  const listen = <K extends keyof ContentProtocol>(
    type: K,
    handler: (data: Parameters<ContentProtocol[K]>[0]) => ReturnType<ContentProtocol[K]>,
  ) => {
    handlers.set(type, handler);
    return onMessage(type, (message) => handler(message.data));
  };
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
  flags[FEATURES_DELIVER] = (type: string, data: never) => Promise.resolve(handlers.get(type)?.(data));
  flags[FEATURES_STOP] = () => {
    stops.forEach((stop) => stop());
    flags[FEATURES_STOP] = undefined;
    flags[FEATURES_DELIVER] = undefined;
  };
});
