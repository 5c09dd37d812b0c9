import { randomInt } from 'node:crypto';
import type { Lang } from './i18n.ts';
import { STRINGS, fmt } from './i18n.ts';
import type { SandboxState, SmsChallenge } from './state.ts';

/** Phone numbers compare without spaces, dots, dashes or parentheses. */
export function normalizePhone(input: string): string {
  return input.replace(/[\s.()-]/g, '');
}

export function isValidPhone(phone: string): boolean {
  return /^\+?\d{8,15}$/.test(phone);
}

/** "Sends" an SMS: it lands in the outbox, where tests read it through the control API. */
export function sendSmsCode(state: SandboxState, phone: string, lang: Lang, now: number): SmsChallenge {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  state.outbox.push({ to: phone, body: fmt(STRINGS[lang].smsBody, { code }), code, sentAt: now });
  return { phone, code, sentAt: now };
}
