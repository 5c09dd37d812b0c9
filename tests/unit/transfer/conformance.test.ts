// @vitest-environment node
/**
 * Conformance against real export files of other apps, collected with their expectations in
 * ../shared/fixtures/import/README.md (vector sets A and S). Read in place, never copied (GPL).
 * Skipped, saying so, when the folder is absent. Where the README's source asserts less (counts
 * only) we assert our own, stricter outcome: every entry is either imported exactly or skipped
 * with a reason code (mOTP, Yandex, 9 digits, SHA384, HOTP without a counter, Ente trash); Steam
 * Guard entries are imported with Steam's settings.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ERROR_CATALOG, type ErrorCode } from '../../../lib/errors';
import { describe, expect, it } from 'vitest';
import type { OtpAccount } from '../../../lib/otp';
import { detectFormat, FORMAT_NAMES, importText } from '../../../lib/transfer';
import type { FormatId, ImportResult } from '../../../lib/transfer';
import { core } from './helpers';

const dir = resolve(process.cwd(), '../shared/fixtures/import');
const present = existsSync(join(dir, 'README.md'));
const title = present
  ? 'conformance: other apps’ export files'
  : `conformance: other apps’ export files (SKIPPED: fixture folder ${dir} is absent)`;
if (!present) console.warn(`Skipping ${title}`);
const read = (file: string) => readFileSync(join(dir, file), 'utf8');

const totp = (
  issuer: string,
  label: string,
  secret: string,
  algorithm: string,
  digits: number,
  period: number,
) => ({ type: 'totp', issuer, label, secret, algorithm, digits, period, counter: 0 }) as OtpAccount;
const hotp = (
  issuer: string,
  label: string,
  secret: string,
  algorithm: string,
  digits: number,
  counter: number,
) => ({ type: 'hotp', issuer, label, secret, algorithm, digits, period: 30, counter }) as OtpAccount;

/** README vector set A (Aegis VaultEntries.java); A7 (Steam) is counted apart (`steam`). */
const A: Record<string, OtpAccount> = {
  A1: totp('Deno', 'Mason', '4SJHB4GSD43FZBAI7C2HLRJGPQ', 'SHA1', 6, 30),
  A2: totp('SPDX', 'James', '5OM4WOOGPLQEF6UGN3CPEOOLWU', 'SHA256', 7, 20),
  A3: totp('Airbnb', 'Elijah', '7ELGJSGXNCCTV3O6LKJWYFV2RA', 'SHA512', 8, 50),
  A4: hotp('Issuu', 'James', 'YOOMIXWS5GN6RTBPUFFWKTW5M4', 'SHA1', 6, 1),
  A5: hotp('Air Canada', 'Benjamin', 'KUVJJOM753IHTNDSZVCNKL7GII', 'SHA256', 7, 50),
  A6: hotp('WWE', 'Mason', '5VAML3X35THCEBVRLV24CGBKOY', 'SHA512', 8, 10300),
};
/** README vector set S (Stratum files). S2 (9 digits) is always skipped; S7's names vary by app. */
const S: Record<string, OtpAccount> = {
  S1: totp('Long', 'Period', 'JGRMXBLPPYQIFMRBFQDHNP3MPPYQYNUN', 'SHA1', 6, 60),
  S3: totp('Sha', '256', 'RJNZJM7PAGJUBG32XHQWHFZVLYOMGIUQ', 'SHA256', 6, 30),
  S4: totp('Sha', '512', 'UW33SR5O4EKTDXNCBBS5FSPUKAYXIWOH', 'SHA512', 6, 30),
  S5: hotp('Standard', 'Hotp', 'JOR2VZXMNHACFNLRAOACFFRDRYAOFMLB', 'SHA1', 6, 10),
  S6: totp('Standard', 'Totp', '54VEGZFJHM3BGDONFERMPUOKNGDJETGM', 'SHA1', 6, 30),
  S7: totp('NoIssuer', '', 'KY2QJPMNQLSGSZE2C5F7AYBLBVEEDHFX', 'SHA1', 6, 30),
};
const A1_6 = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'].map((id) => A[id]!);
const S_ALL = ['S1', 'S3', 'S4', 'S5', 'S6', 'S7'].map((id) => S[id]!);
/** 2FAS schema 1 stores no parameters; schema 2 no type: README expectations. */
const schema1 = (a: OtpAccount) => totp(a.issuer, a.label, a.secret, 'SHA1', 6, 30);
const schema2 = (a: OtpAccount) =>
  totp(a.issuer, a.label, a.secret, a.algorithm, a.digits, a.type === 'totp' ? a.period : 30);

/** Each expected account is found by its secret (as Aegis's tests do) and must match exactly. */
function expectVectors(
  result: ImportResult,
  expected: OtpAccount[],
  opts: { extra?: number; names?: boolean } = {},
) {
  expect(result.accounts).toHaveLength(expected.length + (opts.extra ?? 0));
  for (const vector of expected) {
    const found = result.accounts.filter((a) => a.secret === vector.secret && a.type === vector.type);
    expect(found, vector.secret).toHaveLength(1);
    const got = core(found[0]!);
    if (opts.names === false || vector === S.S7)
      Object.assign(got, { issuer: vector.issuer, label: vector.label });
    expect(got).toEqual(vector);
  }
}

type Case = {
  file: string;
  format: FormatId;
  password?: string;
  wrong?: string;
  vectors?: OtpAccount[];
  extra?: number;
  names?: boolean;
  /** Steam Guard entries: imported with Steam's fixed settings (SHA1, 30 s, 5 characters). */
  steam?: number;
  skipped: number;
  check?: (r: ImportResult) => void;
};

const cases: Case[] = [
  // Aegis
  { file: 'aegis/aegis_plain.json', format: 'aegis', vectors: A1_6, steam: 1, skipped: 0 },
  {
    file: 'aegis/aegis_encrypted.json',
    format: 'aegis-encrypted',
    password: 'test',
    wrong: 'Test',
    vectors: A1_6,
    steam: 1,
    skipped: 0,
  },
  { file: 'aegis/aegis_plain_grouped_v2.json', format: 'aegis', vectors: A1_6, steam: 1, skipped: 0 },
  {
    file: 'aegis/stratum/aegis.unencrypted.json',
    format: 'aegis',
    vectors: S_ALL,
    extra: 1,
    steam: 1,
    skipped: 3,
  },
  {
    file: 'aegis/stratum/aegis.encrypted.json',
    format: 'aegis-encrypted',
    password: 'test',
    wrong: 'test1',
    vectors: S_ALL,
    extra: 1,
    steam: 1,
    skipped: 3,
  },
  ...(
    ['aegis/proton/aegis-json-unencrypted.json', 'aegis/proton/aegis-json-encrypted-test.json'] as const
  ).map((file): Case => ({
    file,
    format: file.includes('encrypted-test') ? 'aegis-encrypted' : 'aegis',
    ...(file.includes('encrypted-test') ? { password: 'test', wrong: 'invalid' } : {}),
    steam: 1,
    skipped: 0,
    check: (r) =>
      expect(r.accounts.map(core)).toEqual([
        totp('myissuer', 'mylabel815256', 'MYSECRET', 'SHA256', 8, 15),
        totp('myissuer', 'mylabeldefault', 'MYSECRET', 'SHA1', 6, 30),
      ]),
  })),
  {
    file: 'aegis/proton/aegis-json-unencrypted-hotp.json',
    format: 'aegis',
    skipped: 0,
    check: (r) => expect(r.accounts.map((a) => a.type)).toEqual(['totp', 'hotp']),
  },
  {
    file: 'aegis/proton/aegis-json-unencrypted-with-bad-period-digits.json',
    format: 'aegis',
    skipped: 2,
    check: (r) => expect(r.accounts).toEqual([]),
  },
  {
    file: 'aegis/proton/aegis-json-unencrypted-with-missing-fields.json',
    format: 'aegis',
    skipped: 0,
    check: (r) =>
      expect(r.accounts.map((a) => [a.issuer, a.label]).slice(0, 2)).toEqual([
        ['Proton', 'some@test.email'],
        ['Amazon', 'some@account.test'],
      ]),
  },
  {
    file: 'aegis/proton/aegis-txt.txt',
    format: 'otpauth-list',
    steam: 1,
    skipped: 0,
    check: (r) => expect(r.accounts).toHaveLength(2),
  },
  // 2FAS
  { file: '2fas/2fas_authenticator.json', format: '2fas', vectors: A1_6.map(schema1), skipped: 0 },
  {
    file: '2fas/2fas_authenticator_plain.2fas',
    format: '2fas',
    vectors: [A.A1!, A.A3!, A.A4!, A.A6!].map(schema2),
    skipped: 0,
  },
  {
    file: '2fas/2fas_authenticator_encrypted.2fas',
    format: '2fas-encrypted',
    password: 'test',
    wrong: 'tesT',
    vectors: [A.A1!, A.A3!, A.A4!, A.A6!].map(schema2),
    skipped: 0,
  },
  { file: '2fas/2fas_authenticator_plain_v3.2fas', format: '2fas', vectors: A1_6, skipped: 0 },
  {
    file: '2fas/2fas_authenticator_encrypted_v3.2fas',
    format: '2fas-encrypted',
    password: 'test',
    wrong: 'x',
    vectors: A1_6,
    skipped: 0,
  },
  {
    file: '2fas/2fas_authenticator_plain_v4.2fas',
    format: '2fas',
    vectors: [A.A1!, A.A4!, A.A5!, A.A6!],
    steam: 1,
    skipped: 0,
  },
  {
    file: '2fas/2fas_authenticator_encrypted_v4.2fas',
    format: '2fas-encrypted',
    password: 'test',
    wrong: 'x',
    vectors: [A.A1!, A.A4!, A.A5!, A.A6!],
    steam: 1,
    skipped: 0,
  },
  { file: '2fas/stratum/twofas.unencrypted.2fas', format: '2fas', vectors: S_ALL, skipped: 0 },
  {
    file: '2fas/stratum/twofas.encrypted.2fas',
    format: '2fas-encrypted',
    password: 'test',
    wrong: 'test1',
    vectors: S_ALL,
    skipped: 0,
  },
  {
    file: '2fas/proton/encrypted.2fas',
    format: '2fas-encrypted',
    password: 'test',
    wrong: 'x',
    steam: 1,
    skipped: 0,
    check: (r) =>
      expect(r.accounts.map(core)).toEqual([totp('myissuer', 'mylabeldefault', 'MYSECRET', 'SHA1', 6, 30)]),
  },
  {
    file: '2fas/proton/decrypted.2fas',
    format: '2fas',
    steam: 1,
    skipped: 0,
    check: (r) =>
      expect(r.accounts.map(core)).toEqual([totp('myissuer', 'mylabeldefault', 'MYSECRET', 'SHA1', 6, 30)]),
  },
  {
    file: '2fas/proton/decrypted_ios.2fas',
    format: '2fas',
    skipped: 0,
    check: (r) => expect(r.accounts.map((a) => a.issuer)).toEqual(['Code1 2FAS', 'Code2 2FAS']),
  },
  {
    file: '2fas/proton/decrypted_with_hotp.2fas',
    format: '2fas',
    skipped: 0,
    check: (r) => expect(r.accounts.map((a) => a.type)).toEqual(['totp', 'hotp']),
  },
  {
    file: '2fas/proton/decrypted_with_hotp_and_unsupported_algorithms.2fas',
    format: '2fas',
    skipped: 1,
    check: (r) => expect(r.accounts.map((a) => a.type)).toEqual(['hotp']),
  },
  {
    file: '2fas/proton/decrypted_with_hotp_missing_period.2fas',
    format: '2fas',
    skipped: 0,
    check: (r) =>
      expect(r.accounts.map((a) => [a.type, a.period])).toEqual([
        ['hotp', 30],
        ['totp', 60],
        ['totp', 90],
        ['totp', 30],
      ]),
  },
  {
    file: '2fas/proton/decrypted_with_manual_entries.2fas',
    format: '2fas',
    skipped: 0,
    check: (r) => {
      const names = r.accounts.map((a) => `${a.issuer}/${a.label}`);
      expect(names).toHaveLength(12); // Proton's 11 + the HOTP entry it cannot hold
      for (const n of [
        'Amazon/some@test.email',
        'GitHub/Test-acc',
        'Facebook/random.sometest',
        'Proton/sometestaccount@proton.me',
        'Reddit/Some-Account1234',
      ]) {
        expect(names).toContain(n);
      }
    },
  },
  {
    file: '2fas/proton/decrypted_with_missing_fields.2fas',
    format: '2fas',
    skipped: 0,
    check: (r) => expect(r.accounts[0]).toMatchObject({ algorithm: 'SHA1', digits: 6, period: 30 }),
  },
  // andOTP (plain JSON only: the encrypted .bin files are binary, see below)
  { file: 'andotp/andotp_plain.json', format: 'andotp', vectors: A1_6, steam: 1, skipped: 0 },
  { file: 'andotp/stratum/andotp.unencrypted.json', format: 'andotp', vectors: S_ALL, steam: 1, skipped: 2 },
  // Bitwarden
  {
    file: 'bitwarden/bitwarden.json',
    format: 'bitwarden-json',
    vectors: [A.A1!, A.A2!, A.A3!],
    steam: 1,
    skipped: 0,
  },
  {
    file: 'bitwarden/bitwarden.csv',
    format: 'bitwarden-csv',
    vectors: [A.A1!, A.A2!, A.A3!],
    steam: 1,
    skipped: 0,
  },
  // "Secret" item: a raw base32 totp is TOTP SHA1/6/30 named after the item.
  ...(
    [
      'bitwarden/stratum/bitwarden.unencrypted.json',
      'bitwarden/stratum/bitwarden.encrypted.pbkdf2.json',
      'bitwarden/stratum/bitwarden.encrypted.argon2id.json',
    ] as const
  ).map((file): Case => ({
    file,
    format: file.includes('.encrypted.') ? 'bitwarden-encrypted' : 'bitwarden-json',
    ...(file.includes('.encrypted.') ? { password: 'rud9^5S6$^Ewmr%d', wrong: 'rud9^5S6$^Ewmr%D' } : {}),
    vectors: [
      S.S1!,
      S.S3!,
      S.S4!,
      S.S6!,
      S.S7!,
      totp('Secret', 'john@example.com', S.S5!.secret, 'SHA1', 6, 30),
    ],
    names: false,
    steam: 1,
    skipped: 1,
    check: (r) =>
      expect(r.accounts.every((a) => a.websiteHint === 'https://example.com' && a.origin === undefined)).toBe(
        true,
      ),
  })),
  {
    file: 'bitwarden/stratum/bitwardenauthenticator.json',
    format: 'bitwarden-json',
    vectors: [S.S1!, S.S3!, S.S4!, S.S6!, S.S7!],
    skipped: 1,
  },
  ...(['bitwarden/proton/bitwarden.json', 'bitwarden/proton/bitwarden.csv'] as const).map((file): Case => ({
    file,
    format: file.endsWith('.csv') ? 'bitwarden-csv' : 'bitwarden-json',
    steam: 1,
    skipped: 0,
    check: (r) =>
      expect(r.accounts.map((a) => [a.issuer, a.label, a.algorithm, a.digits, a.period])).toEqual([
        ['ISSUER', 'LABEL_256_8_15', 'SHA256', 8, 15],
        ['ISSUER_DEFAULT', 'LABEL_DEFAULT', 'SHA1', 6, 30],
        ['SevenDigits', 'Seven digit username', 'SHA1', 7, 30],
      ]),
  })),
  {
    file: 'bitwarden/proton/bitwarden_app.json',
    format: 'bitwarden-json',
    skipped: 0,
    check: (r) =>
      expect(r.accounts.map(core)).toEqual([
        totp('ItemWithTOTP', 'myusername', 'KNKVARKSKNCUGUSFKRFUKWJR', 'SHA1', 6, 30),
      ]),
  },
  {
    file: 'bitwarden/proton/bitwarden_sample.csv',
    format: 'bitwarden-csv',
    skipped: 0,
    check: (r) => expect(r.accounts.map((a) => a.issuer).sort()).toEqual(['Code 2', 'Code 3', 'Code1']),
  },
  // Ente plain text (otpauth lines)
  { file: 'ente/ente_auth.txt', format: 'otpauth-list', vectors: A1_6, steam: 1, skipped: 0 },
  {
    file: 'ente/stratum/ente.unencrypted.txt',
    format: 'otpauth-list',
    vectors: S_ALL,
    names: false,
    skipped: 1,
  },
  {
    file: 'ente/proton/plain.txt',
    format: 'otpauth-list',
    skipped: 0,
    check: (r) =>
      expect(r.accounts.map(core)).toEqual([
        totp('MyIssuer', 'MyLabel256_8_15', 'JVMVGRKDKJCVI', 'SHA256', 8, 15),
        totp('MyIssuer', 'MyLabelDefault', 'JVMVGRKDKJCVI', 'SHA1', 6, 30),
      ]),
  },
  {
    file: 'ente/proton/plain_with_hotp.txt',
    format: 'otpauth-list',
    skipped: 2,
    check: (r) => expect(r.skipped.map((s) => s.code)).toEqual(['ENTRY_TRASHED', 'HOTP_NO_COUNTER']),
  },
  {
    file: 'ente/proton/plain_with_steam_and_hotp.txt',
    format: 'otpauth-list',
    steam: 1,
    skipped: 0,
    check: (r) =>
      expect(r.accounts.map((a) => [a.type, a.period])).toEqual([
        ['hotp', 30],
        ['totp', 90],
      ]),
  },
  {
    file: 'ente/proton/plain_with_missing_fields.txt',
    format: 'otpauth-list',
    skipped: 0,
    check: (r) => expect(r.accounts.map((a) => a.label)).toEqual(['accountname']),
  },
  {
    file: 'ente/proton/plain_20_entries.txt',
    format: 'otpauth-list',
    skipped: 0,
    check: (r) =>
      expect(r.accounts.map((a) => a.label)).toEqual(
        Array.from({ length: 20 }, (_, i) => `Account ${i + 1}`),
      ),
  },
  {
    file: 'ente/proton/encrypted_decrypted.txt',
    format: 'otpauth-list',
    steam: 1,
    skipped: 0,
    check: (r) => expect(r.accounts.map((a) => a.type)).toEqual(['hotp', 'totp']),
  },
  // Google Authenticator exports and otpauth lists
  {
    file: 'google_authenticator/scito/example_export.txt',
    format: 'google-migration',
    skipped: 0,
    check: (r) => expect(r.accounts.filter((a) => a.type === 'hotp').map((a) => a.counter)).toEqual([4]),
  },
  {
    file: 'google_authenticator/scito/test_plus_problem_export.txt',
    format: 'google-migration',
    skipped: 0,
    check: (r) =>
      expect(r.accounts.map((a) => a.secret)).toEqual([
        'A4RFDYMF4GSLUIBQV4ZP67OJEZ2XUQVM',
        'SCDDZ7PW5MOZLE3PQCAZM7L4S35K3UDX',
        'TR76272RVYO6EAEY2FX7W7R7KUDEGPJ4',
        'N2ILWSXSJUQUB7S6NONPJSC62NPG7EXN',
      ]),
  },
  {
    file: 'google_authenticator/stratum/googleauthenticator.txt',
    format: 'google-migration',
    skipped: 0,
    check: (r) => expect(r.accounts).toHaveLength(6),
  },
  { file: 'otpauth_uri/plain.txt', format: 'otpauth-list', vectors: A1_6, steam: 1, skipped: 0 },
  {
    file: 'otpauth_uri/stratum/urilist.txt',
    format: 'otpauth-list',
    vectors: S_ALL,
    names: false,
    skipped: 1,
  },
];

describe.skipIf(!present)(title, () => {
  it.each(cases)('$file', async (c) => {
    const text = read(c.file);
    expect(detectFormat(text)).toBe(c.format);
    const result = await importText(text, c.password);
    expect(result.format).toBe(c.format);
    const steam = result.accounts.filter((a) => a.encoder === 'steam');
    expect(steam).toHaveLength(c.steam ?? 0);
    for (const a of steam) expect([a.type, a.algorithm, a.digits, a.period]).toEqual(['totp', 'SHA1', 5, 30]);
    const extra = (c.extra ?? 0) + steam.length;
    if (c.vectors) expectVectors(result, c.vectors, { extra, names: c.names });
    expect(result.skipped, JSON.stringify(result.skipped)).toHaveLength(c.skipped);
    expect(result.skipped.every((s) => s.code in ERROR_CATALOG)).toBe(true);
    // Checks below describe the other accounts; Steam ones are counted and checked above.
    c.check?.({ ...result, accounts: result.accounts.filter((a) => a.encoder !== 'steam') });
  });

  const encrypted = cases.filter((c) => c.password !== undefined);
  it.each(encrypted)('$file: no password → NEEDS_PASSWORD; $wrong → WRONG_PASSWORD', async (c) => {
    const text = read(c.file);
    const name = FORMAT_NAMES[c.format];
    await expect(importText(text)).rejects.toMatchObject({ code: 'IMPORT_NEEDS_PASSWORD', params: [name] });
    const error = (await importText(text, c.wrong).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: 'IMPORT_WRONG_PASSWORD', params: [name] });
    expect(error.message).toBe(`Wrong passphrase for this ${name} file. Nothing was imported.`);
  });

  it.each<[string, ErrorCode, RegExp]>([
    [
      'bitwarden/stratum/bitwarden.encrypted.accountrestricted.json',
      'IMPORT_BITWARDEN_ACCOUNT_LOCKED',
      /locked to your Bitwarden account/,
    ],
    ['ente/stratum/ente.encrypted.json', 'IMPORT_ENTE_ENCRYPTED', /Encrypted Ente exports/],
    ['ente/proton/encrypted.lowcomplexity.txt', 'IMPORT_ENTE_ENCRYPTED', /Encrypted Ente exports/],
    ['andotp/andotp_encrypted.bin', 'IMPORT_UNSUPPORTED', /not a format Twofold can import/],
    ['andotp/andotp_encrypted_old.bin', 'IMPORT_UNSUPPORTED', /not a format Twofold can import/],
  ])('%s → %s with a clear message', async (file, code, message) => {
    const error = (await importText(read(file), 'test').catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ name: 'TwofoldError', code });
    expect(error.message).toMatch(message);
  });
});
