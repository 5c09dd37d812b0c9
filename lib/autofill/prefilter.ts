/**
 * The cheapest test detection makes of an input, kept apart so the page-load loader can use it
 * without bringing in the scoring.
 */

/** Input types a one-time code can be typed into; detection scores no other. */
export const TEXT_TYPES: ReadonlySet<string> = new Set(['', 'text', 'tel', 'number', 'password']);

/** An enabled, editable input of a text-like type: detection may find a code field in it. */
export function mayTakeCode(el: Element): el is HTMLInputElement {
  if (el.localName !== 'input') return false;
  if (!TEXT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase())) return false;
  return !el.hasAttribute('disabled') && !el.hasAttribute('readonly') && !(el as HTMLInputElement).disabled;
}
