import type { Rect } from '../geometry';
import type { PolicyOf } from './policy';

/** One account a QR code on the page would add, as the in-page prompt names it. */
export interface OfferedAccount {
  issuer: string;
  label: string;
  /** new; duplicate (already saved for this site); conflict (same names, other secret: asks to replace). */
  status: 'new' | 'duplicate' | 'conflict';
}

/** What the background keeps of a QR code a page showed; the secret never comes back. */
export interface CaptureOffer {
  offerId: string;
  accounts: OfferedAccount[];
  /** Where saved accounts will be bound: the only origin their codes are ever filled on. */
  origin: string;
  /**
   * The code showed only inside a frame of this other site (origins, comma-separated): saving it
   * for `origin` needs the user's explicit confirmation in Twofold.
   */
  foundIn?: string;
  /** The vault is locked or missing: duplicates cannot be checked until it is unlocked. */
  locked: boolean;
}

/** A capture saved: what was saved, bound to which origin (the content script fills only its own). */
export interface SavedCapture {
  status: 'saved';
  saved: OfferedAccount[];
  origin: string;
  /**
   * Accounts not saved because Twofold already has them with another key: a page never changes a
   * saved key. The user decides in Twofold's own window ("Review in Twofold").
   */
  review?: CaptureOffer;
}

/**
 * A save to show in Twofold's own pages: never with a code. `unconfirmed`: the code was found
 * only in another site's frame and the user has not confirmed binding it to the tab's site.
 */
export type CaptureSaveOutcome =
  SavedCapture | { status: 'locked' } | { status: 'expired' } | { status: 'unconfirmed' };

/**
 * A save as the page that offered it hears of it: the current code goes only to a frame of `origin`.
 * `locked` with `setUp`: no vault exists yet (a fresh install), the window asks to create one.
 */
export type CaptureSaveResult =
  (SavedCapture & { code?: string }) | { status: 'locked'; setUp?: boolean } | { status: 'expired' };

/** What a capture from a page's pixels found. */
export interface CaptureFound {
  /** How many QR codes were read (any payload). */
  texts: number;
  offer?: CaptureOffer;
}

/** QR codes a page shows, from the content script that found them. */
export interface CaptureProtocol {
  /**
   * Pixels of an element that may show a QR code (RGBA, base64). The background decodes them and
   * holds any otpauth payload: the page's secret never travels back, and the content script never
   * even sees it as text.
   */
  'capture:pixels'(data: { width: number; height: number; rgba: string }): CaptureFound;
  /** Pixels were unreadable (tainted): decode these rectangles of a screenshot instead. */
  'capture:screenshot'(data: { rects: Rect[]; viewport: { width: number; height: number } }): CaptureFound & {
    /** A screenshot needs the user's click on the toolbar button (activeTab). */
    needsClick?: boolean;
  };
  /** The user clicked "Save to Twofold" (a trusted click in our shadow root). */
  'capture:save'(data: { offerId: string }): CaptureSaveResult;
  /** The user clicked "Review in Twofold": the offer opens in Twofold's own window, where they decide. */
  'capture:review'(data: { offerId: string }): void;
  /**
   * The first code of a save was read back from this frame's code field: only now is it used
   * (filling it again would be a replay). A page with no field for it never says so.
   */
  'capture:filled'(): void;
}

export const CAPTURE_POLICY = {
  'capture:pixels': 'content-script',
  'capture:screenshot': 'content-script',
  'capture:save': 'content-script',
  'capture:review': 'content-script',
  'capture:filled': 'content-script',
} as const satisfies PolicyOf<CaptureProtocol>;
