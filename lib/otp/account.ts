/** The shapes every part of Twofold agrees on. Secrets are base32, uppercase, no padding. */

export type OtpType = 'totp' | 'hotp';
export type OtpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';
/** How the HMAC result becomes the code shown: decimal digits (absent) or Steam Guard's letters. */
export type OtpEncoder = 'steam';

/** What an otpauth URI (or an import) describes: everything needed to make codes. */
export interface OtpAccount {
  type: OtpType;
  /** Service name, e.g. "M2Mmanager". May be empty. */
  issuer: string;
  /** Account name, e.g. "jane.doe@example.com". May be empty. */
  label: string;
  /** Base32 (RFC 4648), uppercase, without padding or spaces. */
  secret: string;
  algorithm: OtpAlgorithm;
  /** 6 to 8. */
  digits: number;
  /** Seconds, TOTP only (30 by default). */
  period: number;
  /** Moving factor, HOTP only (0 for TOTP). */
  counter: number;
  /**
   * Steam Guard: a TOTP (SHA1, 30 s) shown as 5 characters of `STEAM_ALPHABET`, with `digits` 5.
   * Absent for every other account.
   */
  encoder?: OtpEncoder;
}

/** A key an account had before the user replaced it (a site re-enrolled): kept for undo. */
export interface PreviousKey extends Pick<
  OtpAccount,
  'type' | 'secret' | 'algorithm' | 'digits' | 'period' | 'counter' | 'encoder'
> {
  /** ms epoch when it was replaced. */
  replacedAt: number;
}

/** An account as stored in the vault. */
export interface StoredAccount extends OtpAccount {
  id: string;
  /** Bound web origin (scheme://host[:port]); only such accounts are autofilled. */
  origin?: string;
  pinned?: boolean;
  createdAt: number;
  updatedAt: number;
  /** Keys replaced by the user, newest first; never removed by a page. */
  previousKeys?: PreviousKey[];
}

/** What leaves the background for pages: no secret, ever. */
export interface AccountView {
  id: string;
  type: OtpType;
  issuer: string;
  label: string;
  digits: number;
  period: number;
  origin?: string;
  pinned: boolean;
  /** Current code (TOTP) or next code (HOTP). */
  code: string;
  /** TOTP: ms epoch when `code` stops being valid. */
  expiresAt?: number;
  /** When the key was last replaced, while that can still be undone. */
  keyReplacedAt?: number;
}
