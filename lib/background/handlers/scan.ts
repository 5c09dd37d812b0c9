import type { CaptureService } from '../capture-service';
import type { Router } from '../router';
import type { ScanService } from '../scan-service';

export function registerScanHandlers(
  { handle }: Router,
  { capture, scan }: { capture: CaptureService; scan: ScanService },
): void {
  handle('scan:activeTab', () => scan.scanActiveTab());
  handle('scan:pending', () => scan.scanPending());
  handle('scan:save', ({ offerId, replace, confirmFrame }) =>
    capture.saveFromPopup(offerId, { replace: replace ?? false, confirmFrame: confirmFrame ?? false }),
  );
}
