import { i18n, type GeneratedI18nStructure } from '#i18n';
import { browser } from 'wxt/browser';
import {
  ERROR_CATALOG,
  errorText,
  fillTemplate,
  isTwofoldError,
  localizeError,
  type ErrorCode,
} from '../errors';

/**
 * Translated text for the browser's language (English and French ship), from `locales/*.yml`
 * through `@wxt-dev/i18n`: keys, parameter counts and plural forms are checked by the compiler
 * (`t('importedCount', n)` picks "1 account added." or "2 accounts added.").
 */
export const t = i18n.t;

/** `t` as a value, for modules that take it as a parameter so tests can inject one. */
export type Translate = typeof t;

type Structure = GeneratedI18nStructure;

/** A message that takes no parameter and has no plural forms: safe to keep in a lookup table. */
export type MessageKey = {
  [K in keyof Structure]: Structure[K] extends { plural: false; substitutions: 0 } ? K : never;
}[keyof Structure];

/** Tell screen readers and the browser which language the page is in. */
export function applyDocumentLanguage(doc: Document): void {
  doc.documentElement.lang = browser.i18n.getUILanguage() || 'en';
  doc.title = t('extName');
}

/**
 * A coded error's message in the browser's language. Error texts are looked up by code (the
 * French ones are `error.<CODE>` in the locale files); English comes from the catalog in `lib/`.
 */
export function errorMessage(code: ErrorCode, params: readonly string[] = []): string {
  return messageByName(`error_${code}`, [...params]) || fillTemplate(ERROR_CATALOG[code], params);
}

/**
 * The raw lookup, for names built from an error code: they are not in the typed structure
 * (which follows the English file, and English error texts live in `lib/`), and a miss is
 * expected in English, so `i18n.t`'s "not found" warning would be noise.
 */
function messageByName(name: string, params: string[]): string {
  const i18nApi = browser.i18n as { getMessage(name: string, substitutions?: string[]): string };
  return i18nApi.getMessage(name, params);
}

/**
 * Any thrown value in the browser's language: a coded error comes back as the same code with a
 * translated message, anything else unchanged. The router uses it for every reply.
 */
export function inUiLanguage(error: unknown): unknown {
  return localizeError(error, messageByName);
}

/** The text to show for an error thrown on this page (coded errors in the browser's language). */
export function localErrorText(error: unknown): string {
  return isTwofoldError(error) ? errorMessage(error.code, error.params) : errorText(error);
}
