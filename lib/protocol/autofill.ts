import type { PolicyOf } from './policy';

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

/** Codes for the frame's own origin, decided from the browser's `sender`. */
export interface AutofillProtocol {
  /** A code for this frame's own origin, for one account or the best match. */
  'autofill:code'(data: { accountId?: string }): AutofillReply;
  /** The username typed in this tab (login form): picks the account when a site has several. */
  'autofill:username'(data: { username: string }): void;
}

export const AUTOFILL_POLICY = {
  'autofill:code': 'content-script',
  'autofill:username': 'content-script',
} as const satisfies PolicyOf<AutofillProtocol>;
