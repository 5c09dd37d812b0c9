/**
 * Which elements on a page may show a QR code: canvases, images, inline SVGs
 * and elements with a CSS background image that are visible, roughly square
 * and large enough. Those inside an open dialog come first: that is where an
 * enrolment pop-up puts its code.
 */

export type CandidateKind = 'canvas' | 'img' | 'svg' | 'background';

export interface QrCandidate {
  element: Element;
  kind: CandidateKind;
  /** CSS pixels, relative to the viewport. */
  rect: DOMRect;
  inDialog: boolean;
}

/** Smaller than this (CSS px) is an icon, not something a phone could scan. */
export const MIN_SIDE = 48;
const MAX_ASPECT = 1.35;

/** Where an enrolment pop-up puts its code. */
export const DIALOG_SELECTOR = 'dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"]';

export function findQrCandidates(root: Document | Element, win: Window): QrCandidate[] {
  const found: QrCandidate[] = [];
  for (const element of root.querySelectorAll('canvas, img, svg')) {
    // An <svg> inside another <svg> is part of it, not a code of its own.
    if (element.tagName.toLowerCase() === 'svg' && element.parentElement?.closest('svg')) continue;
    const candidate = toCandidate(element, kindOf(element), win);
    if (candidate) found.push(candidate);
  }
  // Computed styles are costly on big pages: look for CSS background images only
  // inside dialogs and on elements that set one inline.
  const backgrounds = new Set<Element>(root.querySelectorAll('[style*="background"]'));
  for (const dialog of root.querySelectorAll(DIALOG_SELECTOR)) {
    for (const element of dialog.querySelectorAll('div, span, a, figure, i')) backgrounds.add(element);
  }
  for (const element of [...backgrounds].slice(0, 400)) {
    if (!hasBackgroundImage(element, win)) continue;
    const candidate = toCandidate(element, 'background', win);
    if (candidate) found.push(candidate);
  }
  return found.sort((a, b) => Number(b.inDialog) - Number(a.inDialog));
}

function kindOf(element: Element): CandidateKind {
  const tag = element.tagName.toLowerCase();
  return tag === 'canvas' ? 'canvas' : tag === 'img' ? 'img' : 'svg';
}

function hasBackgroundImage(element: Element, win: Window): boolean {
  const image = win.getComputedStyle(element).backgroundImage;
  return Boolean(image) && image !== 'none' && image.includes('url(');
}

function toCandidate(element: Element, kind: CandidateKind, win: Window): QrCandidate | undefined {
  const rect = element.getBoundingClientRect();
  const short = Math.min(rect.width, rect.height);
  const long = Math.max(rect.width, rect.height);
  if (short < MIN_SIDE || long / short > MAX_ASPECT) return undefined;
  if (!isShown(element, rect, win)) return undefined;
  return { element, kind, rect, inDialog: element.closest(DIALOG_SELECTOR) !== null };
}

/** Rendered, not transparent, and at least partly inside the viewport. */
function isShown(element: Element, rect: DOMRect, win: Window): boolean {
  if (rect.bottom <= 0 || rect.right <= 0 || rect.top >= win.innerHeight || rect.left >= win.innerWidth) {
    return false;
  }
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = win.getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') return false;
  }
  return true;
}
