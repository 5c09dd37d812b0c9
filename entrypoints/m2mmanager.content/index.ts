import { defineContentScript } from '#imports';
import { startLoader, type LoaderDeps } from '@/lib/content/loader';
import { ownOrigin } from '@/lib/content/own-origin';
import { PRESET_MATCHES } from '@/lib/preset';

/**
 * The content loader: runs at every page load on the M2Mmanager preset, and on sites the user
 * enabled (registered at run time with the same file), in every frame. Small on purpose: capture
 * and autofill (entrypoints/content-features.ts) are imported only into a frame that shows a field
 * or a QR candidate.
 */
export default defineContentScript({
  matches: [...PRESET_MATCHES],
  runAt: 'document_idle',
  allFrames: true,
  // WXT's start-up postMessage would tell every page Twofold's id; its custom-event guard suffices.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Injected again when a site is enabled from the popup: one instance per frame.
    const flags = globalThis as { __twofoldStarted?: boolean };
    if (flags.__twofoldStarted) return;
    flags.__twofoldStarted = true;
    // A sandboxed frame or a CSP-sandboxed document has the site's URL but an opaque origin:
    // it is not the site, so Twofold neither captures nor fills there.
    if (!ownOrigin(window)) return;
    // The bare runtime API: the messaging library and the browser polyfill weigh more than the loader.
    const runtime = (globalThis as unknown as { chrome: { runtime: LoaderDeps['runtime'] } }).chrome.runtime;
    ctx.onInvalidated(
      startLoader({ doc: document, win: window, runtime, load: (url) => import(/* @vite-ignore */ url) }),
    );
  },
});
