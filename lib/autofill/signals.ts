/**
 * Reading one field: its texts, normalised once, and the exclusion verdict. Shared by single-field
 * and split-box detection.
 */
import { normalize, ownText } from './text';
import {
  anyMatch,
  CODE_WORD,
  EITHER_CODE,
  HARD_EXCLUSIONS,
  OTHER_AUTOCOMPLETE,
  OTP_PHRASES,
  SOFT_EXCLUSIONS,
  STRONG_NAME_TOKENS,
  WEAK_NAME_TOKENS,
} from './vocabulary';

export type FieldTexts = {
  label: string;
  ariaLabel: string;
  placeholder: string;
  describedBy: string;
  /** name and id split into words: "otpCode" → "otp code". */
  name: string;
  autocomplete: string;
  type: string;
};

export function fieldTexts(input: HTMLInputElement): FieldTexts {
  const own = ownText(input);
  return {
    label: normalize(own.label),
    ariaLabel: normalize(own.ariaLabel),
    placeholder: normalize(own.placeholder),
    describedBy: normalize(own.describedBy),
    name: splitIdentifier(`${input.getAttribute('name') ?? ''} ${input.id}`),
    autocomplete: (input.getAttribute('autocomplete') ?? '').toLowerCase().trim(),
    type: (input.getAttribute('type') ?? '').toLowerCase(),
  };
}

export function splitIdentifier(raw: string): string {
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(' ');
}

export type Strength = 'strong' | 'weak' | null;

/** How strongly a piece of text names a one-time code. */
export function phraseStrength(text: string): Strength {
  if (anyMatch(OTP_PHRASES, text)) return 'strong';
  if (CODE_WORD.test(text)) return 'weak';
  return null;
}

/** How strongly name/id words name a one-time code. */
export function nameStrength(name: string): Strength {
  if (!name) return null;
  const tokens = name.split(' ');
  if (tokens.some((t) => STRONG_NAME_TOKENS.has(t) || /^(otp|totp|hotp|2fa|mfa)|(otp|2fa|mfa)$/.test(t)))
    return 'strong';
  if (anyMatch(OTP_PHRASES, name)) return 'strong';
  if (tokens.some((t) => WEAK_NAME_TOKENS.has(t))) return 'weak';
  return null;
}

export function hasOtpAutocomplete(t: FieldTexts): boolean {
  return t.autocomplete.split(/\s+/).includes('one-time-code');
}

/** Evidence strong enough to override soft exclusions (phone, e-mail, password wording). */
export function strongEvidence(t: FieldTexts): boolean {
  return (
    hasOtpAutocomplete(t) ||
    phraseStrength(t.label) === 'strong' ||
    phraseStrength(t.ariaLabel) === 'strong' ||
    phraseStrength(t.placeholder) === 'strong' ||
    nameStrength(t.name) === 'strong'
  );
}

/**
 * Why this field is not a one-time-code field, or null. Only the field's own words count (label,
 * aria-label, placeholder, name/id, autocomplete, type, role): a page's prose mentioning a phone
 * number must not veto the code field under it.
 */
export function exclusionReason(input: HTMLInputElement, t: FieldTexts): string | null {
  const role = (input.getAttribute('role') ?? '').toLowerCase();
  if (role === 'searchbox' || role === 'combobox') return 'search';
  if (!hasOtpAutocomplete(t) && OTHER_AUTOCOMPLETE.test(t.autocomplete))
    return `autocomplete:${t.autocomplete}`;
  const own = [t.label, t.ariaLabel, t.placeholder, t.name];
  if (t.name.split(' ').includes('q')) return 'search';
  for (const { reason, pattern } of HARD_EXCLUSIONS) {
    // "Authenticator or recovery code": the field takes either, so an authenticator code is right there.
    const excludes = (text: string): boolean =>
      text !== '' && pattern.test(text) && !(reason === 'recovery' && EITHER_CODE.test(text));
    if (own.some(excludes)) return reason;
  }
  if (!strongEvidence(t)) {
    for (const { reason, pattern } of SOFT_EXCLUSIONS) {
      if (own.some((text) => text && pattern.test(text))) return reason;
    }
    if (t.type === 'password') return 'password';
  }
  return null;
}

/** `\d{6}`, `[0-9]{6,8}`, `[0-9]*`, `\d+`. */
const DIGIT_PATTERN = /^\^?(\\d|\[0-9\])(\{\d+(,\d+)?\}|\*|\+)\$?$/;

export function maxLength(input: HTMLInputElement): number {
  const raw = input.getAttribute('maxlength');
  const n = raw === null ? NaN : parseInt(raw, 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

export function isSingleCharBox(input: HTMLInputElement): boolean {
  return maxLength(input) === 1 || (maxLength(input) === 0 && input.getAttribute('size') === '1');
}

/** Numeric hints shared by single fields and boxes. */
export function numericHints(input: HTMLInputElement, t: FieldTexts): string[] {
  const out: string[] = [];
  if ((input.getAttribute('inputmode') ?? '').toLowerCase() === 'numeric') out.push('inputmode=numeric');
  if (t.type === 'number' || t.type === 'tel') out.push(`type=${t.type}`);
  const pattern = input.getAttribute('pattern');
  if (pattern && DIGIT_PATTERN.test(pattern.trim())) out.push('pattern');
  return out;
}
