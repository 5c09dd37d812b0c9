import { defineContentScript } from '#imports';
import { startLoader } from '@/lib/content/loader';
import type { LoaderRuntime } from '@/lib/content/loader-runtime';
import { ownOrigin } from '@/lib/content/own-origin';
import { PRESET_MATCHES } from '@/lib/preset';

/**
 * The loader: runs at every page load on the M2Mmanager preset, and on sites the user enabled
 * (registered at run time with the same file), in every frame. Small on purpose: capture and
 * autofill (entrypoints/features.content) are injected by the background only into a frame that
 * shows a code field or a QR candidate.
 */
export default defineContentScript({
  matches: [...PRESET_MATCHES],
  runAt: 'document_idle',
  allFrames: true,
  // WXT's start-up postMessage would tell every page Twofold's id; its custom-event guard suffices.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Injected again when a site is enabled from the popup: WXT's context then invalidates the
    // older instance (its watch and answers stop), so one runs per frame.
    // A sandboxed frame or a CSP-sandboxed document has the site's URL but an opaque origin:
    // it is not the site, so Twofold neither captures nor fills there.
    if (!ownOrigin(window)) return;
    const runtime = (globalThis as unknown as { chrome: { runtime: LoaderRuntime } }).chrome.runtime;
    ctx.onInvalidated(startLoader({ doc: document, win: window, runtime }));
  },
});
