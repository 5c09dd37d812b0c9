import { afterEach, describe, expect, it, vi } from 'vitest';
import { clockQuestionText, clockShiftWords } from '@/components/clock-words';
import { toView } from '@/lib/background/accounts';
import { parseOtpauthUri } from '@/lib/otp/uri';
import { generateCode } from '@/lib/otp/codes';
import { useLocale } from '../helpers/locale';

const O = 'https://m2mmanager.matooma.com';
const MIN = 60_000;
const NBSP = '\u00a0';

describe('the clock question and the shifted-code mark, in English and French', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['en', 9 * MIN, "This site's clock is 9 minutes ahead. Use its time?"],
    ['en', -9 * MIN - 20_000, "This site's clock is 9 minutes behind. Use its time?"],
    ['en', 14 * MIN + 50_000, "This site's clock is 15 minutes ahead. Use its time?"],
    ['fr', 9 * MIN, `L’horloge de ce site a 9 minutes d’avance. Utiliser son heure${NBSP}?`],
    ['fr', -3 * MIN, `L’horloge de ce site a 3 minutes de retard. Utiliser son heure${NBSP}?`],
  ] as const)('%s, %i ms: %s', (lang, offsetMs, text) => {
    useLocale(lang);
    expect(clockQuestionText({ origin: O, offsetMs })).toBe(text);
  });

  it.each([
    ['en', 9 * MIN, 'Site time, +9 min', "Code on the site's time, 9 min ahead of this computer."],
    ['en', 47_000, 'Site time, +47 s', "Code on the site's time, 47 s ahead of this computer."],
    ['en', -90_000, 'Site time, −2 min', "Code on the site's time, 2 min behind this computer."],
    [
      'fr',
      9 * MIN,
      'Heure du site, +9 min',
      'Code à l’heure du site, en avance de 9 min sur cet ordinateur.',
    ],
    ['fr', -47_000, 'Heure du site, −47 s', 'Code à l’heure du site, en retard de 47 s sur cet ordinateur.'],
  ] as const)('%s, shift %i: "%s"', (lang, shiftMs, mark, spoken) => {
    useLocale(lang);
    const words = clockShiftWords(shiftMs);
    expect(words.mark).toBe(mark);
    expect(words.spoken).toBe(spoken);
  });
});

describe('a code on the site’s time is marked as such', () => {
  const T = Date.parse('2026-11-28T09:00:00Z');
  const totp = {
    id: 'a',
    ...parseOtpauthUri('otpauth://totp/Site:jane?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Site'),
    origin: O,
    createdAt: T,
    updatedAt: T,
  };
  it.each([
    ['no shift', 0, undefined],
    ['9 min ahead, agreed', 9 * MIN, 9 * MIN],
    ['47 s behind', -47_000, -47_000],
  ])('%s', (_what, correction, mark) => {
    const view = toView(totp, T, correction);
    expect(view.code).toBe(generateCode(totp, T + correction));
    expect(view.problem ? undefined : view.clockShiftMs).toBe(mark);
  });
});
