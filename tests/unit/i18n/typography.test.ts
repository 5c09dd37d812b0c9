/**
 * Typography over the whole shipped catalogue, both languages: French spacing before high
 * punctuation and inside guillemets, one apostrophe, and sentences that end the same way in
 * English and French. Read from the same files the build ships (and the English error catalog).
 */
import { readFileSync } from 'node:fs';
import { parseMessagesText, type ParsedMessage } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG } from '@/lib/errors';

const parsed = (lang: 'en' | 'fr'): Map<string, ParsedMessage> =>
  new Map(
    parseMessagesText(readFileSync(`lib/i18n/locales/${lang}.yml`, 'utf8'), 'YAML')
      .filter((message) => !message.key[0]?.startsWith('@@'))
      .map((message) => [message.key.join('_'), message]),
  );
const texts = (message: ParsedMessage | undefined): string[] =>
  !message ? [] : message.type === 'plural' ? Object.values(message.plurals) : [message.message];

const EN = parsed('en');
const FR = parsed('fr');
/** English texts: the UI file, and the error catalog (English errors live in lib/). */
const CATALOG: Readonly<Record<string, string>> = ERROR_CATALOG;
const english = (key: string): string[] => {
  if (!key.startsWith('error_')) return texts(EN.get(key));
  const text = CATALOG[key.slice('error_'.length)];
  return text === undefined ? [] : [text];
};
const frenchKeys = [...FR.keys()];

/** Where French typography wants a (narrow) no-break space, and what it finds there. */
const NBSP = '[\u00a0\u202f]';
const FRENCH_RULES: [string, RegExp][] = [
  // "Faible : …", "Supprimer ? ", "… ; …": a no-break space, never a plain one or none.
  ['a no-break space before : ; ? !', new RegExp(`(?<!${NBSP})[:;?!](?=\\s|$)`, 'u')],
  ['a no-break space after «', new RegExp(`«(?!${NBSP})`, 'u')],
  ['a no-break space before »', new RegExp(`(?<!${NBSP})»`, 'u')],
  // One apostrophe style: the typographic one.
  ['the typographic apostrophe ’', /'/u],
];

describe.each(FRENCH_RULES)('French: %s', (_rule, wrong) => {
  it.each(frenchKeys)('%s', (key) => {
    for (const text of texts(FR.get(key))) expect(text).not.toMatch(wrong);
  });
});

/** A text that ends a sentence: with a full stop, a question or exclamation mark, or an ellipsis. */
const ENDS_SENTENCE = /[.?!…]\s*$/u;
/** A text of several sentences ("Saved. Reload the page"): it must end like one too. */
const SEVERAL_SENTENCES = /[.?!]\s+\p{Lu}/u;

describe('Sentences end the same way in both languages', () => {
  it.each(frenchKeys.filter((key) => english(key).length > 0))('%s', (key) => {
    const en = english(key);
    const fr = texts(FR.get(key));
    for (const text of [...en, ...fr]) {
      if (SEVERAL_SENTENCES.test(text)) expect(text).toMatch(ENDS_SENTENCE);
    }
    expect(fr.map((text) => ENDS_SENTENCE.test(text))).toEqual(fr.map(() => ENDS_SENTENCE.test(en[0] ?? '')));
  });
});
