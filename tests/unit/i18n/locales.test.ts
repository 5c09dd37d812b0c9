import { readFileSync } from 'node:fs';
import { parseMessagesText, type ParsedMessage } from '@wxt-dev/i18n/build';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { t } from '@/lib/i18n';
import type { Lang } from '../../locales';
import { useLocale } from '../helpers/locale';

const parsed = (lang: Lang): Map<string, ParsedMessage> =>
  new Map(
    parseMessagesText(readFileSync(`lib/i18n/locales/${lang}.yml`, 'utf8'), 'YAML')
      .filter((message) => !message.key[0]?.startsWith('@@'))
      .map((message) => [message.key.join('_'), message]),
  );
const EN = parsed('en');
const FR = parsed('fr');
const uiKeys = [...EN.keys()];
const texts = (message: ParsedMessage): string[] =>
  message.type === 'plural' ? Object.values(message.plurals) : [message.message];
const params = (text: string) => [...new Set(text.match(/\$[1-9]/g) ?? [])].sort();

describe('the locale files', () => {
  it('French has every English message and no UI message English lacks', () => {
    const frenchUi = [...FR.keys()].filter((key) => !key.startsWith('error_'));
    expect(uiKeys.filter((key) => !FR.has(key))).toEqual([]);
    expect(frenchUi.filter((key) => !EN.has(key))).toEqual([]);
  });

  it.each(uiKeys)('%s has the same parameters and kind in both languages', (key) => {
    const en = EN.get(key)!;
    const fr = FR.get(key)!;
    expect(fr.type).toBe(en.type);
    const all = (message: ParsedMessage) => [...new Set(texts(message).flatMap(params))].sort();
    expect(all(fr)).toEqual(all(en));
  });

  // A number written next to a counted noun must choose its form: "1 account", "2 accounts".
  const COUNTED = /\$[1-9] (accounts?|comptes?|seconds?|secondes?|changes?|modifications?|copy|copies)\b/;
  it.each(uiKeys)('%s has plural forms if it counts something', (key) => {
    for (const lang of [EN, FR]) {
      const message = lang.get(key)!;
      if (message.type !== 'plural') expect(texts(message).join(' ')).not.toMatch(COUNTED);
    }
  });

  // French uses the singular for 0 and 1 ("0 compte ajouté"); the library's 0 form carries it.
  it.each(uiKeys.filter((key) => FR.get(key)?.type === 'plural'))(
    'French %s has a 0 form in the singular',
    (key) => {
      const message = FR.get(key)!;
      if (message.type !== 'plural') throw new Error('not plural');
      expect(message.plurals['0']).toBe(message.plurals['1']);
    },
  );
});

describe('t() in the browser, with the shipped messages', () => {
  afterEach(() => vi.restoreAllMocks());

  describe.each([
    ['en', 0, '0 accounts added.', 'Add 0 selected accounts'],
    ['en', 1, '1 account added.', 'Add 1 selected account'],
    ['en', 2, '2 accounts added.', 'Add 2 selected accounts'],
    ['fr', 0, '0 compte ajouté.', 'Ajouter 0 compte coché'],
    ['fr', 1, '1 compte ajouté.', 'Ajouter 1 compte coché'],
    ['fr', 2, '2 comptes ajoutés.', 'Ajouter les 2 comptes cochés'],
  ] as const)('%s, %i', (lang, count, added, add) => {
    beforeEach(() => useLocale(lang));
    it('chooses the plural form by count', () => {
      expect(t('importedCount', count)).toBe(added);
      expect(t('addSelected', count)).toBe(add);
    });
  });

  it.each([
    ['en', 1, 'Google Authenticator: 1 account found'],
    ['en', 20, 'Google Authenticator: 20 accounts found'],
    ['fr', 1, 'Google Authenticator\u00a0: 1 compte trouvé'],
    ['fr', 20, 'Google Authenticator\u00a0: 20 comptes trouvés'],
  ] as const)('%s: a counted message with other parameters (%i)', (lang, count, expected) => {
    useLocale(lang);
    expect(t('previewTitle', count, ['Google Authenticator', count])).toBe(expected);
  });

  it('fills parameters of plain messages', () => {
    useLocale('en');
    expect(t('nextCodeFor', ['GitHub'])).toBe('Next code of GitHub');
  });
});
