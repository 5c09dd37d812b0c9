import type { AccountView, DeletedAccountView } from '../otp/account';
import type { PolicyOf } from './policy';

/** What a user may change of an account from the popup (never its secret). */
export interface AccountPatch {
  issuer?: string;
  label?: string;
  pinned?: boolean;
}

/** The account list of the popup: views with codes, never secrets. */
export interface AccountsProtocol {
  'accounts:list'(): AccountView[];
  /** An otpauth URI or a bare base32 secret, optionally bound to a website for autofill. */
  'accounts:addUri'(data: { uri: string; website?: string }): AccountView;
  'accounts:delete'(data: { id: string }): void;
  /** Rename or (un)pin one account. */
  'accounts:update'(data: { id: string; patch: AccountPatch }): AccountView;
  /** Store the accounts in this order (ids missing from the list keep their place at the end). */
  'accounts:reorder'(data: { ids: string[] }): void;
  /**
   * Bind an account to the website typed in its edit form ("example.com", a URL), or unbind it
   * with an empty string: autofill then never fills it anywhere.
   */
  'accounts:setWebsite'(data: { id: string; website: string }): AccountView;
  /** Undo the last key replacement (the key the account had before a re-enrolment). */
  'accounts:restoreKey'(data: { id: string }): AccountView;
  /** HOTP: the code shown was used; move to the next counter. */
  'accounts:nextHotp'(data: { id: string }): AccountView;
  /** The popup copied this account's code: its time (no code, no secret) orders "Recently used". */
  'accounts:used'(data: { id: string }): void;
  /** The accounts deleted in the last 30 days, newest first: names and dates, never a secret. */
  'deleted:list'(): DeletedAccountView[];
  /** A recently deleted account back in the list (its key, counter and site as they were). */
  'deleted:restore'(data: { id: string }): AccountView;
  /** A recently deleted account gone for good (the page asked for confirmation first). */
  'deleted:forget'(data: { id: string }): void;
}

export const ACCOUNTS_POLICY = {
  'accounts:list': 'extension-page',
  'accounts:addUri': 'extension-page',
  'accounts:delete': 'extension-page',
  'accounts:update': 'extension-page',
  'accounts:reorder': 'extension-page',
  'accounts:setWebsite': 'extension-page',
  'accounts:restoreKey': 'extension-page',
  'accounts:nextHotp': 'extension-page',
  'accounts:used': 'extension-page',
  'deleted:list': 'extension-page',
  'deleted:restore': 'extension-page',
  'deleted:forget': 'extension-page',
} as const satisfies PolicyOf<AccountsProtocol>;
