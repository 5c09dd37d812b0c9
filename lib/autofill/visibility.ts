/**
 * Whether a user could see and type into a field. We never fill what the user cannot see: hidden
 * fields are a classic way for a page to harvest autofilled values.
 */

/** Smallest box (px) a real field has; screen-reader-only 1 px fields are not for typing. */
const MIN_SIZE = 2;

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
  }
  const rect = el.getBoundingClientRect();
  if (rect.width < MIN_SIZE || rect.height < MIN_SIZE) return false;
  return !isOffScreen(rect, view);
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
