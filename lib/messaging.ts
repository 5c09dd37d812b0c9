import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AccountView } from './otp/account';
import type { ManageProtocol } from './protocol/manage';
import type { SyncProtocol } from './protocol/sync';

/** Who may send a message; the background checks this against the browser's `sender`. */
export type SenderKind = 'extension-page' | 'content-script';

export interface VaultState {
  /** No vault has been created yet. */
  exists: boolean;
  unlocked: boolean;
  /** A stored copy failed to authenticate and was set aside (never deleted). */
  quarantined: number;
  /** The vault was written by a newer Twofold: open read-only. */
  readOnly: boolean;
}

export interface ContentHello {
  /** The origin the background saw in `sender` (never what the page claims). */
  origin: string;
  /** This origin is in the M2Mmanager preset or was enabled by the user. */
  enrolledSite: boolean;
}

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
  /** The vault is locked or missing: duplicates cannot be checked until it is unlocked. */
  locked: boolean;
}

export type CaptureSaveResult =
  | {
      status: 'saved';
      saved: OfferedAccount[];
      /** The origin the accounts are bound to; the content script fills only if it is its own. */
      origin: string;
      /** Current code, sent only to a frame of that origin. */
      code?: string;
    }
  | { status: 'locked' }
  | { status: 'expired' };

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a content script gets when it asks for a code: codes only, never a secret. */
export type AutofillReply =
  | {
      status: 'code';
      accountId: string;
      code: string;
      /** TOTP: ms epoch when the code expires (the page refreshes it then). */
      expiresAt?: number;
      /** Tick "Remember this device for 30 days" (a setting, off by default). */
      rememberDevice: boolean;
    }
  | { status: 'locked' }
  | { status: 'none' }
  /** The current code was already filled once (servers refuse a replay): ask again at `retryAt`. */
  | { status: 'wait'; accountId: string; retryAt: number }
  | { status: 'choose'; choices: { id: string; issuer: string; label: string }[] };

/**
 * Messages the background handles. Who may send each one is declared in
 * lib/background/policy.ts, checked against the browser's `sender` before any handler runs.
 */
export interface CoreProtocol {
  // From content scripts.
  'content:hello'(): ContentHello;
  /**
   * Pixels of an element that may show a QR code (RGBA, base64). The background
   * decodes them and holds any otpauth payload: the page's secret never travels
   * back, and the content script never even sees it as text.
   */
  'capture:pixels'(data: { width: number; height: number; rgba: string }): {
    /** How many QR codes were read (any payload). */
    texts: number;
    offer?: CaptureOffer;
  };
  /** Pixels were unreadable (tainted): decode this rectangle of a screenshot instead. */
  'capture:screenshot'(data: { rects: Rect[]; viewport: { width: number; height: number } }): {
    texts: number;
    offer?: CaptureOffer;
    /** A screenshot needs the user's click on the toolbar button (activeTab). */
    needsClick?: boolean;
  };
  /** The user clicked "Save to Twofold" (a trusted click in our shadow root). */
  'capture:save'(data: { offerId: string }): CaptureSaveResult;
  /** A code for this frame's own origin (decided from `sender`), for one account or the best match. */
  'autofill:code'(data: { accountId?: string }): AutofillReply;
  /** The username typed in this tab (login form): picks the account when a site has several. */
  'autofill:username'(data: { username: string }): void;
  /** Open Twofold's unlock window (the vault is locked and the user asked to save or fill). */
  'vault:openUnlock'(): void;
  // From extension pages (popup, options).
  'vault:state'(): VaultState;
  'vault:create'(data: { passphrase: string }): VaultState;
  'vault:unlock'(data: { passphrase: string }): VaultState;
  'vault:lock'(): VaultState;
  'accounts:list'(): AccountView[];
  'accounts:addUri'(data: { uri: string; website?: string }): AccountView;
  'accounts:delete'(data: { id: string }): void;
  /** "Scan QR code on this page": the active tab, through activeTab + scripting. */
  'scan:activeTab'(): ScanOutcome;
  /** On popup open: finish a scan a page asked for (it needed this click). */
  'scan:pending'(): ScanOutcome | null;
  'scan:save'(data: { offerId: string }): CaptureSaveResult;
  /** Sites the user enabled autofill on (granted at run time), as match patterns. */
  'sites:enabled'(): string[];
  /** After the popup's permission request: register and start Twofold on the new site now. */
  'sites:activate'(): boolean;
  /** Turn autofill off on a site: its permission is removed, its script unregistered. */
  'sites:revoke'(data: { pattern: string }): string[];
}

export type ScanOutcome =
  { offer: CaptureOffer } | { message: 'noQr' | 'notOtp' | 'noAccess' | 'invalid'; detail?: string };

/** Every message the background handles: the core above plus account management. */
export type BackgroundProtocol = CoreProtocol & ManageProtocol & SyncProtocol;

/** Messages content scripts handle (sent by the background with tabs.sendMessage). */
export interface ContentProtocol {
  /** Is Twofold alive in this frame? Also proves the content -> background round trip. */
  'content:ping'(): { origin: string; hello: ContentHello };
  /** A save that waited for the unlock (or was made in the popup) is done. */
  'capture:saved'(data: CaptureSaveResult): void;
  /** A screenshot scan the page asked for found this: show the in-page prompt. */
  'capture:offered'(data: CaptureOffer): void;
  /** The vault was unlocked: a page waiting to fill a code asks again. */
  'vault:unlocked'(): void;
}

/** The one protocol map of Twofold: every message any context sends. */
export type ProtocolMap = BackgroundProtocol & ContentProtocol;

export const messenger = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messenger;
