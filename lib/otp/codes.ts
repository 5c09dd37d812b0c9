/**
 * One-time codes from accounts, computed by `otpauth` (RFC 4226 / RFC 6238).
 * Time arithmetic uses otpauth's own `TOTP.counter` so the countdown and the code can never
 * disagree about which period a timestamp falls in.
 */
import { HOTP, Secret, TOTP } from 'otpauth';
import { isTwofoldError, TwofoldError } from '../errors';
import type { AccountProblem, OtpAccount } from './account';
import { secretToBytes } from './base32';
import { checkAccount, checkCounter, checkDigits, checkPeriod, parseAlgorithm } from './params';
import { steamCode } from './steam';

/** 10 decimal digits hold any 31-bit value, so `% 10 ** 10` leaves the truncated value whole. */
const FULL_VALUE_DIGITS = 10;

/** TOTP: the code for `timestampMs`. HOTP: the code for `account.counter` (time is ignored). */
export function generateCode(account: OtpAccount, timestampMs: number = Date.now()): string {
  // Our own decoder, not Secret.fromBase32: it refuses damaged secrets with a clear message.
  const secret = new Secret({ buffer: toArrayBuffer(secretToBytes(account.secret)) });
  if (account.encoder !== undefined) {
    const steam = checkAccount(account);
    const counter = TOTP.counter({ period: steam.period, timestamp: checkTime(timestampMs) });
    const value = HOTP.generate({ secret, algorithm: 'SHA1', digits: FULL_VALUE_DIGITS, counter });
    return steamCode(Number(value));
  }
  const algorithm = parseAlgorithm(account.algorithm);
  const digits = checkDigits(account.digits);
  if (account.type === 'hotp') {
    return HOTP.generate({ secret, algorithm, digits, counter: checkCounter(account.counter) });
  }
  const period = checkPeriod(account.period);
  return TOTP.generate({ secret, algorithm, digits, period, timestamp: checkTime(timestampMs) });
}

/**
 * ms epoch at which the TOTP code for `timestampMs` stops being valid.
 * HOTP codes do not expire: `Infinity` (callers show no countdown).
 */
export function periodEnd(account: OtpAccount, timestampMs: number = Date.now()): number {
  if (account.type === 'hotp') return Number.POSITIVE_INFINITY;
  const period = checkPeriod(account.period);
  return (TOTP.counter({ period, timestamp: checkTime(timestampMs) }) + 1) * period * 1000;
}

/** Whole seconds left for the current TOTP code, from `period` (fresh) down to 1; HOTP: Infinity. */
export function secondsRemaining(account: OtpAccount, timestampMs: number = Date.now()): number {
  return Math.ceil((periodEnd(account, timestampMs) - timestampMs) / 1000);
}

/**
 * Why this account cannot make a code, or undefined when it can. The same checks an export makes
 * (type, algorithm, secret, digits, period, counter, Steam's fixed settings), so an account that
 * passes here is also one every export can write. Callers skip or flag the account instead of
 * failing for every other one.
 */
export function codeProblem(account: OtpAccount): AccountProblem | undefined {
  try {
    checkAccount(account);
    return undefined;
  } catch (error) {
    return problemOf(error);
  }
}

/** A thrown value as an account's problem: a coded error keeps its code and parameters. */
export function problemOf(error: unknown): AccountProblem {
  if (isTwofoldError(error)) return { code: error.code, params: [...error.params] };
  return { code: 'ACCOUNT_NO_CODE', params: [] };
}

function checkTime(timestampMs: number): number {
  if (!Number.isFinite(timestampMs)) throw new TwofoldError('TIME_INVALID');
  return timestampMs;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}
