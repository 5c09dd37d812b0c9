// @vitest-environment node
/**
 * Conformance against real Google Authenticator exports collected from other projects' test data
 * (../shared/fixtures/import/, see its README). Read in place, never copied: the files are GPL.
 * Skipped, saying so, when the folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { OtpAccount } from '../../../lib/otp';
import { decodeMigrationUri, parseAnyOtpText, parseOtpauthUri } from '../../../lib/otp';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dir = join(repoRoot, '../shared/fixtures/import/google_authenticator');
const present = existsSync(dir);
const read = (path: string) => readFileSync(join(dir, path), 'utf8');
const title = present
  ? 'conformance: Google Authenticator exports'
  : `conformance: Google Authenticator exports (SKIPPED: fixture folder ${dir} is absent)`;

if (!present) console.warn(`Skipping ${title}`);

/**
 * How we split a GA name. The Key URI format says "Issuer:account" is issuer + account, so a
 * name like "encoding: ¿äÄéÉ? (demo)" with no issuer field reads as issuer "encoding" (scito keeps
 * it whole; both render as the same text).
 */
function expectedNames(name: string, issuer: string): { issuer: string; label: string } {
  if (issuer !== '' && name.startsWith(`${issuer}:`))
    return { issuer, label: name.slice(issuer.length + 1).trim() };
  const colon = name.indexOf(':');
  if (issuer === '' && colon >= 0)
    return { issuer: name.slice(0, colon).trim(), label: name.slice(colon + 1).trim() };
  return { issuer, label: name };
}

describe.skipIf(!present)(title, () => {
  describe('scito/example_export.txt', () => {
    const text = present ? read('scito/example_export.txt') : '';
    const expected = present
      ? (JSON.parse(read('scito/example_output.json')) as {
          name: string;
          secret: string;
          issuer: string;
          type: string;
          counter: number | null;
        }[])
      : [];

    it('imports the 6 accounts scito expects, in order, with no errors', () => {
      const { accounts, errors } = parseAnyOtpText(text);
      expect(errors).toEqual([]);
      expect(accounts).toHaveLength(6);
      accounts.forEach((account, i) => {
        const e = expected[i];
        if (!e) throw new Error('missing expectation');
        expect(account).toEqual({
          type: e.type as OtpAccount['type'],
          ...expectedNames(e.name, e.issuer),
          secret: e.secret,
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
          counter: e.counter ?? 0,
        } satisfies OtpAccount);
      });
    });

    it("matches the otpauth URIs in the file's comments (which list a batch in another order)", () => {
      const commented = text
        .split('\n')
        .filter((line) => line.startsWith('# otpauth://'))
        .map((line) => parseOtpauthUri(line.slice(2)));
      expect(commented).toHaveLength(6);
      const accounts = parseAnyOtpText(text).accounts;
      expect(accounts).toHaveLength(commented.length);
      expect(accounts).toEqual(expect.arrayContaining(commented));
      expect(commented).toEqual(expect.arrayContaining(accounts));
    });

    it('reads every batch as 1 of 1', () => {
      for (const line of text.split('\n').filter((l) => l.startsWith('otpauth-migration:'))) {
        expect(decodeMigrationUri(line).batch).toMatchObject({ index: 0, size: 1 });
      }
    });
  });

  it('scito/example_export_only_totp.txt: 5 TOTP accounts', () => {
    const { accounts, errors } = parseAnyOtpText(read('scito/example_export_only_totp.txt'));
    expect(errors).toEqual([]);
    expect(accounts.map((a) => a.type)).toEqual(['totp', 'totp', 'totp', 'totp', 'totp']);
  });

  describe('scito/test_plus_problem_export.txt (raw +, / and superfluous padding)', () => {
    const expected = [
      'A4RFDYMF4GSLUIBQV4ZP67OJEZ2XUQVM',
      'SCDDZ7PW5MOZLE3PQCAZM7L4S35K3UDX',
      'TR76272RVYO6EAEY2FX7W7R7KUDEGPJ4',
      'N2ILWSXSJUQUB7S6NONPJSC62NPG7EXN',
    ].map((secret, i): OtpAccount => ({
      type: 'totp',
      issuer: 'SerenityLabs',
      label: `test${i + 1}@serenitylabs.co.uk`,
      secret,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    }));
    it.each([
      ['as in the file', (s: string) => s],
      ['with + turned into spaces by a copy-paste', (s: string) => s.replace(/\+/g, ' ')],
      [
        'percent-encoded',
        (s: string) => s.replace(/data=(.*)$/, (_m, d: string) => `data=${encodeURIComponent(d)}`),
      ],
    ])('%s', (_name, mangle) => {
      const line = read('scito/test_plus_problem_export.txt').trim();
      const result = decodeMigrationUri(mangle(line));
      expect(result.accounts).toEqual(expected);
      expect(result.skipped).toEqual([]);
    });
  });

  it('stratum/googleauthenticator.txt: 6 accounts, HOTP counter 10, periods lost to 30 s', () => {
    const result = decodeMigrationUri(read('stratum/googleauthenticator.txt').trim());
    expect(result.skipped).toEqual([]);
    expect(result.batch).toMatchObject({ index: 0, size: 1 });
    const base = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } as const;
    expect(result.accounts).toEqual([
      {
        ...base,
        issuer: 'Sha',
        label: '512',
        algorithm: 'SHA512',
        secret: 'UW33SR5O4EKTDXNCBBS5FSPUKAYXIWOH',
      },
      {
        ...base,
        issuer: 'Sha',
        label: '256',
        algorithm: 'SHA256',
        secret: 'RJNZJM7PAGJUBG32XHQWHFZVLYOMGIUQ',
      },
      { ...base, issuer: 'Standard', label: 'Totp', secret: '54VEGZFJHM3BGDONFERMPUOKNGDJETGM' },
      {
        ...base,
        issuer: 'Standard',
        label: 'Hotp',
        type: 'hotp',
        counter: 10,
        secret: 'JOR2VZXMNHACFNLRAOACFFRDRYAOFMLB',
      },
      { ...base, issuer: '', label: 'NoIssuer', secret: 'KY2QJPMNQLSGSZE2C5F7AYBLBVEEDHFX' },
      { ...base, issuer: 'Long', label: 'Period', secret: 'JGRMXBLPPYQIFMRBFQDHNP3MPPYQYNUN' },
    ]);
  });

  describe('inline_test_vectors.json (dim13/otpauth and Proton test sources)', () => {
    interface Entry {
      name: string;
      issuer: string;
      secret: string;
      type: string;
      algorithm: string;
      digits?: number | string;
      counter?: number;
    }
    interface Vector {
      id: string;
      uri: string;
      asserted: Record<string, unknown>;
      decoded: { entries: Entry[] };
    }
    const vectors = present
      ? (JSON.parse(read('inline_test_vectors.json')) as { vectors: Vector[] }).vectors
      : [];

    it.each(vectors.map((v) => [v.id, v] as const))('%s decodes as documented', (_id, vector) => {
      const result = decodeMigrationUri(vector.uri);
      expect(result.skipped).toEqual([]);
      expect(result.accounts).toEqual(
        vector.decoded.entries.map((e): OtpAccount => ({
          type: e.type === 'HOTP' ? 'hotp' : 'totp',
          ...expectedNames(e.name, e.issuer),
          secret: e.secret,
          // "UNSPECIFIED (field absent)" means the defaults, as in Google Authenticator.
          algorithm: e.algorithm.startsWith('SHA') ? (e.algorithm as OtpAccount['algorithm']) : 'SHA1',
          digits: typeof e.digits === 'number' ? e.digits : 6,
          period: 30,
          counter: e.counter ?? 0,
        })),
      );
    });

    it('dim13-convert gives the account of its asserted otpauth URI', () => {
      const v = vectors.find((x) => x.id === 'dim13-convert');
      const asserted = v?.asserted.first_entry_as_otpauth;
      if (!v || typeof asserted !== 'string') throw new Error('vector missing');
      expect(decodeMigrationUri(v.uri).accounts[0]).toEqual(parseOtpauthUri(asserted));
    });

    it('proton-it_can_import: what Proton asserts', () => {
      const v = vectors.find((x) => x.id === 'proton-it_can_import');
      if (!v) throw new Error('vector missing');
      const [account, ...rest] = decodeMigrationUri(v.uri).accounts;
      expect(rest).toEqual([]);
      expect(account).toMatchObject({
        label: 'MYLABEL',
        issuer: 'MYISSUER',
        algorithm: 'SHA256',
        digits: 8,
        period: 30,
      });
    });

    it('proton-can_import_skipping_hotp: 5 TOTP + the 2 HOTP Proton cannot import', () => {
      const v = vectors.find((x) => x.id === 'proton-can_import_skipping_hotp');
      if (!v) throw new Error('vector missing');
      const { accounts } = decodeMigrationUri(v.uri);
      expect(accounts.filter((a) => a.type === 'totp')).toHaveLength(5);
      expect(accounts.filter((a) => a.type === 'hotp')).toHaveLength(2);
    });
  });
});
