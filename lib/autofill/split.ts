/**
 * Split inputs: a row of 4–8 one-character boxes in one container is one code field
 * ("[1][2][3] [4][5][6]"). Boxes are found in document order; a visible field of another kind
 * between them ends the row, hidden helpers (a `type=hidden` or visually hidden aggregate) do not.
 * A box is a `maxlength=1` field, a part of a Zag / Ark UI / Chakra pin input
 * (`data-part="input"` inside `data-scope="pin-input"`), or one of a row of `one-time-code` fields
 * with no length limit (react18-input-otp), or of a row of unbounded fields labelled alike and
 * numbered 1, 2, 3… (react-otp-input: "Please enter OTP character 1"): each of those takes one
 * digit, not the whole code.
 */
import {
  exclusionReason,
  fieldTexts,
  hasOtpAutocomplete,
  isSingleCharBox,
  maxLength,
  nameStrength,
  numericHints,
  phraseStrength,
  type FieldTexts,
} from './signals';
import { mentionsSentCode } from './sms';
import { containerOwnText, nearbyText, normalize, parentOrHost } from './text';
import type { DetectOptions, OtpTarget } from './types';
import { anyMatch, OTP_PHRASES } from './vocabulary';

export const MIN_BOXES = 4;
export const MAX_BOXES = 8;
/** A row of boxes alone is a hint; one more signal (numeric, wording, name...) makes it a target. */
export const SPLIT_BASE = 35;
export const SPLIT_THRESHOLD = 40;

/** How far up two neighbouring boxes may have to go to meet (box → wrapper → group → row). */
const MAX_ANCESTOR_DISTANCE = 3;

function ancestors(el: Element, levels: number): Element[] {
  const out: Element[] = [];
  for (let node = parentOrHost(el); node && out.length < levels; node = parentOrHost(node)) out.push(node);
  return out;
}

function closeNeighbours(a: Element, b: Element): boolean {
  if (a.getRootNode() !== b.getRootNode()) return false;
  const above = new Set(ancestors(a, MAX_ANCESTOR_DISTANCE));
  return ancestors(b, MAX_ANCESTOR_DISTANCE).some((node) => above.has(node));
}

function commonContainer(inputs: HTMLInputElement[]): Element | null {
  const first = inputs[0];
  if (!first) return null;
  for (const candidate of ancestors(first, MAX_ANCESTOR_DISTANCE * 2)) {
    if (inputs.every((input) => candidate.contains(input))) return candidate;
  }
  return null;
}

/** Boxes sit on one line (when the page has layout: happy-dom and friends report zeros). */
function inARow(inputs: HTMLInputElement[]): boolean {
  const rects = inputs.map((input) => input.getBoundingClientRect());
  const first = rects[0];
  if (!first || first.height === 0) return true;
  const tolerance = Math.max(first.height, 4);
  return rects.every((rect) => Math.abs(rect.top - first.top) <= tolerance);
}

/** A part of a Zag-built pin input (Ark UI, Chakra UI v3): one box of the code, whatever its maxlength. */
function isPinInputPart(input: HTMLInputElement): boolean {
  return input.getAttribute('data-part') === 'input' && input.closest('[data-scope="pin-input"]') !== null;
}

/** A field that asks for the whole code but sets no limit: one of a row of such fields is a box. */
function isUnboundedOtpField(input: HTMLInputElement): boolean {
  return (
    maxLength(input) === 0 && /(^|\s)one-time-code(\s|$)/i.test(input.getAttribute('autocomplete') ?? '')
  );
}

/** "Please enter OTP character 3" → ["please enter otp character", 3]; null without a trailing number. */
function numberedLabel(input: HTMLInputElement): [string, number] | null {
  if (maxLength(input) !== 0) return null;
  const match = /^(.*?)\s*(\d+)$/.exec((input.getAttribute('aria-label') ?? '').trim());
  return match ? [match[1]!.toLowerCase(), Number(match[2])] : null;
}

/** What a numbered box holds: one character or digit of a code. */
const ONE_CHARACTER =
  /\b(digit|character|char|chiffre|caractere|ziffer|zeichen|digito|caracter|cifra|carattere|cijfer|teken)\b/;

/**
 * A run of fields labelled alike and numbered 1, 2, 3… in order, whose label names a code or one
 * of its characters, or whose type is numeric: the boxes of one code ("Address line 1…4" is not).
 */
function numberedInOrder(run: HTMLInputElement[]): boolean {
  const labels = run.map(numberedLabel);
  const [first] = labels;
  if (!first || first[0] === '') return false;
  if (!labels.every((label, i) => label !== null && label[0] === first[0] && label[1] === first[1] + i))
    return false;
  const prefix = normalize(first[0]);
  const type = (run[0]!.getAttribute('type') ?? '').toLowerCase();
  return phraseStrength(prefix) !== null || ONE_CHARACTER.test(prefix) || type === 'number' || type === 'tel';
}

/**
 * The boxes among `inputs` (fillable ones, document order): one-character fields, pin-input parts,
 * and runs of 4–8 neighbouring unbounded `one-time-code` fields or numbered fields. Reads a few
 * attributes per input on a page without any such row.
 */
export function findCodeBoxes(
  inputs: HTMLInputElement[],
  fillable: Set<HTMLInputElement>,
): Set<HTMLInputElement> {
  const boxes = new Set<HTMLInputElement>();
  const candidates = inputs.filter((input) => fillable.has(input));
  for (const input of candidates) if (isSingleCharBox(input) || isPinInputPart(input)) boxes.add(input);
  for (const run of neighbourRuns(candidates, isUnboundedOtpField))
    if (run.length >= MIN_BOXES && run.length <= MAX_BOXES) run.forEach((input) => boxes.add(input));
  for (const run of neighbourRuns(candidates, (input) => numberedLabel(input) !== null))
    if (run.length >= MIN_BOXES && run.length <= MAX_BOXES && numberedInOrder(run))
      run.forEach((input) => boxes.add(input));
  return boxes;
}

/** Runs of consecutive `inputs` that are `member`s and close neighbours, in document order. */
function neighbourRuns(
  inputs: HTMLInputElement[],
  member: (input: HTMLInputElement) => boolean,
): HTMLInputElement[][] {
  const runs: HTMLInputElement[][] = [];
  let run: HTMLInputElement[] = [];
  for (const input of inputs) {
    const last = run[run.length - 1];
    if (!member(input) || (last && !closeNeighbours(last, input))) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
    if (member(input)) run.push(input);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * "Digit 3", "pin code 3 of 6" (Zag's default box label), "Chiffre 3 sur 6": on a box that asks for
 * a one-time code (`autocomplete`), a label that only numbers the box says nothing about what the
 * code is, so it neither excludes nor names it. Without that evidence it still counts ("SIM PIN 1 of 4").
 */
const POSITIONAL_LABEL = /^(\D{0,20} )?\d+( (of|sur|von|de|di|van|\/) \d+)?$/;

function withoutPositionalLabel(t: FieldTexts): FieldTexts {
  return hasOtpAutocomplete(t) && POSITIONAL_LABEL.test(t.ariaLabel) ? { ...t, ariaLabel: '' } : t;
}

function scoreGroup(inputs: HTMLInputElement[], options: DetectOptions): OtpTarget | null {
  const container = commonContainer(inputs);
  if (!container || !inARow(inputs)) return null;
  const texts = inputs.map((input) => withoutPositionalLabel(fieldTexts(input)));
  // A row of 4–8 one-character boxes is no sign-in password: `type=password` boxes (a masked code
  // widget) are judged by their words like any box; "password" in those words still excludes.
  const judged = texts.map((t) => (t.type === 'password' ? { ...t, type: 'text' } : t));
  if (inputs.some((input, i) => exclusionReason(input, judged[i]!))) return null;

  let score = SPLIT_BASE;
  const signals = [`split:${inputs.length}`];
  const add = (points: number, signal: string): void => {
    score += points;
    signals.push(signal);
  };
  if (options.digits === inputs.length) add(5, 'digits');
  if (texts.some(hasOtpAutocomplete)) add(50, 'autocomplete=one-time-code');

  const first = texts[0]!;
  const groupLabel = normalize(`${containerOwnText(container)} ${first.label} ${first.ariaLabel}`);
  const labelStrength = phraseStrength(groupLabel);
  if (labelStrength === 'strong') add(40, 'label');
  else if (labelStrength === 'weak') add(15, 'label:code');

  const names = texts.map((t) => nameStrength(t.name));
  if (names.includes('strong')) add(30, 'name:otp');
  else if (names.includes('weak')) add(10, 'name:code');

  const hints = numericHints(inputs[0]!, first);
  if (hints.length > 0) add(10, hints.join('+'));

  const nearby = normalize(nearbyText(container));
  if (anyMatch(OTP_PHRASES, nearby)) add(25, 'nearby-text');

  if (score < SPLIT_THRESHOLD) return null;
  return { kind: 'split', inputs, score, signals, sms: mentionsSentCode(`${groupLabel} ${nearby}`) };
}

/** Split targets among `inputs` (all inputs of one root, document order). */
export function findSplitGroups(
  inputs: HTMLInputElement[],
  fillable: Set<HTMLInputElement>,
  options: DetectOptions = {},
  boxes: Set<HTMLInputElement> = findCodeBoxes(inputs, fillable),
): OtpTarget[] {
  const groups: OtpTarget[] = [];
  const candidates = inputs.filter((input) => fillable.has(input));
  for (const run of neighbourRuns(candidates, (input) => boxes.has(input))) {
    const size = run.length;
    const sizeOk = options.digits ? size === options.digits : size >= MIN_BOXES && size <= MAX_BOXES;
    const target = sizeOk ? scoreGroup(run, options) : null;
    if (target) groups.push(target);
  }
  return groups;
}
