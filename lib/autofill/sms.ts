/**
 * Codes sent to the user (SMS, e-mail, voice call, messaging app, push notification, another
 * device: `channels.ts`). Twofold fills codes from the authenticator app; a field for a code the page sent by SMS
 * must never receive one (it would be wrong, and it teaches users to trust a mismatch).
 */
import { collectText, normalize } from './text';
import { channelOf, namesChannel } from './channels';

/** The (normalised or raw) text says a code was sent by SMS / text message. */
export function mentionsSmsCode(text: string): boolean {
  return namesChannel('sms', normalize(text));
}

/** The text says the code was sent through any out-of-band channel: it is not the authenticator's to fill. */
export function mentionsSentCode(text: string): boolean {
  return channelOf(normalize(text)) !== null;
}

/** The page's readable text says a code was sent by SMS (bounded read of the body). */
export function pageMentionsSmsCode(doc: Document): boolean {
  const body = doc.body ?? doc.documentElement;
  if (!body) return false;
  return mentionsSmsCode(collectText(body, 20_000, 5_000).text);
}
