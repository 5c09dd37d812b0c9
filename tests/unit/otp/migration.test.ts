import type { ErrorCode } from '../../../lib/errors';
import { describe, expect, it } from 'vitest';
import type { OtpAccount } from '../../../lib/otp';
import { decodeMigrationUri, encodeMigrationUri, parseOtpauthUri } from '../../../lib/otp';
import { toBase64 } from '@/lib/bytes';
import { ProtoWriter } from '../../../lib/otp/protobuf';

// Our own fixtures, written from the format's description (see lib/otp/migration.ts).
const SECRET_BYTES = Uint8Array.from([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef]);
const SECRET = 'JBSWY3DPEHPK3PXP';
const utf8 = (s: string) => new TextEncoder().encode(s);

function entry(fields: {
  secret?: Uint8Array;
  name?: string;
  issuer?: string;
  algorithm?: number;
  digits?: number;
  type?: number;
  counter?: bigint | number;
}): Uint8Array {
  const w = new ProtoWriter();
  if (fields.secret) w.bytesField(1, fields.secret);
  if (fields.name !== undefined) w.bytesField(2, utf8(fields.name));
  if (fields.issuer !== undefined) w.bytesField(3, utf8(fields.issuer));
  if (fields.algorithm !== undefined) w.varintField(4, fields.algorithm);
  if (fields.digits !== undefined) w.varintField(5, fields.digits);
  if (fields.type !== undefined) w.varintField(6, fields.type);
  if (fields.counter !== undefined) w.varintField(7, fields.counter);
  return w.finish();
}

function uri(entries: Uint8Array[], extra: (w: ProtoWriter) => void = () => {}): string {
  const w = new ProtoWriter();
  for (const e of entries) w.bytesField(1, e);
  extra(w);
  return `otpauth-migration://offline?data=${encodeURIComponent(toBase64(w.finish()))}`;
}

function account(overrides: Partial<OtpAccount>): OtpAccount {
  return {
    type: 'totp',
    issuer: '',
    label: '',
    secret: SECRET,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    ...overrides,
  };
}

describe('decodeMigrationUri: entries', () => {
  it.each<[string, Parameters<typeof entry>[0], Partial<OtpAccount>]>([
    ['minimal TOTP, all enums unspecified', { secret: SECRET_BYTES, name: 'alice' }, { label: 'alice' }],
    [
      'issuer field and "Issuer:" name prefix',
      { secret: SECRET_BYTES, name: 'Example:alice@google.com', issuer: 'Example', type: 2 },
      { issuer: 'Example', label: 'alice@google.com' },
    ],
    ['prefix only', { secret: SECRET_BYTES, name: 'Example: alice' }, { issuer: 'Example', label: 'alice' }],
    [
      'prefix differs from issuer field: name kept whole',
      { secret: SECRET_BYTES, name: 'Foo:bar', issuer: 'Example' },
      { issuer: 'Example', label: 'Foo:bar' },
    ],
    [
      'SHA256, 8 digits',
      { secret: SECRET_BYTES, name: 'x', algorithm: 2, digits: 2 },
      { label: 'x', algorithm: 'SHA256', digits: 8 },
    ],
    [
      'SHA512, 6 digits',
      { secret: SECRET_BYTES, name: 'x', algorithm: 3, digits: 1 },
      { label: 'x', algorithm: 'SHA512' },
    ],
    [
      'HOTP with counter',
      { secret: SECRET_BYTES, name: 'x', type: 1, counter: 10300 },
      { type: 'hotp', label: 'x', counter: 10300 },
    ],
    [
      'HOTP without counter field',
      { secret: SECRET_BYTES, name: 'x', type: 1 },
      { type: 'hotp', label: 'x' },
    ],
    [
      'accents',
      { secret: SECRET_BYTES, name: 'Jürgen', issuer: 'Société' },
      { issuer: 'Société', label: 'Jürgen' },
    ],
  ])('%s', (_name, fields, expected) => {
    const result = decodeMigrationUri(uri([entry(fields)]));
    expect(result.accounts).toEqual([account(expected)]);
    expect(result.skipped).toEqual([]);
  });

  it.each<[string, Parameters<typeof entry>[0], ErrorCode]>([
    ['MD5', { secret: SECRET_BYTES, name: 'x', issuer: 'Old', algorithm: 4 }, 'ALGORITHM_UNSUPPORTED'],
    ['unknown algorithm', { secret: SECRET_BYTES, name: 'x', algorithm: 9 }, 'MIGRATION_ALGORITHM_CODE'],
    ['unknown digit count', { secret: SECRET_BYTES, name: 'x', digits: 3 }, 'MIGRATION_DIGITS_CODE'],
    ['unknown type', { secret: SECRET_BYTES, name: 'x', type: 3 }, 'MIGRATION_TYPE_CODE'],
    ['no secret', { name: 'x' }, 'ACCOUNT_NO_SECRET'],
    ['one-byte secret', { secret: Uint8Array.of(1), name: 'x' }, 'SECRET_TOO_SHORT'],
    ['negative counter', { secret: SECRET_BYTES, name: 'x', type: 1, counter: -1n }, 'COUNTER_NEGATIVE'],
    ['huge counter', { secret: SECRET_BYTES, name: 'x', type: 1, counter: 2n ** 60n }, 'COUNTER_TOO_LARGE'],
  ])('skips an entry with %s, keeps the others', (_name, fields, code) => {
    const good = entry({ secret: SECRET_BYTES, name: 'good' });
    const result = decodeMigrationUri(uri([good, entry(fields), good]));
    expect(result.accounts).toEqual([account({ label: 'good' }), account({ label: 'good' })]);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]?.code).toBe(code);
    expect(JSON.stringify(result.skipped)).not.toContain(SECRET);
  });

  it('reads batch fields and skips unknown fields (newer exports)', () => {
    const e = new ProtoWriter()
      .bytesField(1, SECRET_BYTES)
      .bytesField(2, utf8('x'))
      .bytesField(8, utf8('id-123'))
      .varintField(9, 5)
      .finish();
    const result = decodeMigrationUri(
      uri([e], (w) =>
        w
          .varintField(2, 2)
          .varintField(3, 3)
          .varintField(4, 1)
          .varintField(5, -12345)
          .bytesField(10, utf8('?')),
      ),
    );
    expect(result.accounts).toEqual([account({ label: 'x' })]);
    expect(result.batch).toEqual({ size: 3, index: 1, id: -12345 });
  });

  it('defaults the batch to 1 of 1', () => {
    expect(decodeMigrationUri(uri([entry({ secret: SECRET_BYTES })])).batch).toEqual({
      index: 0,
      size: 1,
      id: 0,
    });
  });
});

describe('decodeMigrationUri: transport damage that is repaired', () => {
  // Bytes chosen so the base64 holds "++++" and "////": the characters transport mangles.
  const secret = [0x00, 0x00, 0xfb, 0xef, 0xbe, 0xff, 0xff, 0xff, 0x01, 0x02];
  const payload = new ProtoWriter()
    .bytesField(1, entry({ secret: Uint8Array.from(secret), name: 'x' }))
    .finish();
  const b64 = toBase64(payload);
  const expected = [account({ label: 'x', secret: base32Of(secret) })];
  it('has both + and / in its base64', () => {
    expect(b64).toMatch(/\+/);
    expect(b64).toMatch(/\//);
  });
  it.each([
    ['percent-encoded', encodeURIComponent(b64)],
    ['raw + and /', b64],
    ['+ turned into spaces', b64.replace(/\+/g, ' ')],
    ['URL-safe alphabet', b64.replace(/\+/g, '-').replace(/\//g, '_')],
    ['padding removed', b64.replace(/=+$/, '')],
    ['extra padding', `${b64}====`],
    ['line breaks', `${b64.slice(0, 5)}\n${b64.slice(5)}`],
  ])('%s', (_name, data) => {
    expect(decodeMigrationUri(`otpauth-migration://offline?data=${data}`).accounts).toEqual(expected);
  });
  it('uppercase scheme and another parameter first', () => {
    expect(decodeMigrationUri(`OTPAUTH-MIGRATION://offline?v=1&data=${b64}`).accounts).toEqual(expected);
  });
});

describe('decodeMigrationUri: refusals', () => {
  it.each([
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', 'This is not a Google Authenticator export'],
    ['https://example.com/?data=CgA', 'This is not a Google Authenticator export'],
    ['', 'This is not a Google Authenticator export'],
    ['otpauth-migration://offline', 'has no data'],
    ['otpauth-migration://offline?data=', 'has no data'],
    ['otpauth-migration://offline?data=!!!!', 'The export data is damaged'],
    ['otpauth-migration://offline?data=A', 'The export data is damaged'],
    ['otpauth-migration://offline?data=%E0%A4%A', 'The export data is damaged'],
    // Field 1, length 5, but only 2 bytes follow.
    [
      `otpauth-migration://offline?data=${toBase64(Uint8Array.of(0x0a, 0x05, 0x01, 0x02))}`,
      'The export data is damaged',
    ],
    // A varint that never ends.
    [
      `otpauth-migration://offline?data=${toBase64(new Uint8Array(12).fill(0xff))}`,
      'The export data is damaged',
    ],
    // Field 1 with the varint wire type.
    [`otpauth-migration://offline?data=${toBase64(Uint8Array.of(0x08, 0x01))}`, 'The export data is damaged'],
    // Deprecated group wire type.
    [`otpauth-migration://offline?data=${toBase64(Uint8Array.of(0x0b))}`, 'The export data is damaged'],
    // Field number 0.
    [`otpauth-migration://offline?data=${toBase64(Uint8Array.of(0x02, 0x00))}`, 'The export data is damaged'],
    // Valid but empty.
    [`otpauth-migration://offline?data=${toBase64(Uint8Array.of(0x10, 0x01))}`, 'holds no accounts'],
  ])('%s → %s', (input, message) => {
    expect(() => decodeMigrationUri(input)).toThrow(message);
  });
});

describe('encodeMigrationUri', () => {
  it('round-trips a mixed batch, including names with colons', () => {
    const accounts = [
      account({ issuer: 'Example', label: 'alice@google.com' }),
      account({ label: 'a:b' }),
      account({ issuer: 'A:B', label: 'c:d', algorithm: 'SHA512', digits: 8 }),
      account({ type: 'hotp', issuer: 'Bank', label: '', counter: 2 ** 40 }),
    ];
    const encoded = encodeMigrationUri(accounts, { index: 2, size: 3, id: 77 });
    expect(decodeMigrationUri(encoded)).toEqual({
      accounts,
      skipped: [],
      batch: { index: 2, size: 3, id: 77 },
    });
  });

  it('agrees with the otpauth URI for the same account', () => {
    const a = parseOtpauthUri(
      'otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
    );
    expect(decodeMigrationUri(encodeMigrationUri([a])).accounts).toEqual([a]);
  });

  it.each<[Partial<OtpAccount>, string]>([
    [
      { issuer: 'Acme', label: 'me', period: 60 },
      'Acme (me): a Google Authenticator export cannot hold a 60-second period',
    ],
    [{ label: 'me', digits: 7 }, 'me: a Google Authenticator export cannot hold 7-digit codes'],
    [{ secret: '0000' }, 'not valid base32'],
  ])('refuses what the format cannot hold: %o', (overrides, message) => {
    expect(() => encodeMigrationUri([account(overrides)])).toThrow(message);
  });
});

function base32Of(bytes: number[]): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = bytes.map((b) => b.toString(2).padStart(8, '0')).join('');
  let out = '';
  for (let i = 0; i < bits.length; i += 5)
    out += alphabet.charAt(parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2));
  return out;
}
