import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OtpAccount } from '../../../lib/otp';
import {
  decodeMigrationUri,
  encodeMigrationUri,
  generateCode,
  parseAnyOtpText,
  parseOtpauthUri,
  toOtpauthUri,
} from '../../../lib/otp';
import { base32Encode } from '../../../lib/otp/base32';
import { toBase64 } from '@/lib/bytes';

// Names as the parser leaves them: trimmed and NFC. Everything else is representable, colons
// included (see lib/otp/names.ts), so the generator mixes full Unicode with the characters that
// matter to URIs and labels.
const tricky = fc.constantFrom(
  ':',
  '@',
  ' ',
  '%',
  '+',
  '&',
  '=',
  '?',
  '#',
  '/',
  'é',
  'e\u0301',
  'ß',
  '日',
  '😀',
  '%3A',
  '%20',
);
const name = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: tricky, maxLength: 8 }),
    fc.string({ maxLength: 12 }),
  )
  .map((s) => s.normalize('NFC').trim());

const secret = fc.uint8Array({ minLength: 2, maxLength: 64 }).map(base32Encode);
const algorithm = fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const);

const totp: fc.Arbitrary<OtpAccount> = fc.record({
  type: fc.constant('totp' as const),
  issuer: name,
  label: name,
  secret,
  algorithm,
  digits: fc.integer({ min: 6, max: 8 }),
  period: fc.integer({ min: 1, max: 3600 }),
  counter: fc.constant(0),
});
const hotp: fc.Arbitrary<OtpAccount> = fc.record({
  type: fc.constant('hotp' as const),
  issuer: name,
  label: name,
  secret,
  algorithm,
  digits: fc.integer({ min: 6, max: 8 }),
  period: fc.constant(30),
  counter: fc.maxSafeNat(),
});
const anyAccount = fc.oneof(totp, hotp);

/** What Google Authenticator exports can hold: 30 s and 6 or 8 digits. */
const migratable = anyAccount.map((a) => ({ ...a, period: 30, digits: a.digits === 7 ? 8 : a.digits }));

/** Returns normally or throws a real Error with a message; anything else fails the property. */
function onlyClearErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message.length).toBeGreaterThan(0);
  }
}

// Strings that get past the first checks, so the fuzzing reaches the deeper code.
const uriish = fc
  .tuple(
    fc.constantFrom(
      'otpauth://',
      'OTPAUTH://',
      'otpauth://totp/',
      'otpauth://hotp/',
      'otpauth-migration://offline?data=',
      '',
    ),
    fc.string({
      unit: fc.constantFrom(
        'a',
        'Z',
        '2',
        '7',
        '0',
        ':',
        '/',
        '?',
        '&',
        '=',
        '%',
        '%3',
        '%E0',
        '+',
        ' ',
        '#',
        'secret=',
        'issuer=',
        'counter=',
        'digits=',
        'period=',
        'algorithm=',
        'totp',
        '-',
        '\u0000',
        '😀',
      ),
    }),
  )
  .map(([prefix, rest]) => prefix + rest);

describe('properties', () => {
  it('toOtpauthUri → parseOtpauthUri is the identity', () => {
    fc.assert(
      fc.property(anyAccount, (account) => {
        expect(parseOtpauthUri(toOtpauthUri(account))).toEqual(account);
      }),
      { numRuns: 500 },
    );
  });

  it('the parsed account makes the same codes as the original', () => {
    fc.assert(
      fc.property(anyAccount, fc.integer({ min: 0, max: 4_000_000_000_000 }), (account, ts) => {
        expect(generateCode(parseOtpauthUri(toOtpauthUri(account)), ts)).toBe(generateCode(account, ts));
      }),
      { numRuns: 100 },
    );
  });

  it('encodeMigrationUri → decodeMigrationUri is the identity', () => {
    fc.assert(
      fc.property(
        fc.array(migratable, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer(),
        (accounts, index, size, id) => {
          const decoded = decodeMigrationUri(encodeMigrationUri(accounts, { index, size, id }));
          expect(decoded).toEqual({ accounts, skipped: [], batch: { index, size, id } });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parseOtpauthUri throws nothing but clear Errors on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), uriish), (text) => {
        onlyClearErrors(() => {
          const account = parseOtpauthUri(text);
          // Whatever it accepts is a usable account.
          expect(generateCode(account, 0)).toMatch(/^\d{6,8}$/);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('decodeMigrationUri throws nothing but clear Errors on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), uriish), (text) => {
        onlyClearErrors(() => decodeMigrationUri(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('decodeMigrationUri throws nothing but clear Errors on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, urlSafe) => {
        let data = toBase64(bytes);
        if (urlSafe) data = data.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
        onlyClearErrors(() => {
          for (const account of decodeMigrationUri(`otpauth-migration://offline?data=${data}`).accounts) {
            expect(generateCode(account, 0)).toMatch(/^\d{6,8}$/);
          }
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('decodeMigrationUri survives any corruption of a valid export', () => {
    fc.assert(
      fc.property(
        fc.array(migratable, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        (accounts, edits) => {
          const data = decodeURIComponent(encodeMigrationUri(accounts).split('data=')[1] ?? '');
          const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          onlyClearErrors(() => decodeMigrationUri(`otpauth-migration://offline?data=${toBase64(bytes)}`));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('parseAnyOtpText never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(uriish, fc.string()), { maxLength: 5 }), (lines) => {
        const result = parseAnyOtpText(lines.join('\n'));
        for (const e of result.errors) expect(e.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  // Work stays bounded because size is refused before any parsing (speed itself is npm run bench's).
  it.each([
    ['an otpauth URI', () => parseOtpauthUri('otpauth://totp/' + '%3A'.repeat(6000)), 'URI_TOO_LONG'],
    [
      'a migration URI',
      () => decodeMigrationUri('otpauth-migration://offline?data=' + 'Cg'.repeat(40_000)),
      'MIGRATION_TOO_LONG',
    ],
  ])('refuses %s over its size limit before parsing it', (_name, run, code) => {
    expect(run).toThrow(expect.objectContaining({ code }) as Error);
  });

  it('gives only clear errors on hostile input just under the limits', () => {
    onlyClearErrors(() =>
      parseOtpauthUri('otpauth://totp/' + '%3A'.repeat(5000) + '?' + 'secret=A&'.repeat(100)),
    );
    onlyClearErrors(() => decodeMigrationUri('otpauth-migration://offline?data=' + 'Cg'.repeat(30_000)));
    onlyClearErrors(() => parseAnyOtpText('otpauth://totp/x?secret=\n'.repeat(5000)));
  });
});
