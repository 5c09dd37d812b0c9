import { TwofoldError } from '../../../lib/errors';
import { describe, expect, it } from 'vitest';
import type { OtpAccount } from '../../../lib/otp';
import { parseOtpauthUri, toOtpauthUri } from '../../../lib/otp';

const S = 'JBSWY3DPEHPK3PXP';

function account(overrides: Partial<OtpAccount>): OtpAccount {
  return {
    type: 'totp',
    issuer: '',
    label: '',
    secret: S,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    ...overrides,
  };
}

describe('parseOtpauthUri: valid URIs', () => {
  it.each<[string, string, Partial<OtpAccount>]>([
    [
      "Google's own example",
      'otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
      { issuer: 'Example', label: 'alice@google.com' },
    ],
    [
      'all parameters explicit',
      'otpauth://totp/ACME%20Co:john.doe@email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30',
      { issuer: 'ACME Co', label: 'john.doe@email.com', secret: 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ' },
    ],
    [
      'label only, no issuer',
      'otpauth://totp/alice@google.com?secret=JBSWY3DPEHPK3PXP',
      { label: 'alice@google.com' },
    ],
    [
      'issuer parameter only',
      'otpauth://totp/alice?secret=JBSWY3DPEHPK3PXP&issuer=Example',
      { issuer: 'Example', label: 'alice' },
    ],
    [
      'issuer prefix only',
      'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP',
      { issuer: 'Example', label: 'alice' },
    ],
    [
      '%3A as separator',
      'otpauth://totp/Example%3Aalice?secret=JBSWY3DPEHPK3PXP',
      { issuer: 'Example', label: 'alice' },
    ],
    [
      'spaces after the colon',
      'otpauth://totp/Example:%20%20alice?secret=JBSWY3DPEHPK3PXP',
      { issuer: 'Example', label: 'alice' },
    ],
    [
      '%40 in the label',
      'otpauth://totp/Example:alice%40example.com?secret=JBSWY3DPEHPK3PXP',
      { issuer: 'Example', label: 'alice@example.com' },
    ],
    [
      'accents, percent-encoded UTF-8',
      'otpauth://totp/Soci%C3%A9t%C3%A9:J%C3%BCrgen?secret=JBSWY3DPEHPK3PXP&issuer=Soci%C3%A9t%C3%A9',
      { issuer: 'Société', label: 'Jürgen' },
    ],
    [
      'decomposed accents become NFC',
      'otpauth://totp/Cafe%CC%81:x?secret=JBSWY3DPEHPK3PXP',
      { issuer: 'Café', label: 'x' },
    ],
    [
      '+ in the label is a plus',
      'otpauth://totp/Shop:a+b@example.com?secret=JBSWY3DPEHPK3PXP',
      { issuer: 'Shop', label: 'a+b@example.com' },
    ],
    [
      '+ in the issuer parameter is a space',
      'otpauth://totp/Big%20Corp:me?secret=JBSWY3DPEHPK3PXP&issuer=Big+Corp',
      { issuer: 'Big Corp', label: 'me' },
    ],
    [
      '%2B in the issuer parameter is a plus',
      'otpauth://totp/me?secret=JBSWY3DPEHPK3PXP&issuer=Google%2B',
      { issuer: 'Google+', label: 'me' },
    ],
    [
      'raw spaces in the label',
      'otpauth://totp/ACME Co:john doe?secret=JBSWY3DPEHPK3PXP',
      { issuer: 'ACME Co', label: 'john doe' },
    ],
    ['lowercase secret', 'otpauth://totp/x?secret=jbswy3dpehpk3pxp', { label: 'x' }],
    ['secret with %20 spaces', 'otpauth://totp/x?secret=JBSW%20Y3DP%20EHPK%203PXP', { label: 'x' }],
    ['secret with + spaces', 'otpauth://totp/x?secret=JBSW+Y3DP+EHPK+3PXP', { label: 'x' }],
    ['secret with hyphens', 'otpauth://totp/x?secret=JBSW-Y3DP-EHPK-3PXP', { label: 'x' }],
    [
      'secret with = padding',
      'otpauth://totp/x?secret=MZXW6YTBOI======',
      { label: 'x', secret: 'MZXW6YTBOI' },
    ],
    [
      'secret with %3D padding',
      'otpauth://totp/x?secret=MZXW6YTBOI%3D%3D%3D%3D%3D%3D',
      { label: 'x', secret: 'MZXW6YTBOI' },
    ],
    ['40-bit secret', 'otpauth://totp/x?secret=MYSECRET', { label: 'x', secret: 'MYSECRET' }],
    [
      'SHA256',
      'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=SHA256',
      { label: 'x', algorithm: 'SHA256' },
    ],
    [
      'sha512 in lowercase',
      'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=sha512',
      { label: 'x', algorithm: 'SHA512' },
    ],
    [
      'SHA-256 with a hyphen',
      'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=SHA-256',
      { label: 'x', algorithm: 'SHA256' },
    ],
    ['8 digits', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=8', { label: 'x', digits: 8 }],
    ['7 digits', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=7', { label: 'x', digits: 7 }],
    ['period 60', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=60', { label: 'x', period: 60 }],
    ['period 1', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=1', { label: 'x', period: 1 }],
    ['period 3600', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=3600', { label: 'x', period: 3600 }],
    ['HOTP, counter 0', 'otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=0', { type: 'hotp', label: 'x' }],
    [
      'HOTP, counter 42',
      'otpauth://hotp/Acme:x?secret=JBSWY3DPEHPK3PXP&counter=42',
      { type: 'hotp', issuer: 'Acme', label: 'x', counter: 42 },
    ],
    [
      'HOTP ignores period',
      'otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=1&period=60',
      { type: 'hotp', label: 'x', counter: 1 },
    ],
    ['TOTP ignores counter', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&counter=9', { label: 'x' }],
    ['uppercase scheme and type', 'OTPAUTH://TOTP/x?SECRET=JBSWY3DPEHPK3PXP', { label: 'x' }],
    [
      'image and color ignored',
      'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&image=https%3A%2F%2Fexample.com%2Flogo.png&color=ff0000',
      { label: 'x' },
    ],
    [
      'issuer case differs: parameter wins',
      'otpauth://totp/example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example',
      { issuer: 'Example', label: 'alice' },
    ],
    [
      'issuer containing a colon',
      'otpauth://totp/A%3AB:c?secret=JBSWY3DPEHPK3PXP&issuer=A%3AB',
      { issuer: 'A:B', label: 'c' },
    ],
    [
      'empty issuer parameter',
      'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=',
      { issuer: 'Example', label: 'alice' },
    ],
    [
      'empty digits parameter means default',
      'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=',
      { label: 'x' },
    ],
    [
      'empty prefix keeps a colon in the name',
      'otpauth://totp/:a:b?secret=JBSWY3DPEHPK3PXP',
      { label: 'a:b' },
    ],
    ['no label at all', 'otpauth://totp?secret=JBSWY3DPEHPK3PXP', {}],
    ['empty label', 'otpauth://totp/?secret=JBSWY3DPEHPK3PXP', {}],
    ['surrounding whitespace', '  otpauth://totp/x?secret=JBSWY3DPEHPK3PXP \n', { label: 'x' }],
    ['fragment ignored', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP#section', { label: 'x' }],
    [
      'same parameter twice, same value',
      'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&secret=JBSWY3DPEHPK3PXP',
      { label: 'x' },
    ],
  ])('%s', (_name, uri, expected) => {
    expect(parseOtpauthUri(uri)).toEqual(account(expected));
  });
});

describe('parseOtpauthUri: invalid URIs', () => {
  it.each<[string, string]>([
    ['https://example.com/login', 'This is not an otpauth URI'],
    ['JBSWY3DPEHPK3PXP', 'This is not an otpauth URI'],
    ['otpauth:totp/x?secret=JBSWY3DPEHPK3PXP', 'This is not an otpauth URI'],
    ['', 'The otpauth URI is empty'],
    ['   ', 'The otpauth URI is empty'],
    ['otpauth-migration://offline?data=CgA', 'Google Authenticator export'],
    ['otpauth://totp/x', 'The otpauth URI has no secret'],
    ['otpauth://totp/x?secret=', 'The otpauth URI has no secret'],
    ['otpauth://totp/x?secret=%20%20', 'The otpauth URI has no secret'],
    ['otpauth://totp/x?issuer=Acme', 'The otpauth URI has no secret'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PX0', 'The secret is not valid base32'],
    ['otpauth://totp/x?secret=JBSWY3DP1HPK3PXP', 'The secret is not valid base32'],
    ['otpauth://totp/x?secret=JBSW%2FY3DPEHPK3PXP', 'The secret is not valid base32'],
    ['otpauth://totp/x?secret=JBSW%3DY3DPEHPK3PXP', 'The secret is not valid base32'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXPA', 'The secret is not valid base32'],
    ['otpauth://totp/x?secret=AB', 'The secret is too short'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5', 'Unsupported algorithm MD5'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=SHA3-256', 'Unsupported algorithm SHA3-256'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=5', 'Digits must be 6, 7 or 8'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=9', 'Digits must be 6, 7 or 8'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=six', 'Digits must be 6, 7 or 8'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=6.5', 'Digits must be 6, 7 or 8'],
    [
      'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=0',
      'The period must be a whole number of seconds from 1 to 3600',
    ],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=-30', 'The period must be'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=1.5', 'The period must be'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=3601', 'The period must be'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=1e3', 'The period must be'],
    ['otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP', 'HOTP needs a counter'],
    ['otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=', 'HOTP needs a counter'],
    ['otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=-1', 'The counter must be a whole number, 0 or more'],
    ['otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=1.5', 'The counter must be'],
    ['otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=99999999999999999999', 'The counter is too large'],
    ['otpauth://motp/x?secret=JBSWY3DPEHPK3PXP', 'Unsupported OTP type motp'],
    ['otpauth://steam/Steam:me?secret=JBSWY3DPEHPK3PXP&algorithm=SHA256', 'Steam Guard codes are always'],
    ['otpauth://steam/Steam:me?secret=JBSWY3DPEHPK3PXP&digits=6', 'Steam Guard codes are always'],
    ['otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=1&encoder=steam', 'Steam Guard codes are always'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&encoder=yandex', 'Unsupported code encoder yandex'],
    ['otpauth:///x?secret=JBSWY3DPEHPK3PXP', 'The otpauth URI has no OTP type'],
    [
      'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Other',
      'Issuer in the label (Example) and issuer parameter (Other) disagree',
    ],
    ['otpauth://totp/%E0%A4%A?secret=JBSWY3DPEHPK3PXP', 'The otpauth URI is badly encoded'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&issuer=%ZZ', 'The otpauth URI is badly encoded'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&secret=KRSXG5A', 'gives the secret parameter twice'],
    [`otpauth://totp/${'x'.repeat(20_000)}?secret=JBSWY3DPEHPK3PXP`, 'The otpauth URI is too long'],
  ])('%s → %s', (uri, message) => {
    let error: unknown;
    try {
      parseOtpauthUri(uri);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(message);
    // Coded, so the UI can word it in the user's language.
    expect(error).toBeInstanceOf(TwofoldError);
    // A message may be shown, logged or reported: it must never carry the secret.
    const secret = /secret=([^&#]*)/i.exec(uri)?.[1];
    if (secret && secret.length >= 4) {
      expect((error as Error).message.toUpperCase()).not.toContain(secret.toUpperCase());
    }
  });
});

describe('toOtpauthUri', () => {
  it.each<[Partial<OtpAccount>, string]>([
    [
      { issuer: 'Example', label: 'alice@google.com' },
      'otpauth://totp/Example:alice%40google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example&algorithm=SHA1&digits=6&period=30',
    ],
    [{ label: 'x' }, 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30'],
    [
      { type: 'hotp', issuer: 'Big Corp+', label: 'a:b', counter: 7, algorithm: 'SHA512', digits: 8 },
      'otpauth://hotp/Big%20Corp%2B:a%3Ab?secret=JBSWY3DPEHPK3PXP&issuer=Big%20Corp%2B&algorithm=SHA512&digits=8&counter=7',
    ],
    [{ label: 'a:b' }, 'otpauth://totp/:a%3Ab?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30'],
    [
      { label: 'x', secret: 'jbsw y3dp ehpk 3pxp' },
      'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
    ],
  ])('%o', (overrides, uri) => {
    expect(toOtpauthUri(account(overrides))).toBe(uri);
    expect(parseOtpauthUri(uri)).toEqual(account({ ...overrides, secret: S }));
  });

  it.each<[Partial<OtpAccount>, string]>([
    [{ digits: 9 }, 'Digits must be 6, 7 or 8'],
    [{ period: 0 }, 'The period must be'],
    [{ secret: '' }, 'no secret'],
    [{ secret: 'abc!' }, 'not valid base32'],
    [{ type: 'hotp', counter: -1 }, 'The counter must be'],
    [{ label: '\ud800' }, 'invalid characters'],
  ])('refuses %o', (overrides, message) => {
    expect(() => toOtpauthUri(account(overrides))).toThrow(message);
  });
});
