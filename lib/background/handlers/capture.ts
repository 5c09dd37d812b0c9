import type { CaptureService } from '../capture-service';
import type { Router } from '../router';
import type { ScanService } from '../scan-service';

export function registerCaptureHandlers(
  { handle }: Router,
  { capture, scan }: { capture: CaptureService; scan: ScanService },
): void {
  handle('capture:pixels', (pixels, sender) => capture.offerPixels(pixels, sender));
  handle('capture:screenshot', ({ rects, viewport }, sender) =>
    scan.cropsFromContent(sender, rects, viewport),
  );
  handle('capture:save', ({ offerId }, sender) => capture.save(offerId, sender));
  handle('capture:review', ({ offerId }, sender) => capture.review(offerId, sender));
  handle('capture:filled', (_data, sender) => capture.filled(sender));
}
