import { defineContentScript } from '#imports';
import { scanPage } from '@/lib/capture/scan-page';

/**
 * Injected on demand (popup "Scan QR code on this page") through activeTab +
 * scripting, never declared for any site. Its result is where the page shows
 * possible QR codes.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  main() {
    const onlySrc = (globalThis as { __twofoldScanSrc?: string }).__twofoldScanSrc;
    return scanPage(document, window, onlySrc);
  },
});
