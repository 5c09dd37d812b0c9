import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';
import {
  ERROR_CATALOG,
  errorText,
  fillTemplate,
  isTwofoldError,
  localizeError,
  type ErrorCode,
} from './errors';

export type MessageKey = keyof typeof en;

/**
 * Translated text for the browser's language (English and French ship), from
 * `_locales`. Missing keys fall back to the key itself so a gap is visible, not blank.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** Tell screen readers and the browser which language the page is in. */
export function applyDocumentLanguage(doc: Document): void {
  doc.documentElement.lang = browser.i18n.getUILanguage() || 'en';
  doc.title = t('extName');
}

/** A coded error's message in the browser's language (English from the catalog otherwise). */
export function errorMessage(code: ErrorCode, params: readonly string[] = []): string {
  return (
    browser.i18n.getMessage(`error_${code}` as MessageKey, [...params]) ||
    fillTemplate(ERROR_CATALOG[code], params)
  );
}

/**
 * Any thrown value in the browser's language: a coded error comes back as the same code with a
 * translated message, anything else unchanged. The router uses it for every reply.
 */
export function inUiLanguage(error: unknown): unknown {
  return localizeError(error, (key, params) => browser.i18n.getMessage(key as MessageKey, params));
}

/** The text to show for an error thrown on this page (coded errors in the browser's language). */
export function localErrorText(error: unknown): string {
  return isTwofoldError(error) ? errorMessage(error.code, error.params) : errorText(error);
}
