/**
 * What the page-load loader watches for, as cheaply as a page of an enrolled site allows: an input
 * a person types into (a code field, or the sign-in form a code field follows) or a picture shaped
 * like a QR code (a canvas, image or SVG at least 48 px and roughly square, an inline background
 * image, or a dialog, where enrolment pop-ups put theirs). Nothing is scored or decoded here: the
 * features loaded on demand scan the page again themselves.
 */

/** Input types nobody types a code (or a user name before one) into; a search box is no sign-in. */
const NOT_TYPED = new Set([
  'hidden',
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'file',
  'image',
  'range',
  'color',
  'search',
]);

/** Below this (CSS px), an icon: the same bound as capture's candidates. */
const MIN_SIDE = 48;
const MAX_ASPECT = 1.35;

/** Input types nobody types a code (or a user name before one) into, as a selector. */
const TYPED_INPUT = `input${[...NOT_TYPED].map((type) => `:not([type="${type}" i])`).join('')}`;
// Joined at run time, so that the build keeps one copy of each list.
const DIALOG = ['dialog', '[role="dialog"]', '[role="alertdialog"]', '[aria-modal="true"]'].join(', ');
/** Pictures that may show a QR code (an <svg> inside another is part of it). */
const PICTURE = ['canvas', 'img', 'svg:not(svg svg)', '[style*="url("]'].join(', ');
/** Anything here may be worth a look; a subtree without one is passed by at once. */
export const INTEREST = ['input', DIALOG, PICTURE].join(', ');
const INTEREST_OR_FRAME = [INTEREST, 'iframe', 'frame'].join(', ');
const FIRST_LOOK = [TYPED_INPUT, DIALOG].join(', ');
/**
 * Elements that may hold an open shadow root (custom elements and the few built-ins `attachShadow`
 * accepts) or a frame: every tag but the common ones that can do neither, so that tables, lists,
 * links and icons are never walked.
 */
const MAY_HOLD_ROOT =
  '*:not(a, b, br, button, circle, dd, dt, em, g, i, img, input, label, li, option, path, rect, script, select, strong, style, svg, table, tbody, td, th, thead, tr, use)';

/** Tags whose insertion can bring something of interest (checked before any query). */
const GRAPHICS = new Set(['canvas', 'img', 'svg']);

export type Look = 'load' | 'later' | 'no';

/** A size attribute under the icon bound rules a picture out without asking for layout. */
function smallByAttribute(el: Element): boolean {
  const width = Number(el.getAttribute('width'));
  const height = Number(el.getAttribute('height'));
  return (width > 0 && width < MIN_SIDE) || (height > 0 && height < MIN_SIDE);
}

function qrShaped(el: Element): boolean {
  const { width, height } = el.getBoundingClientRect();
  const short = Math.min(width, height);
  return short >= MIN_SIDE && Math.max(width, height) / short <= MAX_ASPECT;
}

/**
 * What `el` itself asks for: 'load' (the features are needed), 'later' (a picture with no size
 * yet — hidden, or an image still loading — to look at again), or 'no'.
 */
export function lookAt(el: Element): Look {
  const look = lookAtItself(el);
  // Twofold's own card is not the page's.
  return look === 'load' && el.closest('[data-twofold-ui]') ? 'no' : look;
}

function lookAtItself(el: Element): Look {
  const tag = el.localName;
  if (tag === 'input') return NOT_TYPED.has((el.getAttribute('type') ?? '').toLowerCase()) ? 'no' : 'load';
  if (GRAPHICS.has(tag) || el.hasAttribute('style')) {
    // An <svg> inside another is part of it.
    if (tag === 'svg' && el.parentElement?.closest('svg')) return 'no';
    if (!GRAPHICS.has(tag) && !(el.getAttribute('style') ?? '').includes('url(')) return 'no';
    if (smallByAttribute(el)) return 'no';
    if (qrShaped(el)) return 'load';
    const { width, height } = el.getBoundingClientRect();
    return width === 0 || height === 0 ? 'later' : 'no';
  }
  // A dialog: enrolment pop-ups show their code there, sometimes as a CSS background.
  return 'load';
}

/** Where features look too but a document's observer does not: open shadow roots, same-origin frames. */
function innerRoots(root: Document | ShadowRoot | Element): (Document | ShadowRoot)[] {
  const roots: (Document | ShadowRoot)[] = [];
  const add = (el: Element): void => {
    if (el.shadowRoot) roots.push(el.shadowRoot);
    else if (el.localName === 'iframe' || el.localName === 'frame') {
      let inner: Document | null = null;
      try {
        inner = (el as HTMLIFrameElement).contentDocument;
      } catch {
        inner = null;
      }
      if (inner) roots.push(inner);
    }
  };
  if (root.nodeType === 1) add(root as Element);
  for (const el of root.querySelectorAll(MAY_HOLD_ROOT)) add(el);
  return roots;
}

/**
 * Calls `onFound` once, when the document first shows something worth loading the features for,
 * then stops. One query now, then one MutationObserver: added elements are passed by on their tag
 * name unless they can hold something of interest; pictures with no size yet are looked at again
 * when an attribute changes or an image loads. Open shadow roots and same-origin frames (which may
 * load later) are watched alike. Returns a function that stops watching.
 */
export function watchForWork(doc: Document, win: Window, onFound: () => void): () => void {
  const w = win as Window & typeof globalThis;
  const later = new Set<Element>();
  const watched = new WeakSet<Node>();
  const cleanups: (() => void)[] = [];
  let done = false;
  let recheckQueued = false;

  const found = (): void => {
    if (done) return;
    stop();
    onFound();
  };
  /** True once found. */
  const consider = (el: Element): boolean => {
    const look = lookAt(el);
    if (look === 'load') found();
    else if (look === 'later') later.add(el);
    return done;
  };
  const scan = (root: Document | ShadowRoot | Element): void => {
    if (root.nodeType === 1 && (root as Element).matches(INTEREST) && consider(root as Element)) return;
    // Fields and dialogs need no look at each: one query finds the first that is not Twofold's.
    const typed = root.querySelector(FIRST_LOOK);
    if (typed && consider(typed)) return;
    for (const el of root.querySelectorAll(PICTURE)) if (consider(el)) return;
    for (const inner of innerRoots(root)) {
      watch(inner);
      if (done) return;
    }
  };
  const recheck = (): void => {
    recheckQueued = false;
    for (const el of later) {
      if (!el.isConnected) later.delete(el);
      else if (lookAt(el) === 'load') return found();
    }
  };
  const queueRecheck = (): void => {
    if (recheckQueued || later.size === 0) return;
    recheckQueued = true;
    void Promise.resolve().then(recheck);
  };

  const observer = new w.MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (done) return;
      if (mutation.type === 'attributes') {
        queueRecheck();
        continue;
      }
      for (const node of mutation.addedNodes) {
        // Text, and leaf elements of no interest (a row's cell, a link), hold nothing to look at.
        if (node.nodeType !== 1) continue;
        const el = node as Element;
        if (el.firstElementChild === null && el.shadowRoot === null && !el.matches(INTEREST_OR_FRAME))
          continue;
        scan(el);
        if (done) return;
      }
    }
  });
  // An image gets its size when it loads, which no mutation reports: one listener for them all.
  // A same-origin frame gets its document then too.
  const onLoad = (event: Event): void => {
    const target = event.target as Element;
    if (later.has(target)) queueRecheck();
    else if (target.localName === 'iframe' || target.localName === 'frame') scan(target);
  };

  function watch(root: Document | ShadowRoot): void {
    if (watched.has(root) || done) return;
    watched.add(root);
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      // What can show, or size, a picture that had no size.
      attributeFilter: ['style', 'class', 'hidden', 'open', 'width', 'height'],
    });
    root.addEventListener('load', onLoad, true);
    cleanups.push(() => root.removeEventListener('load', onLoad, true));
    scan(root);
  }

  function stop(): void {
    done = true;
    observer.disconnect();
    cleanups.forEach((cleanup) => cleanup());
    cleanups.length = 0;
    later.clear();
  }

  watch(doc);
  return stop;
}
