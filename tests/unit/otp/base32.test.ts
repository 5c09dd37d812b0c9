import fc from 'fast-check';
import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { base32Encode, normaliseSecret, secretToBytes } from '../../../lib/otp/base32';

describe('base32', () => {
  it.each([
    // RFC 4648 section 10 test vectors, with and without padding.
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes %j as %s', (ascii, encoded) => {
    expect(base32Encode(new TextEncoder().encode(ascii))).toBe(encoded);
  });

  it.each([
    ['mzxw6ytboi', 'MZXW6YTBOI'],
    ['MZXW6YTBOI======', 'MZXW6YTBOI'],
    ['MZXW 6YTB OI', 'MZXW6YTBOI'],
    ['mzxw-6ytb-oi', 'MZXW6YTBOI'],
    ['  MZXW6YTBOI\n', 'MZXW6YTBOI'],
    // Non-zero trailing bits are dropped (as every authenticator does) and the result re-encoded.
    ['MZXW6YTBOJ', 'MZXW6YTBOI'],
    ['MZXQ', 'MZXQ'],
  ])('normalises %j to %s', (input, output) => {
    expect(normaliseSecret(input)).toBe(output);
  });

  it.each([
    ['', 'The secret is empty'],
    [' - ', 'The secret is empty'],
    ['MZXW0YTB', 'not valid base32'],
    ['MZXW1YTB', 'not valid base32'],
    ['MZXW=YTB', 'not valid base32'],
    ['MZXW6YTBO', 'missing or extra'], // 9 chars: 1 left over
    ['MZX', 'missing or extra'],
    ['MZXW6Y', 'missing or extra'],
    ['MY', 'too short'], // one byte
  ])('refuses %j (%s)', (input, message) => {
    expect(() => normaliseSecret(input)).toThrow(message);
  });

  it('agrees with otpauth on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 2, maxLength: 80 }), (bytes) => {
        const ours = base32Encode(bytes);
        expect(ours).toBe(new Secret({ buffer: bytes.slice().buffer }).base32);
        expect([...secretToBytes(ours)]).toEqual([...bytes]);
      }),
    );
  });
});
