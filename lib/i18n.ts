import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

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
