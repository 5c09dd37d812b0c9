import { defineContentScript } from '#imports';
import { fillEnrolmentCode } from '@/lib/content/enrolment-fill';
import { answerPings } from '@/lib/content/ping';
import { startQrCapture } from '@/lib/content/qr-capture';
import { t } from '@/lib/i18n';
import { onMessage, sendMessage } from '@/lib/messaging';
import { PRESET_MATCHES } from '@/lib/preset';

/** Runs on the M2Mmanager preset (and sites the user enabled): QR capture and autofill. */
export default defineContentScript({
  matches: [...PRESET_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const stops = [
      answerPings(window.location),
      startQrCapture({
        doc: document,
        win: window,
        send: sendMessage,
        onMessage: (type, handler) => onMessage(type, (message) => handler(message.data)),
        t,
        fill: (code) => fillEnrolmentCode(document, window, code),
      }),
    ];
    ctx.onInvalidated(() => stops.forEach((stop) => stop()));
  },
});
