/**
 * Split inputs: a row of 4–8 one-character boxes in one container is one code field
 * ("[1][2][3] [4][5][6]"). Boxes are found in document order; a visible field of another kind
 * between them ends the row, hidden helpers (a `type=hidden` aggregate) do not.
 */
import {
  exclusionReason,
  fieldTexts,
  hasOtpAutocomplete,
  isSingleCharBox,
  nameStrength,
  numericHints,
  phraseStrength,
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

function scoreGroup(inputs: HTMLInputElement[], options: DetectOptions): OtpTarget | null {
  const container = commonContainer(inputs);
  if (!container || !inARow(inputs)) return null;
  const texts = inputs.map(fieldTexts);
  if (inputs.some((input, i) => exclusionReason(input, texts[i]!))) return null;

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
): OtpTarget[] {
  const groups: OtpTarget[] = [];
  let run: HTMLInputElement[] = [];
  const flush = (): void => {
    const size = run.length;
    const sizeOk = options.digits ? size === options.digits : size >= MIN_BOXES && size <= MAX_BOXES;
    if (sizeOk) {
      const target = scoreGroup(run, options);
      if (target) groups.push(target);
    }
    run = [];
  };
  for (const input of inputs) {
    if (!fillable.has(input)) continue;
    if (!isSingleCharBox(input)) {
      flush();
      continue;
    }
    const last = run[run.length - 1];
    if (last && !closeNeighbours(last, input)) flush();
    run.push(input);
  }
  flush();
  return groups;
}
