import { describe, expect, it } from 'vitest';
import { applyImportChoices } from '@/lib/background/import-commit';
import type { StoredAccount } from '@/lib/otp/account';
import type { ImportedAccount } from '@/lib/transfer/types';
import { storedAccount } from '../helpers/vault-fixtures';

const KEY_A = 'JBSWY3DPEHPK3PXP';
const KEY_B = 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TFOQ';
const KEY_C = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

function incoming(label: string, secret: string, origin?: string): ImportedAccount {
  return {
    type: 'totp',
    issuer: 'Example',
    label,
    secret,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    ...(origin ? { origin } : {}),
  };
}

/** In the vault: user1 with KEY_A. */
const saved: StoredAccount[] = [storedAccount(1)];
const NOW = 1_000_000;

/** The file: 0 = already in Twofold, 1 = same name other key, 2 = new, 3 = same key as row 2. */
const file = [
  incoming('user1@example.com', KEY_A),
  incoming('user1@example.com', KEY_B),
  incoming('nas', KEY_C, 'http://nas:5000'),
  incoming('nas-admin', KEY_C),
];

const summary = (accounts: StoredAccount[]) => accounts.map((a) => `${a.label}:${a.secret.slice(0, 4)}`);

describe('applyImportChoices: what an import writes from the choices on its preview', () => {
  it.each([
    ['nothing chosen', { select: [] }, 0, 0, ['user1@example.com:JBSW']],
    [
      'a key already in Twofold, even chosen, is never added',
      { select: [0] },
      0,
      0,
      ['user1@example.com:JBSW'],
    ],
    [
      'same name, other key: keep both',
      { select: [1] },
      1,
      0,
      ['user1@example.com:JBSW', 'user1@example.com:KRUG'],
    ],
    ['same name, other key: replace', { select: [1], replace: [1] }, 0, 1, ['user1@example.com:KRUG']],
    ['a replace not chosen does nothing', { select: [], replace: [1] }, 0, 0, ['user1@example.com:JBSW']],
    ['a new row', { select: [2] }, 1, 0, ['user1@example.com:JBSW', 'nas:GEZD']],
    [
      'same key as an earlier row, kept anyway (one key, two sites)',
      { select: [2, 3] },
      2,
      0,
      ['user1@example.com:JBSW', 'nas:GEZD', 'nas-admin:GEZD'],
    ],
    ['the repeat alone', { select: [3] }, 1, 0, ['user1@example.com:JBSW', 'nas-admin:GEZD']],
    [
      'replace on a row that is not a conflict adds it',
      { select: [2], replace: [2] },
      1,
      0,
      ['user1@example.com:JBSW', 'nas:GEZD'],
    ],
  ])('%s', (_name, choices, added, replaced, after) => {
    let id = 0;
    const outcome = applyImportChoices(saved, file, choices, NOW, () => `new-${++id}`);
    expect(outcome.added).toBe(added);
    expect(outcome.replaced).toBe(replaced);
    expect(summary(outcome.accounts)).toEqual(after);
  });

  it('a replaced key keeps the account (id, names) and the old key for undo', () => {
    const { accounts } = applyImportChoices(saved, file, { select: [1], replace: [1] }, NOW);
    expect(accounts[0]).toMatchObject({ id: 'id-1', label: 'user1@example.com', secret: KEY_B });
    expect(accounts[0]?.previousKeys?.[0]).toMatchObject({ secret: KEY_A, replacedAt: NOW });
  });
});
