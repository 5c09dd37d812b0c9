import { defineContentScript } from '#imports';
import { scanPage, takeScanSource } from '@/lib/capture/scan-page';

/**
 * Injected on demand (popup "Scan QR code on this page") through activeTab +
 * scripting, never declared for any site. Its result is where the page shows
 * possible QR codes.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main() {
    return scanPage(document, window, takeScanSource(globalThis));
  },
});
