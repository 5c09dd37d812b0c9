/**
 * Autofill messages beyond asking for a code: the page submitted the code it was given, and the
 * background asks a frame to fill its focused field (the fill shortcut, the context menu).
 */
import type { SenderKind } from '../messaging';

export interface AutofillProtocol {
  /**
   * The page submitted the code this frame filled for `accountId` (form submit, Enter, the submit
   * button, the field gone). Only now does the code count as used: a TOTP code is not filled again,
   * an HOTP counter moves on (at most once per code handed out).
   */
  'autofill:submitted'(data: { accountId: string }): void;
}

export const AUTOFILL_POLICY = {
  'autofill:submitted': 'content-script',
} as const satisfies { readonly [K in keyof AutofillProtocol]: SenderKind };

/** Sent by the background to content scripts. */
export interface AutofillContentProtocol {
  /** The user pressed the fill shortcut or chose "Fill one-time code": fill the focused field. */
  'autofill:fillFocused'(): boolean;
}
