import { defineContentScript } from '#imports';
import { scanPage } from '@/lib/capture/scan-page';
import { decodeQr } from '@/lib/qr/decode';

/**
 * Injected on demand (popup "Scan QR code on this page", context menu) through
 * activeTab + scripting, never declared for any site. Its result is the scan.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  main() {
    const onlySrc = (globalThis as { __twofoldScanSrc?: string }).__twofoldScanSrc;
    return scanPage(document, window, decodeQr, onlySrc);
  },
});
