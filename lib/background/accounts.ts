import type { OfferedAccount, SiteSummary } from '../messaging';
import {
  accountName,
  codeProblem,
  generateCode,
  normaliseSecret,
  parseOtpauthUri,
  periodEnd,
  problemOf,
  type AccountView,
  type OtpAccount,
  type PreviousKey,
  type StoredAccount,
} from '../otp';
import type { Orderable } from '../order/account-order';
import { keepPreviousKeys, PREVIOUS_KEY_RETENTION_MS } from '../sync/previous-keys';

/**
 * Public view of an account: everything a page may show, never the secret. `correctionMs`
 * shifts the code to the site's clock; `expiresAt` stays on this computer's clock. An account
 * that cannot make a code (damaged digits, secret, algorithm…) gets its problem instead: it
 * never makes the whole list fail, and the popup can still name it and delete it.
 */
export function toView(account: StoredAccount, now: number, correctionMs = 0): AccountView {
  const base = {
    ...orderKeys(account),
    type: account.type,
    digits: account.digits,
    period: account.period,
    ...undoableReplacement(account, now),
  };
  const problem = codeProblem(account);
  if (problem) return { ...base, problem };
  try {
    const at = now + correctionMs;
    return {
      ...base,
      code: generateCode(account, at),
      ...(account.type === 'totp' ? { expiresAt: periodEnd(account, at) - correctionMs } : {}),
      // Said next to the code: it is not this computer's.
      ...(account.type === 'totp' && correctionMs !== 0 ? { clockShiftMs: correctionMs } : {}),
    };
  } catch (error) {
    return { ...base, problem: problemOf(error) };
  }
}

/**
 * What the popup orders, groups and searches an account by, as its view holds them: the sort the
 * background applies for the popup's first screen must see the very values the popup sees.
 */
export function orderKeys(account: StoredAccount): Orderable {
  return {
    id: account.id,
    // A damaged record may hold anything here; the error row must still be able to name it.
    issuer: typeof account.issuer === 'string' ? account.issuer : '',
    label: typeof account.label === 'string' ? account.label : '',
    pinned: account.pinned ?? false,
    ...(account.origin ? { origin: account.origin } : {}),
  };
}

/** How long a replaced key is offered for undo in the popup (it stays in the vault after that). */
export const UNDO_REPLACE_MS = PREVIOUS_KEY_RETENTION_MS;

function undoableReplacement(account: StoredAccount, now: number): { keyReplacedAt?: number } {
  const last = account.previousKeys?.[0];
  return last && now - last.replacedAt < UNDO_REPLACE_MS ? { keyReplacedAt: last.replacedAt } : {};
}

function keyOf(account: OtpAccount, replacedAt: number): PreviousKey {
  const { type, secret, algorithm, digits, period, counter, encoder } = account;
  return { type, secret, algorithm, digits, period, counter, ...(encoder ? { encoder } : {}), replacedAt };
}

/**
 * The saved account with a new key (a site re-enrolled and the user chose to replace): names,
 * binding, pin and id stay; the old key goes first in `previousKeys`.
 */
export function replaceKey(old: StoredAccount, otp: OtpAccount, now: number): StoredAccount {
  const { type, secret, algorithm, digits, period, counter, encoder } = otp;
  const { encoder: _oldEncoder, ...rest } = old; // a Steam key replaced by a plain one is no longer Steam
  return {
    ...rest,
    ...(encoder ? { encoder } : {}),
    type,
    secret,
    algorithm,
    digits,
    period,
    counter,
    updatedAt: now,
    // The rule the sync merge keeps too: the 5 newest, and every key replaced in the last 30 days.
    previousKeys: keepPreviousKeys([keyOf(old, now), ...(old.previousKeys ?? [])]),
  };
}

/** Undo the last replacement: the previous key comes back; the replaced one is kept in its place. */
export function restorePreviousKey(account: StoredAccount, now: number): StoredAccount | undefined {
  const [previous, ...older] = account.previousKeys ?? [];
  if (!previous) return undefined;
  const { replacedAt: _replacedAt, ...key } = previous;
  const { encoder: _encoder, ...rest } = account;
  return { ...rest, ...key, updatedAt: now, previousKeys: [keyOf(account, now), ...older] };
}

export function newStoredAccount(
  otp: OtpAccount,
  origin: string | undefined,
  now: number,
  id: string = crypto.randomUUID(),
): StoredAccount {
  return { ...otp, id, ...(origin ? { origin } : {}), createdAt: now, updatedAt: now };
}

/** The same secret bound to the same origin is the same account. */
export function findDuplicate(
  accounts: readonly StoredAccount[],
  otp: OtpAccount,
  origin: string | undefined,
): StoredAccount | undefined {
  return accounts.find((a) => a.secret === otp.secret && a.origin === origin);
}

/** Same issuer and label, ignoring case: what a re-enrolment on the same site looks like. */
export function sameNames(a: OtpAccount, b: OtpAccount): boolean {
  return a.issuer.toLowerCase() === b.issuer.toLowerCase() && a.label.toLowerCase() === b.label.toLowerCase();
}

/** The saved account with the same names on `origin` (a conflict when its secret differs). */
export function findSameNames(
  accounts: readonly StoredAccount[],
  otp: OtpAccount,
  origin: string,
): StoredAccount | undefined {
  return accounts.find((a) => a.origin === origin && sameNames(a, otp));
}

/** How an account captured on `origin` relates to what is saved. */
export function offerStatus(
  accounts: readonly StoredAccount[],
  otp: OtpAccount,
  origin: string,
): OfferedAccount['status'] {
  if (findDuplicate(accounts, otp, origin)) return 'duplicate';
  return findSameNames(accounts, otp, origin) ? 'conflict' : 'new';
}

/**
 * Accounts bound to this origin that can make a code: the ones autofill may fill or offer in its
 * chooser. One that cannot is left out, so the others of the site still fill.
 */
export function fillableForOrigin(accounts: readonly StoredAccount[], origin: string): StoredAccount[] {
  return accountsForOrigin(accounts, origin).filter((a) => codeProblem(a) === undefined);
}

/** Accounts bound to exactly this origin (scheme + host + port). */
export function accountsForOrigin(accounts: readonly StoredAccount[], origin: string): StoredAccount[] {
  return accounts.filter((a) => a.origin === origin);
}

/** Origins accounts are bound to, most accounts first, then alphabetically. */
export function siteSummaries(accounts: readonly StoredAccount[]): SiteSummary[] {
  const byOrigin = new Map<string, string[]>();
  for (const a of accounts) {
    if (a.origin) byOrigin.set(a.origin, [...(byOrigin.get(a.origin) ?? []), accountName(a)]);
  }
  return [...byOrigin]
    .map(([origin, names]) => ({ origin, count: names.length, names }))
    .sort((x, y) => y.count - x.count || x.origin.localeCompare(y.origin));
}

/** The accounts in the order of `ids`; accounts not named keep their order, after. */
export function reorderAccounts(accounts: readonly StoredAccount[], ids: readonly string[]): StoredAccount[] {
  const rank = new Map(ids.map((id, index) => [id, index]));
  return accounts
    .map((a, index) => ({ a, key: rank.get(a.id) ?? ids.length + index }))
    .sort((x, y) => x.key - y.key)
    .map(({ a }) => a);
}

/** Names typed in the popup: one line, trimmed, bounded. */
export function cleanField(value: string): string {
  return value
    .split('')
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' ? ' ' : ch))
    .join('')
    .trim()
    .slice(0, 200);
}

/** The add form takes an otpauth URI or a bare base32 secret (then TOTP, SHA1, 6 digits, 30 s). */
export function parseUriOrSecret(text: string, origin: string | undefined): OtpAccount {
  const trimmed = text.trim();
  if (/^otpauth(-migration)?:/i.test(trimmed) || trimmed.includes('://')) return parseOtpauthUri(trimmed);
  return {
    type: 'totp',
    issuer: origin ? new URL(origin).hostname : '',
    label: '',
    secret: normaliseSecret(trimmed),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  };
}
