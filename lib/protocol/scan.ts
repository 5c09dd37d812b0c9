import type { CaptureOffer, CaptureSaveOutcome } from './capture';
import type { PolicyOf } from './policy';

export type ScanOutcome =
  { offer: CaptureOffer } | { message: 'noQr' | 'notOtp' | 'noAccess' | 'invalid'; detail?: string };

/** The popup's "Scan QR code on this page" (activeTab), and scans a page or the image menu asked for. */
export interface ScanProtocol {
  'scan:activeTab'(): ScanOutcome;
  /** On popup open: finish a scan a page or the image menu asked for (it needed this click). */
  'scan:pending'(): ScanOutcome | null;
  /**
   * Save what a scan found, bound to the tab's origin it came from; the code stays in the page.
   * `replace`: the user chose, in Twofold, to replace a saved account's key (the old one is kept).
   */
  'scan:save'(data: { offerId: string; replace?: boolean; confirmFrame?: boolean }): CaptureSaveOutcome;
}

export const SCAN_POLICY = {
  'scan:activeTab': 'extension-page',
  'scan:pending': 'extension-page',
  'scan:save': 'extension-page',
} as const satisfies PolicyOf<ScanProtocol>;
