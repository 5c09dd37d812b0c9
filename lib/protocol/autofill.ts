import type { PolicyOf } from './policy';

/** What a content script gets when it asks for a code: codes only, never a secret. */
export type AutofillReply =
  | {
      status: 'code';
      accountId: string;
      /** The origin the code is for (the sender's): the content script fills only if it is its own. */
      origin: string;
      code: string;
      /** TOTP: ms epoch when the code expires (the page refreshes it then). */
      expiresAt?: number;
      /** Tick "Remember this device for 30 days" (a setting, off by default). */
      rememberDevice: boolean;
      /** The account's names (one of this origin's own): the card says whose code it filled. */
      issuer?: string;
      label?: string;
    }
  | { status: 'locked' }
  | { status: 'none' }
  /** The current code was already submitted once (servers refuse a replay): ask again at `retryAt`. */
  | { status: 'wait'; accountId: string; retryAt: number }
  /** An HOTP account: its code is given only on the user's own action (a click on the field, the shortcut). */
  | { status: 'action'; accountId: string }
  | { status: 'choose'; choices: { id: string; issuer: string; label: string }[] }
  /**
   * This page imitates an origin accounts are bound to, and has no account of its own: nothing is
   * filled, on purpose, and the card says so. Hosts only: the content script still gets no code.
   */
  | { status: 'lookalike'; pageHost: string; imitatedHost: string };

/** Codes for the frame's own origin, decided from the browser's `sender`. */
export interface AutofillProtocol {
  /** A code for this frame's own origin, for one account or the best match. */
  'autofill:code'(data: {
    accountId?: string;
    /** The request follows the user's own action on the field (needed for HOTP). */
    userAction?: boolean;
    /** The user picked `accountId` in the chooser: remember it for this username on this site. */
    remember?: boolean;
    /** The page refused the filled code: the next period's (servers accept one period ahead). */
    next?: boolean;
  }): AutofillReply;
  /** The username typed in this tab (login form): picks the account when a site has several. */
  'autofill:username'(data: { username: string }): void;
  /**
   * The page submitted the code this frame filled for `accountId` (form submit, Enter, the submit
   * button, the field gone). Only now does the code count as used: a TOTP code is not filled again,
   * an HOTP counter moves on (at most once per code handed out).
   */
  'autofill:submitted'(data: { accountId: string }): void;
  /** The keys of the fill shortcut as the browser has them (the user may have changed them); null: none set. */
  'autofill:shortcut'(): string | null;
}

export const AUTOFILL_POLICY = {
  'autofill:code': 'content-script',
  'autofill:username': 'content-script',
  'autofill:submitted': 'content-script',
  'autofill:shortcut': 'content-script',
} as const satisfies PolicyOf<AutofillProtocol>;

/** Sent by the background to content scripts. */
export interface AutofillContentProtocol {
  /** The user pressed the fill shortcut or chose "Fill one-time code": fill the focused field. */
  'autofill:fillFocused'(): boolean;
}
