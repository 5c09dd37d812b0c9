/**
 * SMS codes. Twofold fills codes from the authenticator app; a field for a code the page sent by SMS
 * must never receive one (it would be wrong, and it teaches users to trust a mismatch).
 */
import { collectText, normalize } from './text';
import { anyMatch, SMS_PHRASES } from './vocabulary';

/** The (normalised or raw) text says a code was sent by SMS / text message. */
export function mentionsSmsCode(text: string): boolean {
  return anyMatch(SMS_PHRASES, normalize(text));
}

/** The page's readable text says a code was sent by SMS (bounded read of the body). */
export function pageMentionsSmsCode(doc: Document): boolean {
  const body = doc.body ?? doc.documentElement;
  if (!body) return false;
  return mentionsSmsCode(collectText(body, 20_000, 5_000).text);
}
