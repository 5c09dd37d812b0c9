import { fakeBrowser } from 'wxt/testing/fake-browser';
import { vi } from 'vitest';
import { builtMessages, getMessageFrom, type Lang } from '../../locales';

/** Run the extension's `i18n` APIs in `lang` with the shipped messages, as the browser would. */
export function useLocale(lang: Lang): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessageFrom(builtMessages(lang)));
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(lang);
}
