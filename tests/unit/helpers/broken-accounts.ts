import type { ErrorCode } from '@/lib/errors';
import type { StoredAccount } from '@/lib/otp/account';
import { storedAccount } from './vault-fixtures';

/**
 * Kinds of saved accounts that cannot make a code (a record damaged in storage or in sync, a
 * Steam account that lost its encoder…), each with the error code it must show as.
 */
export const BROKEN_KINDS: [kind: string, patch: Record<string, unknown>, code: ErrorCode][] = [
  ['a 5-digit TOTP that is not Steam', { digits: 5 }, 'DIGITS_INVALID'],
  ['9 digits', { digits: 9 }, 'DIGITS_INVALID'],
  ['an empty secret', { secret: '' }, 'ACCOUNT_NO_SECRET'],
  ['a secret that is not base32', { secret: 'NOT-BASE32!' }, 'SECRET_NOT_BASE32'],
  ['a secret of an impossible length', { secret: 'JBS' }, 'SECRET_BAD_LENGTH'],
  ['an unknown algorithm', { algorithm: 'MD5' }, 'ALGORITHM_UNSUPPORTED'],
  ['a period of 0', { period: 0 }, 'PERIOD_INVALID'],
  ['an HOTP with a negative counter', { type: 'hotp', counter: -1 }, 'COUNTER_INVALID'],
  ['an unknown type', { type: 'motp' }, 'TYPE_UNSUPPORTED'],
  ['a Steam account with 6 digits', { encoder: 'steam', digits: 6 }, 'STEAM_FIXED'],
  ['an unknown encoder', { encoder: 'yandex' }, 'ENCODER_UNSUPPORTED'],
];

/** A saved account `n` with `patch` applied over a sound TOTP: what the vault may hold. */
export function brokenAccount(n: number, patch: Record<string, unknown>): StoredAccount {
  return { ...storedAccount(n), issuer: 'Broken', ...patch };
}
