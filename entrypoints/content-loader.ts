import { defineUnlistedScript } from '#imports';
import { startLoader } from '@/lib/content/loader';

/** The extension API, looked up only when the loader has work: touching it costs a page ~2 ms. */
const extensionApi = () => (globalThis as { browser?: typeof chrome }).browser ?? chrome;

/**
 * What runs at every load of a page Twofold serves (the M2Mmanager preset and the sites the user
 * enabled): a few kilobytes that watch for a field or a QR candidate, then ask the background to
 * inject capture and autofill (entrypoints/m2mmanager.content) into this frame.
 */
export default defineUnlistedScript(() =>
  startLoader(document, window, (message) => extensionApi().runtime.sendMessage(message)),
);
