import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, fillTemplate, localizeError, TwofoldError, type ErrorCode } from '@/lib/errors';

import { builtMessages as locale } from '../../locales';

const codes = Object.keys(ERROR_CATALOG) as ErrorCode[];
const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();

describe('the error model', () => {
  it.each([
    ['no parameter', 'Plain text', [], 'Plain text'],
    ['two parameters', 'From $1 to $2', ['a', 'b'], 'From a to b'],
    ['a literal dollar', 'Costs $$5 for $1', ['x'], 'Costs $5 for x'],
    ['a missing parameter stays visible', 'Need $2', ['a'], 'Need $2'],
  ])('fills templates: %s', (_name, template, params, expected) => {
    expect(fillTemplate(template, params)).toBe(expected);
  });

  it('translates by code, keeps code and parameters, and leaves other values alone', () => {
    const fr = (key: string, subs: string[]) =>
      key === 'error_WRONG_PASSPHRASE' ? `Faux (${subs.join()})` : '';
    const wrong = localizeError(new TwofoldError('WRONG_PASSPHRASE', ['p']), fr);
    expect(wrong).toBeInstanceOf(TwofoldError);
    expect(wrong).toMatchObject({ code: 'WRONG_PASSPHRASE', params: ['p'], message: 'Faux (p)' });
    const locked = new TwofoldError('LOCKED');
    expect(localizeError(locked, fr)).toBe(locked);
    const other = new Error('x');
    expect(localizeError(other, fr)).toBe(other);
  });

  // English lives in lib/ only, so one text cannot drift from another.
  it('keeps English in the code: no error_ key in the English catalog', () => {
    expect(Object.keys(locale('en')).filter((key) => key.startsWith('error_'))).toEqual([]);
  });

  it.each(codes)('has a French message for %s with the same parameters', (code) => {
    const french = locale('fr')[`error_${code}`]?.message;
    expect(french, `error_${code} missing in fr`).toBeTruthy();
    expect(placeholders(french ?? '')).toEqual(placeholders(ERROR_CATALOG[code]));
  });
});
