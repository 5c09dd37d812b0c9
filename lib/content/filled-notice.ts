import { accountName } from '../otp/names';
import type { ContentContext } from './context';

/** Long enough to be read and announced, short enough not to sit over the page's form. */
export const FILLED_NOTICE_MS = 2000;

/**
 * After a successful fill: the card says "Filled by Twofold: <account>." (a polite status, no
 * buttons, never takes focus) and goes away by itself, so the person knows who typed the code and
 * for which account.
 */
export function announceFilled(
  { prompt, t }: Pick<ContentContext, 'prompt' | 't'>,
  account: { issuer?: string; label?: string },
): void {
  const name = accountName({ issuer: account.issuer ?? '', label: account.label ?? '' });
  prompt.show({ message: t('promptFilled', [name]), buttons: [], autoHideMs: FILLED_NOTICE_MS });
}
