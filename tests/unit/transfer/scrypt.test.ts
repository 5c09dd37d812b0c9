import { scryptSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrypt } from '@/lib/transfer/scrypt';

const bytes = (text: string) => new TextEncoder().encode(text);
const hex = (data: Uint8Array) => Buffer.from(data).toString('hex');

describe('scrypt', () => {
  // RFC 7914 § 12 (the fourth vector, N=2^20, needs 1 GiB: Aegis never asks for it).
  it.each([
    [
      '',
      '',
      { n: 16, r: 1, p: 1, length: 64 },
      '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906',
    ],
    [
      'password',
      'NaCl',
      { n: 1024, r: 8, p: 16, length: 64 },
      'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640',
    ],
    [
      'pleaseletmein',
      'SodiumChloride',
      { n: 16384, r: 8, p: 1, length: 64 },
      '7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887',
    ],
  ])('RFC 7914 vector %j / %j', async (password, salt, params, expected) => {
    expect(hex(await scrypt(bytes(password), bytes(salt), params))).toBe(expected);
  });

  it('gives what Node’s scrypt gives, for any password, salt and small parameters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 40 }),
        fc.uint8Array({ maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 80 }),
        async (password, salt, log2n, r, p, length) => {
          const n = 2 ** log2n;
          const ours = await scrypt(new Uint8Array(password), new Uint8Array(salt), { n, r, p, length });
          expect(hex(ours)).toBe(hex(scryptSync(password, salt, length, { N: n, r, p })));
        },
      ),
      { numRuns: 60 },
    );
  });

  it.each([
    ['N not a power of two', { n: 1000, r: 8, p: 1, length: 32 }],
    ['N of 1', { n: 1, r: 8, p: 1, length: 32 }],
    ['r of 0', { n: 16, r: 0, p: 1, length: 32 }],
    ['p fractional', { n: 16, r: 1, p: 1.5, length: 32 }],
  ])('refuses %s', async (_name, params) => {
    await expect(scrypt(bytes('x'), bytes('y'), params)).rejects.toThrow(RangeError);
  });
});
