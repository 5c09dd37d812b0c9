/** The shapes every part of Twofold agrees on. Secrets are base32, uppercase, no padding. */
import type { ErrorCode } from '../errors';

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

/**
 * An account the user deleted, kept whole (secret, counter, replaced keys, site) in the vault so
 * it can be restored for 30 days; it makes no code and is never filled.
 */
export interface DeletedAccount extends StoredAccount {
  /** ms epoch of the delete (on this computer). */
  deletedAt: number;
  /** Its place in the list when it was deleted: a restore puts it back there. */
  position?: number;
}

/** What pages see of a deleted account: its names and dates, never its secret. */
export interface DeletedAccountView {
  id: string;
  type: OtpType;
  issuer: string;
  label: string;
  origin?: string;
  deletedAt: number;
  /** ms epoch after which it is gone for good. */
  purgeAt: number;
}

/** Why an account cannot make a code: a coded error the page words in the user's language. */
export interface AccountProblem {
  code: ErrorCode;
  params: string[];
}

/** What every view of an account holds, whether or not it can make a code. */
interface AccountViewBase {
  id: string;
  type: OtpType;
  issuer: string;
  label: string;
  digits: number;
  period: number;
  origin?: string;
  pinned: boolean;
  /** When the key was last replaced, while that can still be undone. */
  keyReplacedAt?: number;
  /** ms epoch of the last copy or fill of its code (kept in this browser only). */
  lastUsedAt?: number;
}

/**
 * What leaves the background for pages: no secret, ever. Either a code, or (for an account that
 * cannot make one: damaged digits, secret, algorithm…) the problem, so one broken account never
 * hides the others and can still be named and deleted.
 */
export type AccountView = AccountViewBase &
  (
    | {
        /** Current code (TOTP) or next code (HOTP). */
        code: string;
        /** TOTP: ms epoch when `code` stops being valid. */
        expiresAt?: number;
        /** TOTP: the code is on the site's clock, this many ms ahead of this computer's (negative: behind). */
        clockShiftMs?: number;
        problem?: never;
      }
    | { problem: AccountProblem; code?: never; expiresAt?: never }
  );
