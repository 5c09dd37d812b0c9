import { afterEach, describe, expect, it, vi } from 'vitest';
import { syncWords } from '@/components/options/sync-words';
import { t, type Translate } from '@/lib/i18n';
import type { SyncStatusView } from '@/lib/protocol/sync';
import { useLocale } from '../helpers/locale';

/** The real `t`, over the shipped locale files as the browser reads them. */
function translator(lang: 'en' | 'fr'): Translate {
  useLocale(lang);
  return t;
}

const ON: SyncStatusView = {
  enabled: true,
  syncedVault: true,
  lastSentAt: 1,
  bytes: 41_984,
  limit: 102_400,
  percent: 41,
  accounts: 212,
  ignored: 0,
};
const when = () => '28/11/2026 11:00';

describe('the sync state in words (settings page)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says on, last change sent and received, and the space used', () => {
    expect(syncWords(ON, translator('en'), when)).toEqual({
      state: 'Sync is on.',
      details: [
        'Last change sent: 28/11/2026 11:00',
        'Last change received: not yet',
        "41 % of the browser's sync space (212 accounts)",
      ],
    });
    expect(syncWords(ON, translator('fr'), when).details[2]).toMatch(/^41 % de l/);
  });

  it('says off and nothing more while off, whatever was stored', () => {
    expect(syncWords({ ...ON, enabled: false, problem: 'full', ignored: 3 }, translator('en'), when)).toEqual(
      {
        state: 'Sync is off.',
        details: [],
      },
    );
  });

  it.each<[SyncStatusView['problem'], RegExp]>([
    ['full', /no longer fit in the browser's sync space \(137 % needed\)\. They are safe on this computer/],
    ['tooLarge', /One account is too large .* Your accounts are safe on this computer/],
    [
      'keyChanged',
      /changed on another computer\. Type the new passphrase below to keep syncing, or stop syncing on this computer\. Your passphrase here still opens/,
    ],
    ['otherVault', /another Twofold vault\. Turn sync off, then on again/],
    ['newerVersion', /A newer version of Twofold wrote the synced vault\. Update Twofold on this computer/],
    ['quota', /limits how often .* try again by itself/],
    ['failed', /failed\. It will try again by itself/],
  ])('a problem (%s) is said in words with what to do, in English and French', (problem, english) => {
    const status = { ...ON, problem, percent: 137 };
    expect(syncWords(status, translator('en'), when).problem).toMatch(english);
    const french = syncWords(status, translator('fr'), when).problem!;
    expect(french.length).toBeGreaterThan(20);
    expect(french).not.toEqual(syncWords(status, translator('en'), when).problem);
    if (problem === 'full') expect(french).toContain('137 %');
  });

  it.each(['en', 'fr'] as const)(
    'never says "off" while the switch is ticked and the passphrase is awaited (%s)',
    (lang) => {
      const off = { ...ON, enabled: false };
      const tr = translator(lang);
      const words = syncWords(off, tr, when, { asking: true });
      expect(words.state).toBe(tr('syncTurningOn'));
      expect(words.state).not.toBe(tr('syncOff'));
      expect(syncWords(off, tr, when).state).toBe(tr('syncOff'));
    },
  );

  it.each<['en' | 'fr', RegExp]>([
    ['en', /This computer keeps every account.*other computers are not changed/],
    ['fr', /Cet ordinateur garde tous ses comptes.*vos autres ordinateurs ne changent pas/],
  ])('turning sync off says what stays where (%s)', (lang, where) => {
    const words = syncWords({ ...ON, enabled: false }, translator(lang), when, { stopped: true });
    expect(words.details).toEqual([expect.stringMatching(where)]);
  });

  it('counts ignored (altered or replayed) changes in a notice', () => {
    expect(syncWords({ ...ON, ignored: 3 }, translator('en'), when).notice).toMatch(
      /^3 changes in the browser's sync space were ignored because they were altered or replayed/,
    );
    expect(syncWords(ON, translator('en'), when).notice).toBeUndefined();
  });

  it('tells the user that per-computer settings stay on this computer', () => {
    expect(translator('en')('syncIntro')).toMatch(/auto-lock and clipboard settings stay here/);
  });
});
