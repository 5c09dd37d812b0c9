/**
 * Find where a one-time code goes. Scores every fillable input from its own signals (autocomplete,
 * label, placeholder, name/id, numeric hints) and the prose around it, drops the fields that are
 * something else (postal code, coupon, card, phone, search, recovery code, captcha, e-mail...), and
 * groups rows of one-character boxes into split targets.
 */
import { collectScanRoots, inputsIn } from './frames';
import {
  exclusionReason,
  fieldTexts,
  hasOtpAutocomplete,
  maxLength,
  nameStrength,
  numericHints,
  phraseStrength,
} from './signals';
import { mentionsSentCode } from './sms';
import { findCodeBoxes, findSplitGroups } from './split';
import { collectText, nearbyText, normalize, parentOrHost } from './text';
import type { DetectOptions, OtpTarget } from './types';
import { isFillable } from './visibility';
import {
  anyMatch,
  AUTHENTICATOR_WORD,
  CARD_WORD,
  EITHER_CODE,
  OTP_PHRASES,
  RECOVERY_CODE,
  SECURITY_CODE,
} from './vocabulary';

export type { DetectOptions, OtpTarget } from './types';

/** A single field needs at least this score (and one word-level signal) to be a target. */
export const SINGLE_THRESHOLD = 40;

/** Points per signal, strongest first (see scoreSingle). */
export const WEIGHTS = {
  autocomplete: 100,
  labelStrong: 60,
  labelWeak: 30,
  placeholderStrong: 45,
  placeholderWeak: 20,
  placeholderMask: 30,
  nearbyStrong: 30,
  paragraph: 45,
  nameStrong: 40,
  nameWeak: 15,
  inputmode: 10,
  numericType: 5,
  maxlength: 10,
  pattern: 10,
} as const;

/**
 * The paragraph just before an unlabelled field ("Get the authentication code from the two-factor
 * app on your device."): the previous element sibling of the field or of one of its two wrappers.
 */
function describingParagraph(input: HTMLInputElement): string {
  let node: Element | null = input;
  for (let level = 0; node && level < 3; level++) {
    const before = node.previousElementSibling;
    if (before) {
      if (before.localName === 'input' || before.querySelector('input')) return '';
      return normalize(collectText(before, 300).text);
    }
    node = parentOrHost(node);
  }
  return '';
}

/**
 * Around the field, the user is asked for a recovery code and not for the authenticator's ("Log in
 * using a backup code"); a text that names both describes a field that takes either.
 */
export function asksForRecoveryCode(nearby: string): boolean {
  if (!RECOVERY_CODE.test(nearby) || EITHER_CODE.test(nearby)) return false;
  return !AUTHENTICATOR_WORD.test(nearby.replace(new RegExp(RECOVERY_CODE.source, 'g'), ' '));
}

/** A short label ("Code") is taken out of the prose only as a whole word, never out of "codes". */
function withoutLabel(text: string, label: string): string {
  if (label === '') return text;
  if (label.length > 8) return text.replace(label, ' ');
  return ` ${text} `.replace(` ${label} `, ' ').trim();
}

/** "123456", "000000", "______", "• • • • • •": a placeholder drawn as a code. */
const MASK_PLACEHOLDER = /^[0-9x•·*_\-–\s]{4,}$/i;
/** Score one (non-box) field, or null when it is not a one-time-code field. */
export function scoreSingle(input: HTMLInputElement, options: DetectOptions = {}): OtpTarget | null {
  const max = maxLength(input);
  // A field that cannot hold the code is not where it goes.
  if (max > 0 && max < (options.digits ?? 4)) return null;
  const t = fieldTexts(input);
  if (exclusionReason(input, t)) return null;

  let score = 0;
  let semantic = false;
  const signals: string[] = [];
  const add = (points: number, signal: string, isSemantic: boolean): void => {
    score += points;
    signals.push(signal);
    semantic ||= isSemantic;
  };

  if (hasOtpAutocomplete(t)) add(WEIGHTS.autocomplete, 'autocomplete=one-time-code', true);

  const label = phraseStrength(t.label);
  const aria = phraseStrength(t.ariaLabel);
  if (label === 'strong' || aria === 'strong')
    add(WEIGHTS.labelStrong, label === 'strong' ? 'label' : 'aria-label', true);
  else if (label === 'weak' || aria === 'weak')
    add(WEIGHTS.labelWeak, label === 'weak' ? 'label:code' : 'aria-label:code', true);

  const placeholder = phraseStrength(t.placeholder);
  if (placeholder === 'strong') add(WEIGHTS.placeholderStrong, 'placeholder', true);
  else if (placeholder === 'weak') add(WEIGHTS.placeholderWeak, 'placeholder:code', true);
  else if (MASK_PLACEHOLDER.test(t.placeholder)) add(WEIGHTS.placeholderMask, 'placeholder:mask', true);

  const name = nameStrength(t.name);
  if (name === 'strong') add(WEIGHTS.nameStrong, 'name:otp', true);
  else if (name === 'weak') add(WEIGHTS.nameWeak, 'name:code', true);

  for (const hint of numericHints(input, t)) {
    add(
      hint.startsWith('type=')
        ? WEIGHTS.numericType
        : hint === 'pattern'
          ? WEIGHTS.pattern
          : WEIGHTS.inputmode,
      hint,
      false,
    );
  }
  if (options.digits ? max === options.digits : max === 6 || max === 8)
    add(WEIGHTS.maxlength, `maxlength=${max}`, false);

  // Prose around the field is read only when it could change the verdict: reading it is the costly part.
  const ownLabelled = t.label !== '' || t.ariaLabel !== '';
  const nearbyCounts = !ownLabelled || label !== null || aria !== null;
  let nearby: string | null = null;
  // The label is part of the surrounding text: take it out so it does not count twice.
  const readNearby = (): string =>
    (nearby ??= withoutLabel(normalize(`${t.describedBy} ${nearbyText(input)}`), t.label));
  if (
    nearbyCounts &&
    score + WEIGHTS.nearbyStrong >= SINGLE_THRESHOLD &&
    anyMatch(OTP_PHRASES, readNearby())
  ) {
    add(WEIGHTS.nearbyStrong, 'nearby-text', true);
  } else if (!ownLabelled && t.placeholder === '' && score < SINGLE_THRESHOLD) {
    const paragraph = describingParagraph(input);
    if (anyMatch(OTP_PHRASES, paragraph)) add(WEIGHTS.paragraph, 'paragraph', true);
  }
  if (!semantic || score < SINGLE_THRESHOLD) return null;
  if (!EITHER_CODE.test(t.label) && asksForRecoveryCode(readNearby())) {
    options.onHeld?.(input);
    return null;
  }

  // "Security code" is what card forms call the CVC: with a card nearby, it is one.
  const own = `${t.label} ${t.ariaLabel} ${t.placeholder}`;
  if (SECURITY_CODE.test(own) && !hasOtpAutocomplete(t) && CARD_WORD.test(readNearby())) return null;

  const sms = mentionsSentCode(`${own} ${readNearby()}`);
  return { kind: 'single', input, score, signals, sms };
}

/**
 * Every place a one-time code could go under `root` (open shadow roots and same-origin iframes
 * included), best first. Hidden, zero-size, transparent, off-screen, disabled and read-only fields
 * are never returned.
 */
export function findOtpTargets(
  root: Document | ShadowRoot | Element,
  win: Window,
  options: DetectOptions = {},
): OtpTarget[] {
  const found: OtpTarget[] = [];
  for (const scan of collectScanRoots(root, win)) {
    const inputs = inputsIn(scan.root);
    if (inputs.length === 0) continue;
    const fillable = new Set(inputs.filter((input) => isFillable(input, scan.win)));
    const boxes = findCodeBoxes(inputs, fillable);
    for (const input of inputs) {
      if (!fillable.has(input) || boxes.has(input)) continue;
      const target = scoreSingle(input, options);
      if (target) found.push(target);
    }
    found.push(...findSplitGroups(inputs, fillable, options, boxes));
  }
  // Stable sort: equal scores keep document order.
  return found
    .map((target, index) => ({ target, index }))
    .sort((a, b) => b.target.score - a.target.score || a.index - b.index)
    .map(({ target }) => target);
}
