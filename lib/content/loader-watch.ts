import { DIALOG_SELECTOR } from '../capture/candidates';
import { NOT_TEXT_TYPES } from './text-types';

/**
 * What the loader watches for: the two things Twofold acts on. Anything else on a page (tables,
 * text, icons) never brings capture and autofill in.
 */

/**
 * Icon sizes, as width or height attributes: a picture so marked is no QR code (a phone needs
 * `MIN_SIDE` px or more, lib/capture/candidates.ts). The common sizes only, not every number
 * below it: each one is tested against every picture of the page at every load, and a picture of
 * another small size only brings the features in, as any candidate does.
 */
export const ICON_SIZES = [8, 10, 12, 14, 16, 18, 20, 22, 24, 28, 32, 36, 40];
const ICON = ICON_SIZES.map((size) => `[width="${size}"],[height="${size}"]`).join();

/** A field that takes typed text, where a one-time code may go. */
export const FIELD_SELECTOR = [
  `input:not(${NOT_TEXT_TYPES.map((type) => `[type=${type}]`).join()})`,
  'textarea',
  '[contenteditable]:not([contenteditable=false])',
].join();

/**
 * A field, or what may show a QR code: a canvas, an image or an SVG not marked as icon-sized, an
 * inline CSS image, a dialog (capture reads CSS background images in dialogs), and frames
 * (Twofold's autofill reaches into same-origin frames, which get no script of their own when they
 * are about:blank or srcdoc).
 */
export const WORK_SELECTOR = [
  FIELD_SELECTOR,
  `canvas:not(${ICON})`,
  `img:not(${ICON})`,
  `svg:not(${ICON})`,
  '[style*="url("]',
  DIALOG_SELECTOR,
  'iframe',
  'frame',
].join();

/**
 * Calls `onWork` once, as soon as the document holds a field or a QR candidate, or the user focuses
 * a field the document cannot see into (a shadow root). It never lists the page's elements: one
 * `querySelector` at the start, then only the nodes a mutation adds. Returns a stop function.
 */
export function watchForWork(doc: Document, win: Window, onWork: () => void): () => void {
  let stopped = false;
  const observer = new (win as Window & typeof globalThis).MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && holdsWork(node as Element)) return found();
      }
    }
  });
  // A field inside a shadow root is reported at its host; the path's first node is the field
  // itself for an open root, the host for a closed one (a custom element: its tag has a dash).
  const onFocus = (event: Event) => {
    const target = event.composedPath()[0] as Element | undefined;
    if (target?.nodeType === 1 && (target.matches(FIELD_SELECTOR) || target.localName.includes('-'))) found();
  };
  function stop(): void {
    stopped = true;
    observer.disconnect();
    doc.removeEventListener('focusin', onFocus, true);
  }
  function found(): void {
    if (stopped) return;
    stop();
    onWork();
  }
  if (doc.querySelector(WORK_SELECTOR)) {
    found();
    return stop;
  }
  observer.observe(doc, { childList: true, subtree: true });
  doc.addEventListener('focusin', onFocus, true);
  return stop;
}

function holdsWork(element: Element): boolean {
  return element.matches(WORK_SELECTOR) || element.querySelector(WORK_SELECTOR) !== null;
}
