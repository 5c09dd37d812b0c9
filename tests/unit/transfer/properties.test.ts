/** Whatever is pasted or dropped, import fails only with a coded import error, promptly. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TwofoldError } from '../../../lib/errors';
import { detectFormat, importText, isImportError } from '../../../lib/transfer';

async function outcome(text: string, password?: string): Promise<'ok' | 'error'> {
  try {
    const result = await importText(text, password);
    expect(Array.isArray(result.accounts)).toBe(true);
    return 'ok';
  } catch (error) {
    expect(isImportError(error), String(error)).toBe(true);
    expect((error as TwofoldError).message.length).toBeGreaterThan(10);
    return 'error';
  }
}

const shapes = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      null,
      true,
      0,
      1,
      6,
      30,
      -1,
      1e300,
      '',
      'totp',
      'hotp',
      'steam',
      'SHA1',
      'JBSWY3DPEHPK3PXP',
      '2.a|b|c',
    ),
    fc.string(),
    fc.integer(),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(
    fc.constantFrom(
      'version',
      'header',
      'db',
      'entries',
      'slots',
      'params',
      'type',
      'info',
      'secret',
      'name',
      'issuer',
      'services',
      'servicesEncrypted',
      'schemaVersion',
      'otp',
      'items',
      'login',
      'totp',
      'encrypted',
      'passwordProtected',
      'format',
      'label',
      'digits',
      'period',
      'counter',
      'algo',
      'algorithm',
      'kdf',
      'data',
    ),
    tie('value'),
    { maxKeys: 6 },
  ),
}));

/** Known format skeletons with arbitrary contents, so the importers themselves get exercised. */
const skeletons = fc.oneof(
  shapes.value.map((db) => ({ version: 1, header: { slots: null, params: null }, db })),
  shapes.array.map((entries) => ({ version: 1, header: {}, db: { version: 3, entries } })),
  shapes.array.map((services) => ({ services, schemaVersion: 4 })),
  shapes.array.map((items) => ({ encrypted: false, items })),
  shapes.array.map((items) => items),
  shapes.object.map((o) => ({ format: 'twofold-backup', version: 1, ...o })),
);

describe('importText never escapes with anything but a coded import error', () => {
  it('arbitrary strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) => {
        expect(detectFormat(text) === undefined || typeof detectFormat(text) === 'string').toBe(true);
        await outcome(text);
      }),
      { numRuns: 300 },
    );
  });

  it('URI-ish and CSV-ish lines', async () => {
    const line = fc.oneof(
      fc.string().map((s) => `otpauth://totp/${s}`),
      fc.string().map((s) => `otpauth://hotp/x?secret=${s}&counter=${s}`),
      fc.string().map((s) => `otpauth-migration://offline?data=${s}`),
      fc.string().map((s) => `name,login_totp\n${s}`),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 5 }), async (lines) => {
        await outcome(lines.join('\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary JSON shapes, with and without a password', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(shapes.value, skeletons),
        fc.option(fc.constantFrom('pw', 'test')),
        async (json, pw) => {
          await outcome(JSON.stringify(json), pw ?? undefined);
        },
      ),
      { numRuns: 400 },
    );
  });
});
