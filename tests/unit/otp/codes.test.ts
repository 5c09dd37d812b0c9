import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import type { OtpAccount, OtpAlgorithm } from '../../../lib/otp';
import { generateCode, periodEnd, secondsRemaining } from '../../../lib/otp';

// Secrets come from otpauth's own encoder, so a bug in our base32 cannot hide behind itself.
const seed = (ascii: string) => Secret.fromLatin1(ascii).base32;
const SEEDS: Record<OtpAlgorithm, string> = {
  SHA1: seed('12345678901234567890'),
  SHA256: seed('12345678901234567890123456789012'),
  SHA512: seed('1234567890123456789012345678901234567890123456789012345678901234'),
};

function account(overrides: Partial<OtpAccount>): OtpAccount {
  return {
    type: 'totp',
    issuer: '',
    label: '',
    secret: SEEDS.SHA1,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    ...overrides,
  };
}

describe('RFC 4226 appendix D (HOTP, SHA1, 6 digits)', () => {
  it.each([
    [0, '755224'],
    [1, '287082'],
    [2, '359152'],
    [3, '969429'],
    [4, '338314'],
    [5, '254676'],
    [6, '287922'],
    [7, '162583'],
    [8, '399871'],
    [9, '520489'],
  ])('counter %i gives %s', (counter, code) => {
    // The time argument must not matter for HOTP.
    expect(generateCode(account({ type: 'hotp', counter }), 1_234_567_890_000)).toBe(code);
  });
});

describe('RFC 6238 appendix B (TOTP, 8 digits, 30 s)', () => {
  it.each<[number, OtpAlgorithm, string]>([
    [59, 'SHA1', '94287082'],
    [59, 'SHA256', '46119246'],
    [59, 'SHA512', '90693936'],
    [1111111109, 'SHA1', '07081804'],
    [1111111109, 'SHA256', '68084774'],
    [1111111109, 'SHA512', '25091201'],
    [1111111111, 'SHA1', '14050471'],
    [1111111111, 'SHA256', '67062674'],
    [1111111111, 'SHA512', '99943326'],
    [1234567890, 'SHA1', '89005924'],
    [1234567890, 'SHA256', '91819424'],
    [1234567890, 'SHA512', '93441116'],
    [2000000000, 'SHA1', '69279037'],
    [2000000000, 'SHA256', '90698825'],
    [2000000000, 'SHA512', '38618901'],
    [20000000000, 'SHA1', '65353130'],
    [20000000000, 'SHA256', '77737706'],
    [20000000000, 'SHA512', '47863826'],
  ])('T=%i %s gives %s', (seconds, algorithm, code) => {
    const a = account({ algorithm, secret: SEEDS[algorithm], digits: 8 });
    expect(generateCode(a, seconds * 1000)).toBe(code);
  });
});

describe('code lifetime', () => {
  it.each([
    // [period, timestamp ms, seconds remaining, period end ms]
    [30, 0, 30, 30_000],
    [30, 1, 30, 30_000],
    [30, 29_000, 1, 30_000],
    [30, 29_999, 1, 30_000],
    [30, 30_000, 30, 60_000],
    [30, 59_000, 1, 60_000],
    [60, 1_700_000_000_000, 40, 1_700_000_040_000],
    [1, 1_234, 1, 2_000],
  ])('period %i at %i ms: %i s left, ends at %i', (period, ts, left, end) => {
    const a = account({ period });
    expect(secondsRemaining(a, ts)).toBe(left);
    expect(periodEnd(a, ts)).toBe(end);
  });

  it('changes code exactly at the period end', () => {
    const a = account({});
    const end = periodEnd(a, 1_111_111_109_000);
    expect(generateCode(a, end - 1)).toBe(generateCode(a, 1_111_111_109_000));
    expect(generateCode(a, end)).not.toBe(generateCode(a, end - 1));
  });

  it('HOTP codes never expire', () => {
    const a = account({ type: 'hotp' });
    expect(periodEnd(a, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(secondsRemaining(a, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('uses the current time by default', () => {
    const a = account({});
    const before = Date.now();
    const remaining = secondsRemaining(a);
    expect(remaining).toBeGreaterThanOrEqual(1);
    expect(remaining).toBeLessThanOrEqual(30);
    expect(periodEnd(a)).toBeGreaterThan(before);
    expect(generateCode(a)).toMatch(/^\d{6}$/);
  });
});

describe('generateCode refuses broken accounts with a clear Error', () => {
  it.each<[Partial<OtpAccount>, string]>([
    [{ secret: '' }, 'The secret is empty'],
    [{ secret: 'NOT*BASE32' }, 'not valid base32'],
    [{ digits: 10 }, 'Digits must be 6, 7 or 8'],
    [{ period: 0 }, 'period'],
    [{ type: 'hotp', counter: -1 }, 'counter'],
  ])('%o', (overrides, message) => {
    expect(() => generateCode(account(overrides), 0)).toThrow(message);
  });

  it('accepts a secret stored with lowercase and padding', () => {
    expect(generateCode(account({ secret: SEEDS.SHA1.toLowerCase() + '====', digits: 8 }), 59_000)).toBe(
      '94287082',
    );
  });
});
