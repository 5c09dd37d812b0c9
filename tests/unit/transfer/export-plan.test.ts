/** Plain exports (otpauth list, Google Authenticator batches) and the import preview plan. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorMessage, t } from '../../../lib/i18n';
import type { OtpAccount, StoredAccount } from '../../../lib/otp';
import { decodeMigrationUri } from '../../../lib/otp';
import {
  exportMigrationUris,
  exportOtpauthList,
  importText,
  migrationIncompatible,
  planImport,
} from '../../../lib/transfer';
import type { ImportedAccount } from '../../../lib/transfer';
import { useLocale } from '../helpers/locale';
import { core, V } from './helpers';

const gaFriendly = (i: number): OtpAccount => ({
  ...V(1),
  issuer: `Site ${i}`,
  label: `user${i}@example.com`,
  secret: ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LK'][i % 3]!,
});

describe('exportOtpauthList', () => {
  it('one URI per line, read back identically by importText', async () => {
    const text = exportOtpauthList([V(1), V(2), V(3)]);
    expect(text.trimEnd().split('\n')).toHaveLength(3);
    const result = await importText(text);
    expect(result.format).toBe('otpauth-list');
    expect(result.accounts.map(core)).toEqual([V(1), V(2), V(3)]);
  });

  it('empty list → empty text', () => {
    expect(exportOtpauthList([])).toBe('');
  });
});

describe('exportMigrationUris', () => {
  it.each([1, 10, 11, 25])('%i accounts → batches of at most 10 with index/size/id', (n) => {
    const accounts = Array.from({ length: n }, (_, i) => gaFriendly(i));
    const uris = exportMigrationUris(accounts, 1234);
    expect(uris).toHaveLength(Math.ceil(n / 10));
    const decoded = uris.map((u) => decodeMigrationUri(u));
    decoded.forEach((d, index) => expect(d.batch).toEqual({ index, size: uris.length, id: 1234 }));
    expect(decoded.flatMap((d) => d.accounts)).toEqual(accounts);
  });

  it('a random positive batch id by default; nothing for no accounts', () => {
    const [uri] = exportMigrationUris([gaFriendly(0)]);
    expect(decodeMigrationUri(uri!).batch.id).toBeGreaterThanOrEqual(0);
    expect(exportMigrationUris([])).toEqual([]);
  });

  it('what Google Authenticator cannot hold is listed, and exporting it throws by name', () => {
    expect(migrationIncompatible([V(1), V(2), V(3)])).toEqual([
      {
        name: 'Acme Corp (bob)',
        code: 'MIGRATION_CANNOT_HOLD_PERIOD',
        params: ['Acme Corp (bob)', '60'],
      },
      { name: 'Forge (carol)', code: 'MIGRATION_CANNOT_HOLD_7_DIGITS', params: ['Forge (carol)'] },
    ]);
    expect(() => exportMigrationUris([V(2)])).toThrow(/Acme Corp \(bob\)/);
  });
});

describe('a Steam Guard account in a Google Authenticator transfer export', () => {
  const steam: OtpAccount = { ...V(1), issuer: 'Steam', label: 'gabe', digits: 5, encoder: 'steam' };
  afterEach(() => vi.restoreAllMocks());

  it('is left out (never written as a 5-digit code), by name, for being Steam', () => {
    expect(migrationIncompatible([gaFriendly(0), steam])).toEqual([
      { name: 'Steam (gabe)', code: 'MIGRATION_CANNOT_HOLD_STEAM', params: ['Steam (gabe)'] },
    ]);
    expect(() => exportMigrationUris([steam])).toThrow(/Steam \(gabe\)/);
  });

  it.each([
    ['en', 'Steam (gabe): a Google Authenticator export cannot hold Steam Guard accounts'],
    ['fr', 'Steam (gabe)\u00a0: un export Google Authenticator ne peut pas contenir de compte Steam Guard'],
  ] as const)('%s: the reason names Steam, and so does the export’s "left out" notice', (lang, reason) => {
    useLocale(lang);
    const [left] = migrationIncompatible([steam]);
    expect(errorMessage(left!.code, left!.params)).toBe(reason);
    expect(t('transferLeftOut')).toMatch(/Steam Guard/);
  });
});

describe('planImport', () => {
  const existing: StoredAccount[] = [
    { ...V(1), id: 'e1', origin: 'https://example.com', createdAt: 0, updatedAt: 0 },
    { ...V(2), id: 'e2', createdAt: 0, updatedAt: 0 },
  ];
  const incoming = (a: Partial<ImportedAccount>): ImportedAccount => ({ ...V(3), ...a });

  it.each<[string, ImportedAccount, string, string | undefined]>([
    ['same secret, unbound', incoming({ secret: V(1).secret }), 'duplicate', 'e1'],
    [
      'same secret spelt differently',
      incoming({ secret: `${V(2).secret.toLowerCase()}====` }),
      'duplicate',
      'e2',
    ],
    [
      'same secret, same origin',
      incoming({ secret: V(1).secret, origin: 'https://example.com' }),
      'duplicate',
      'e1',
    ],
    [
      'same secret, other origin',
      incoming({ secret: V(1).secret, origin: 'https://other.example' }),
      'new',
      undefined,
    ],
    ['same names, other secret', incoming({ issuer: 'acme corp', label: 'BOB' }), 'conflict', 'e2'],
    ['unrelated', incoming({}), 'new', undefined],
    ['nameless, other secret', incoming({ issuer: '', label: '' }), 'new', undefined],
  ])('%s → %s', (_, account, status, existingId) => {
    const [item] = planImport(existing, [account]);
    expect(item).toEqual({ account, status, ...(existingId ? { existingId } : {}) });
  });

  it('keeps order and length', () => {
    const list = [V(3), V(1), V(2)].map((a) => ({ ...a }));
    expect(planImport(existing, list).map((p) => p.status)).toEqual(['new', 'duplicate', 'duplicate']);
  });

  it.each<[string, Partial<ImportedAccount>[], (string | number)[][]]>([
    [
      'twenty rows, one key',
      Array.from({ length: 20 }, () => ({})),
      [['new'], ...Array.from({ length: 19 }, () => ['repeat', 0])],
    ],
    ['one key spelt two ways', [{}, { secret: V(3).secret.toLowerCase() }], [['new'], ['repeat', 0]]],
    [
      'one key on two sites is two accounts',
      [{ origin: 'https://a.example' }, { origin: 'https://b.example' }, { origin: 'https://b.example' }],
      [['new'], ['new'], ['repeat', 1]],
    ],
    [
      'a repeat of a vault account is a duplicate',
      [{ secret: V(1).secret }, { secret: V(1).secret }],
      [['duplicate'], ['duplicate']],
    ],
  ])('within one file: %s', (_, rows, expected) => {
    const plan = planImport(existing, rows.map(incoming));
    expect(plan.map((p) => (p.repeatOf === undefined ? [p.status] : [p.status, p.repeatOf]))).toEqual(
      expected,
    );
  });
});
