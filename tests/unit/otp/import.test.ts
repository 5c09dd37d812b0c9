import type { PasteProblem } from '../../../lib/otp';
import { describe, expect, it } from 'vitest';
import { encodeMigrationUri, parseAnyOtpText } from '../../../lib/otp';
import type { OtpAccount } from '../../../lib/otp';

const a: OtpAccount = {
  type: 'totp',
  issuer: 'Example',
  label: 'alice',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};
const b: OtpAccount = { ...a, type: 'hotp', issuer: '', label: 'bob', counter: 3 };

describe('parseAnyOtpText', () => {
  it.each<[string, string, OtpAccount[], PasteProblem[]]>([
    ['one URI', 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP', [a], []],
    ['empty text', '', [], []],
    [
      'comments and blank lines',
      '# my codes\n\n  otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP  \n',
      [a],
      [],
    ],
    [
      'several URIs, CRLF, one bad line',
      'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP\r\nhello\r\notpauth://hotp/bob?secret=JBSWY3DPEHPK3PXP&counter=3',
      [a, b],
      [{ line: 2, code: 'URI_NOT_OTPAUTH', params: [], message: 'This is not an otpauth URI' }],
    ],
    ['a migration URI', encodeMigrationUri([a, b]), [a, b], []],
    [
      'errors never quote the line',
      'otpauth://totp/x?secret=JBSWY3DPEHPK3PX1',
      [],
      [
        {
          line: 1,
          code: 'SECRET_NOT_BASE32',
          params: [],
          message:
            'The secret is not valid base32: it may only contain the letters A to Z and the digits 2 to 7',
        },
      ],
    ],
  ])('%s', (_name, text, accounts, errors) => {
    expect(parseAnyOtpText(text)).toEqual({ accounts, errors });
  });

  it('reports entries a migration batch had to skip, with the line', () => {
    // One SHA1 account plus one MD5 entry, written by hand: field 1 { secret, name "old", algorithm 4 }.
    const md5 = Uint8Array.from([
      0x0a, 0x0d, 0x0a, 0x02, 0x01, 0x02, 0x12, 0x03, 0x6f, 0x6c, 0x64, 0x20, 0x04, 0x30, 0x02,
    ]);
    const uri = `otpauth-migration://offline?data=${btoa(String.fromCharCode(...md5))}`;
    expect(parseAnyOtpText(`\n${uri}`)).toEqual({
      accounts: [],
      errors: [
        {
          line: 2,
          name: 'old',
          code: 'ALGORITHM_UNSUPPORTED',
          params: ['MD5'],
          message: 'old: Unsupported algorithm MD5',
        },
      ],
    });
  });
});
