import { describe, expect, it } from 'vitest';
import { clockCheckEnabled, policyRequests, withBackupReminder } from '@/lib/policy/effective';
import type { Policies } from '@/lib/policy/reader';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

const DAY = 24 * 60 * 60_000;
const NOW = Date.parse('2026-12-05T12:00:00Z');

describe('the backup nudge under backupReminderDays', () => {
  it.each([
    // [what, dismissed, dismissed this many days ago (undefined: date unknown), policy days, shown]
    ['never dismissed, no policy', false, undefined, undefined, true],
    ['dismissed, no policy: stays away for good', true, 400, undefined, false],
    ['dismissed 6 days ago, reminder after 7', true, 6, 7, false],
    ['dismissed 7 days ago, reminder after 7', true, 7, 7, true],
    ['dismissed 30 days ago, reminder after 7', true, 30, 7, true],
    ['dismissed before its date was kept, reminder after 7', true, undefined, 7, true],
  ] as const)('%s: shown %s', (_what, dismissed, daysAgo, days, shown) => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      backupNudgeDismissed: dismissed,
      ...(daysAgo === undefined ? {} : { backupNudgeDismissedAt: NOW - daysAgo * DAY }),
    };
    const policies: Policies = days === undefined ? {} : { backupReminderDays: days };
    expect(!withBackupReminder(settings, policies, NOW).backupNudgeDismissed).toBe(shown);
  });

  it('never writes: the stored dismissal is left as it was', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      backupNudgeDismissed: true,
      backupNudgeDismissedAt: NOW - 9 * DAY,
    };
    withBackupReminder(settings, { backupReminderDays: 1 }, NOW);
    expect(settings.backupNudgeDismissed).toBe(true);
  });
});

describe('clockCheck against the user switch', () => {
  it.each([
    ['on', false, true],
    ['on', true, true],
    ['off', true, false],
    ['off', false, false],
    ['user', true, true],
    ['user', false, false],
    [undefined, true, true],
    [undefined, false, false],
  ] as const)('policy %s, user %s: the check runs %s', (policy, user, runs) => {
    expect(clockCheckEnabled(user, policy ? { clockCheck: policy } : {})).toBe(runs);
  });
});

describe('what the organisation asks of a vault after an unlock', () => {
  it.each([
    [
      'a short passphrase under a minimum',
      { minPassphraseLength: 12 },
      'eleven char',
      true,
      { passphraseMinLength: 12 },
    ],
    ['a long enough passphrase', { minPassphraseLength: 12 }, 'twelve chars', true, {}],
    // Counted in characters, not UTF-16 units: 12 emoji are 12 characters.
    ['twelve emoji', { minPassphraseLength: 12 }, '🦦'.repeat(12), true, {}],
    ['no passphrase typed (a passkey unlock)', { minPassphraseLength: 12 }, undefined, true, {}],
    ['no minimum', {}, 'short', true, {}],
    [
      'passkey required, none set up',
      { passkeyUnlock: 'required' },
      undefined,
      false,
      { passkeyRequired: true },
    ],
    ['passkey required, one set up', { passkeyUnlock: 'required' }, undefined, true, {}],
    ['passkey allowed, none set up', { passkeyUnlock: 'allowed' }, undefined, false, {}],
    [
      'both at once',
      { minPassphraseLength: 20, passkeyUnlock: 'required' },
      'short one',
      false,
      { passphraseMinLength: 20, passkeyRequired: true },
    ],
  ] as const)('%s', (_what, policies, passphrase, hasPasskey, expected) => {
    const facts = { hasPasskey, ...(passphrase === undefined ? {} : { passphrase }) };
    expect(policyRequests(policies as Policies, facts)).toEqual(expected);
  });
});
