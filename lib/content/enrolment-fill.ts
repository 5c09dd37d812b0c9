import { fillTarget, findOtpTargets } from '../autofill';

/**
 * Right after "Save to Twofold": put the first code in the page's one-time-code
 * field ("Enter your one-time code"). Never in a field for a code sent by SMS.
 */
export async function fillEnrolmentCode(doc: Document, win: Window, code: string): Promise<boolean> {
  const target = findOtpTargets(doc, win, { digits: code.length }).find((t) => !t.sms);
  return target ? fillTarget(target, code, win) : false;
}
