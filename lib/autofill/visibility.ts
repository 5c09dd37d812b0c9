/**
 * Whether a user could see and type into a field. We never fill what the user cannot see: hidden
 * fields are a classic way for a page to harvest autofilled values.
 */

/** Smallest box (px) a real field has; screen-reader-only 1 px fields are not for typing. */
const MIN_SIZE = 2;
/** Smallest part of a field (px) left visible by clipping ancestors for a user to read a code in it. */
const MIN_SHOWN = 8;

/** Alpha of a computed colour ("rgba(0, 0, 0, 0)", "transparent", "rgb(...)"). */
function alphaOf(color: string): number {
  if (color === 'transparent') return 0;
  const match = /rgba?\(([^)]*)\)/.exec(color);
  if (!match) return 1;
  const parts = match[1]!.split(/[,/\s]+/).filter(Boolean);
  if (parts.length < 4) return 1;
  const alpha = parts[3]!;
  return alpha.endsWith('%') ? parseFloat(alpha) / 100 : parseFloat(alpha);
}

/** `filter: opacity(0)` (or 2%): as transparent as `opacity`, but not reported by it. */
function filterHides(filter: string): boolean {
  if (!filter || filter === 'none') return false;
  for (const match of filter.matchAll(/opacity\(\s*([\d.]+)(%?)\s*\)/g)) {
    const value = parseFloat(match[1]!) / (match[2] ? 100 : 1);
    if (value < 0.05) return true;
  }
  return false;
}

/** Clipped away: a clip-path or legacy clip on the field or an ancestor (it cannot be judged how much shows). */
function clipped(style: CSSStyleDeclaration): boolean {
  const clipPath = style.clipPath || style.getPropertyValue('clip-path');
  if (clipPath && clipPath !== 'none') return true;
  const clip = style.clip || style.getPropertyValue('clip');
  return !!clip && clip !== 'auto' && (style.position === 'absolute' || style.position === 'fixed');
}

// Scrolling containers are left to the hit test at fill time: the user can scroll them.
const CLIPPING = new Set(['hidden', 'clip']);

/** Input types a code can be typed into. */
const TEXT_TYPES = new Set(['', 'text', 'tel', 'number', 'password']);

function viewOf(el: Element, fallback: Window): Window {
  return el.ownerDocument.defaultView ?? fallback;
}

function parentAcrossShadow(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && root.nodeType === 11 && 'host' in root ? (root as ShadowRoot).host : null;
}

/**
 * Seen by a user: no `hidden`/`inert`, no `display:none` or `visibility:hidden`, not transparent (on
 * it or an ancestor, shadow hosts included), a real size, and not pushed off screen.
 */
export function isVisible(el: Element, win: Window): boolean {
  const view = viewOf(el, win);
  // Asked at most once, and only of a field whose own ink or clip hides it.
  let overWidget: boolean | undefined;
  const drawnBelow = (): boolean => (overWidget ??= overlaysCodeWidget(el, view));
  // Ancestors are walked because `display:none` and `opacity` do not show in a child's computed style.
  for (let node: Element | null = el; node; node = parentAcrossShadow(node)) {
    if (node.hasAttribute('hidden') || node.hasAttribute('inert')) return false;
    const style = view.getComputedStyle(node);
    if (style.display === 'none') return false;
    // visibility is inherited (and a child may override it), so the field's own value is the truth.
    if (node === el && (style.visibility === 'hidden' || style.visibility === 'collapse')) return false;
    const opacity = parseFloat(style.opacity);
    if (!Number.isNaN(opacity) && opacity < 0.05) return false;
    if (style.contentVisibility === 'hidden' && node !== el) return false;
    if (filterHides(style.filter || style.getPropertyValue('filter'))) return false;
    if (clipped(style) && !(node === el && drawnBelow())) return false;
    if (node === el && textHidden(style) && !maskedBox(el, style) && !drawnBelow()) return false;
  }
  const rect = el.getBoundingClientRect();
  if (rect.width < MIN_SIZE || rect.height < MIN_SIZE) return false;
  if (isOffScreen(rect, view)) return false;
  return !clippedByAncestor(el, rect, view);
}

/** The code would be typed in an invisible ink: transparent text (on a transparent field, the usual trick). */
function textHidden(style: CSSStyleDeclaration): boolean {
  const fill = style.getPropertyValue('-webkit-text-fill-color');
  return alphaOf(style.color) < 0.1 || (fill !== '' && fill !== 'currentcolor' && alphaOf(fill) < 0.1);
}

/**
 * A password box that draws itself and lets the page paint its mask (Ant Design's Input.OTP
 * `mask`: transparent text under a "•" the page draws): a password field shows no characters
 * anyway, so its transparent ink hides nothing a visible password box would show; the user sees
 * the box. A transparent text field, or a password field that draws no box, stays refused.
 */
function maskedBox(el: Element, style: CSSStyleDeclaration): boolean {
  return (el as HTMLInputElement).type === 'password' && drawsBox(style);
}

/** Some colour shows: alpha of at least 0.1. */
function painted(color: string): boolean {
  return color !== '' && alphaOf(color) >= 0.1;
}

/** The box draws something a user sees as a box: a border, a background or a shadow. */
function drawsBox(style: CSSStyleDeclaration): boolean {
  const sides = ['top', 'right', 'bottom', 'left'] as const;
  const border = sides.some(
    (side) =>
      parseFloat(style.getPropertyValue(`border-${side}-width`)) > 0 &&
      !['none', 'hidden'].includes(style.getPropertyValue(`border-${side}-style`)) &&
      painted(style.getPropertyValue(`border-${side}-color`)),
  );
  const shadow = style.boxShadow || style.getPropertyValue('box-shadow');
  return border || painted(style.backgroundColor) || (!!shadow && shadow !== 'none');
}

/** Shown between `el` and `top` (excluded): no `display:none`, hidden, transparent or clipped box on the way. */
function shownUpTo(el: Element, top: Element, view: Window): boolean {
  for (let node: Element | null = el; node && node !== top; node = parentAcrossShadow(node)) {
    if (node.hasAttribute('hidden')) return false;
    const style = view.getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse')
      return false;
    const opacity = parseFloat(style.opacity);
    if ((!Number.isNaN(opacity) && opacity < 0.05) || filterHides(style.filter) || clipped(style))
      return false;
  }
  return true;
}

/** Fewest slot boxes that make a code widget (the shortest codes have four digits). */
const MIN_SLOTS = 4;
/** Ancestors searched for the slots, and elements looked at (detection runs on every page). */
const WIDGET_LEVELS = 4;
const WIDGET_ELEMENTS = 80;

/**
 * A transparent field laid over a code widget the page draws itself (input-otp, shadcn's InputOTP:
 * one real input over a row of slot boxes showing its digits): the user reads the code in the
 * boxes, so the field's invisible ink hides nothing. The evidence is a row of at least four visible,
 * painted boxes side by side within the field's box, outside the field. An invisible field laid
 * over nothing, or over prose or a single panel, has no such row and stays refused.
 */
export function overlaysCodeWidget(el: Element, view: Window): boolean {
  const field = el.getBoundingClientRect();
  if (field.width < MIN_SHOWN || field.height < MIN_SHOWN) return false;
  const inside = (r: DOMRect): boolean =>
    r.left >= field.left - 2 &&
    r.right <= field.right + 2 &&
    r.top >= field.top - 2 &&
    r.bottom <= field.bottom + 2;
  let ancestor = parentAcrossShadow(el);
  for (let level = 0; ancestor && level < WIDGET_LEVELS; level++, ancestor = parentAcrossShadow(ancestor)) {
    if (ancestor.localName === 'body' || ancestor.localName === 'html') return false;
    const slots: DOMRect[] = [];
    // Innermost first: a bordered group around the slots must not hide the slots it holds.
    const candidates = Array.from(ancestor.querySelectorAll('*')).slice(0, WIDGET_ELEMENTS).reverse();
    for (const node of candidates) {
      if (node === el || node.contains(el)) continue;
      const rect = node.getBoundingClientRect();
      // A slot holds one character: narrower than half the field, big enough to read.
      if (rect.width < MIN_SHOWN || rect.height < MIN_SHOWN || rect.width > field.width / 2) continue;
      if (!inside(rect) || !drawsBox(view.getComputedStyle(node)) || !shownUpTo(node, ancestor, view))
        continue;
      // Side by side: not nested in or overlapping a slot already counted.
      if (slots.some((s) => rect.left < s.right - 1 && rect.right > s.left + 1)) continue;
      slots.push(rect);
    }
    if (slots.length >= MIN_SLOTS) return true;
  }
  return false;
}

/** An ancestor with overflow hidden shows less than a readable piece of the field (a 2×2 px window). */
function clippedByAncestor(el: Element, rect: DOMRect, view: Window): boolean {
  let { left, top, right, bottom } = rect;
  for (let node = parentAcrossShadow(el); node; node = parentAcrossShadow(node)) {
    if (node.localName === 'body' || node.localName === 'html') break;
    const style = view.getComputedStyle(node);
    if (!CLIPPING.has(style.overflowX) && !CLIPPING.has(style.overflowY) && !CLIPPING.has(style.overflow))
      continue;
    const box = node.getBoundingClientRect();
    left = Math.max(left, box.left);
    top = Math.max(top, box.top);
    right = Math.min(right, box.right);
    bottom = Math.min(bottom, box.bottom);
    if (right - left < MIN_SHOWN || bottom - top < MIN_SHOWN) return true;
  }
  return false;
}

/** What the user sees of a field right now. */
export type Sight = 'seen' | 'not-yet' | 'unknown';

/**
 * Checked just before a code goes in: the field is inside the viewport and is what the user would
 * hit at its centre (nothing laid over it). 'not-yet': outside the viewport or covered; 'unknown':
 * the engine cannot say (no hit testing). Either way, fill only after the user scrolls to it or
 * focuses it.
 */
export function sightOf(el: Element, win: Window): Sight {
  const view = viewOf(el, win);
  const rect = el.getBoundingClientRect();
  const width = view.innerWidth || 0;
  const height = view.innerHeight || 0;
  if (width > 0 && height > 0) {
    const x = (Math.max(rect.left, 0) + Math.min(rect.right, width)) / 2;
    const y = (Math.max(rect.top, 0) + Math.min(rect.bottom, height)) / 2;
    if (rect.bottom <= 0 || rect.right <= 0 || rect.top >= height || rect.left >= width) return 'not-yet';
    const root = el.getRootNode() as Document | ShadowRoot;
    const hitTest = (root as Partial<Document>).elementFromPoint;
    if (typeof hitTest !== 'function') return 'unknown';
    const hit = hitTest.call(root, x, y);
    if (!hit) return 'unknown';
    if (hit === el || el.contains(hit)) return 'seen';
    // A floating label drawn over its own field is part of it.
    const label = hit.closest('label');
    if (label?.control === el) return 'seen';
    return 'not-yet';
  }
  return 'unknown';
}

/**
 * Off screen: entirely left of or above the page (where no scrolling reaches: the `left:-9999px`
 * trick), or entirely right of the viewport. Below the fold is fine: the user scrolls down to it.
 */
function isOffScreen(rect: DOMRect, view: Window): boolean {
  const scrollX = view.scrollX || 0;
  const scrollY = view.scrollY || 0;
  if (rect.right + scrollX <= 0 || rect.bottom + scrollY <= 0) return true;
  const width = view.innerWidth || 0;
  return width > 0 && rect.left >= width;
}

/** An input the user could type a code into right now: visible, enabled, editable, a text-like type. */
export function isFillable(el: Element, win: Window): el is HTMLInputElement {
  if (el.localName !== 'input') return false;
  const input = el as HTMLInputElement;
  const type = (input.getAttribute('type') ?? '').toLowerCase();
  if (!TEXT_TYPES.has(type)) return false;
  if (input.disabled || input.readOnly || input.hasAttribute('disabled') || input.hasAttribute('readonly'))
    return false;
  if (input.closest('fieldset[disabled]')) return false;
  return isVisible(input, win);
}
