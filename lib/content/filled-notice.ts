import type { ContentContext } from './context';

/** Long enough to be read and announced, short enough not to sit over the page's form. */
export const FILLED_NOTICE_MS = 2000;

/**
 * After a successful fill: the card says "Filled by Twofold" (a polite status, no buttons,
 * never takes focus) and goes away by itself, so the person knows who typed the code.
 */
export function announceFilled({ prompt, t }: Pick<ContentContext, 'prompt' | 't'>): void {
  prompt.show({ message: t('promptFilled'), buttons: [], autoHideMs: FILLED_NOTICE_MS });
}
