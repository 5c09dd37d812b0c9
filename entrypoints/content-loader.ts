import { defineUnlistedScript } from '#imports';
import { browser } from 'wxt/browser';
import { startLoader } from '@/lib/content/loader';

/**
 * What runs at every load of a page Twofold serves (the M2Mmanager preset and the sites the user
 * enabled): a few kilobytes that watch for a field or a QR candidate, then ask the background to
 * inject capture and autofill (entrypoints/m2mmanager.content) into this frame.
 */
export default defineUnlistedScript(() =>
  startLoader(document, window, (message) => browser.runtime.sendMessage(message)),
);
