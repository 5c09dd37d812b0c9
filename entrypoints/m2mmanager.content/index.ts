import { defineContentScript } from '#imports';
import { answerPings } from '@/lib/content/ping';
import { PRESET_MATCHES } from '@/lib/preset';

/** Runs on the M2Mmanager preset (and sites the user enabled): QR watching and autofill. */
export default defineContentScript({
  matches: [...PRESET_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const stop = answerPings(window.location);
    ctx.onInvalidated(stop);
  },
});
