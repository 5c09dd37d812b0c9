/**
 * What the page-load loader watches for: the two things Twofold acts on, found with checks cheap
 * enough to run on every page of an enrolled site. A field that may take a code (the detection's
 * own type pre-filter, shown) or a QR candidate (a canvas, image or SVG shaped like a code, an inline
 * background image, or a dialog, where enrolment pop-ups put theirs). The full scoring and decoding
 * stay in the part loaded on demand, which scans the page again itself.
 */
import { mayTakeCode } from '../autofill/prefilter';
import { DIALOG_SELECTOR, hasQrShape } from '../capture/candidates';

export type Work = 'field' | 'qr';

/** Anything here may be worth a closer look; a subtree without one is skipped at once. */
const INTEREST = `input, canvas, img, svg, [style*="background"], ${DIALOG_SELECTOR}`;

/** Attributes that can show, size or fill an element (the union of what autofill and capture watch). */
const WATCHED_ATTRIBUTES = [
  'style',
  'class',
  'hidden',
  'open',
  'src',
  'width',
  'height',
  'type',
  'disabled',
  'readonly',
  'aria-hidden',
];

/** Has a box: `display: none` (itself or an ancestor) leaves none; layout decides the rest later. */
function rendered(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0;
}

/** What `el` itself shows, if it is one of the two things; images still loading are told to `pending`. */
export function workOf(el: Element, pending?: (img: HTMLImageElement) => void): Work | undefined {
  if (el.closest('[data-twofold-ui]')) return undefined;
  const tag = el.localName;
  if (tag === 'input') return mayTakeCode(el) && rendered(el) ? 'field' : undefined;
  if (tag === 'canvas' || tag === 'img' || tag === 'svg') {
    // An <svg> inside another is part of it.
    if (tag === 'svg' && el.parentElement?.closest('svg')) return undefined;
    if (hasQrShape(el.getBoundingClientRect())) return 'qr';
    if (tag === 'img' && !(el as HTMLImageElement).complete) pending?.(el as HTMLImageElement);
    return undefined;
  }
  if (el.matches(DIALOG_SELECTOR)) return rendered(el) ? 'qr' : undefined;
  // An inline background image: only a url() can be a picture of a code.
  const style = el.getAttribute('style') ?? '';
  return style.includes('url(') && hasQrShape(el.getBoundingClientRect()) ? 'qr' : undefined;
}

/** The first thing worth loading Twofold for in `root` (itself included), fields first. */
export function findWork(
  root: Document | ShadowRoot | Element,
  pending?: (img: HTMLImageElement) => void,
): Work | undefined {
  if (root.nodeType === 1) {
    const own = workOf(root as Element, pending);
    if (own) return own;
  }
  let qr = false;
  for (const el of root.querySelectorAll(INTEREST)) {
    const work = workOf(el, pending);
    if (work === 'field') return work;
    if (work === 'qr') qr = true;
  }
  return qr ? 'qr' : undefined;
}

/**
 * Calls `onWork` once, when the page (its open shadow roots and same-origin frames included) first
 * shows a field that may take a code or a QR candidate, then stops. One MutationObserver; each
 * batch looks only at what was added or changed. Returns a function that stops watching.
 */
export function watchForWork(doc: Document, win: Window, onWork: (work: Work) => void): () => void {
  const w = win as Window & typeof globalThis;
  const observed = new WeakSet<Node>();
  const waiting = new WeakSet<Element>();
  const cleanups: (() => void)[] = [];
  let done = false;

  const stop = (): void => {
    done = true;
    observer.disconnect();
    cleanups.forEach((cleanup) => cleanup());
    cleanups.length = 0;
  };
  const found = (work: Work | undefined): boolean => {
    if (!work || done) return false;
    stop();
    onWork(work);
    return true;
  };
  // An image gets its size when it loads, which no mutation reports.
  const pending = (img: HTMLImageElement): void => {
    if (waiting.has(img)) return;
    waiting.add(img);
    const onLoad = (): void => void found(workOf(img));
    img.addEventListener('load', onLoad, { once: true });
    cleanups.push(() => img.removeEventListener('load', onLoad));
  };
  const look = (root: Document | ShadowRoot | Element): boolean => {
    hook(root);
    return found(findWork(root, pending));
  };

  const observer = new w.MutationObserver((mutations) => {
    const seen = new Set<Node>();
    for (const mutation of mutations) {
      if (done) return;
      const targets = mutation.type === 'attributes' ? [mutation.target] : Array.from(mutation.addedNodes);
      for (const node of targets) {
        if (node.nodeType !== 1 || seen.has(node)) continue;
        seen.add(node);
        const el = node as Element;
        // Cheap skip: nothing of interest in or at this subtree, and nothing that can hold another tree.
        if (!el.matches(INTEREST) && !el.querySelector(`${INTEREST}, iframe, frame`) && !hasShadow(el)) {
          if (mutation.type === 'childList') hook(el);
          continue;
        }
        if (look(el)) return;
      }
    }
  });

  function hasShadow(el: Element): boolean {
    return el.shadowRoot !== null || el.localName.includes('-');
  }

  function observe(node: Document | ShadowRoot): void {
    if (observed.has(node)) return;
    observed.add(node);
    observer.observe(node, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
  }

  /** Open shadow roots and same-origin frames in `root`: a document's observer does not see into them. */
  function hook(root: Document | ShadowRoot | Element): void {
    const hookOne = (el: Element): void => {
      if (el.shadowRoot && !observed.has(el.shadowRoot)) {
        observe(el.shadowRoot);
        found(findWork(el.shadowRoot, pending));
        hook(el.shadowRoot);
      }
      if ((el.localName === 'iframe' || el.localName === 'frame') && !waiting.has(el)) {
        waiting.add(el);
        const frame = el as HTMLIFrameElement;
        const onLoad = (): void => {
          let inner: Document | null = null;
          try {
            inner = frame.contentDocument;
          } catch {
            inner = null;
          }
          if (!inner || observed.has(inner)) return;
          observe(inner);
          look(inner);
        };
        frame.addEventListener('load', onLoad);
        cleanups.push(() => frame.removeEventListener('load', onLoad));
        onLoad();
      }
    };
    if (root.nodeType === 1) hookOne(root as Element);
    for (const el of root.querySelectorAll('*')) {
      if (done) return;
      if (el.shadowRoot || el.localName === 'iframe' || el.localName === 'frame') hookOne(el);
    }
  }

  observe(doc);
  look(doc);
  return stop;
}
