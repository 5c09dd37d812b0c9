import { browser } from 'wxt/browser';
import { localizeError } from '@/lib/errors';

/** An error raised in this page (not by the background), in the browser's language. */
export function localized(error: unknown): unknown {
  return localizeError(error, (key, subs) => browser.i18n.getMessage(key as 'extName', subs));
}
