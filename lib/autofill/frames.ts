/**
 * The places a field can live: the document, open shadow roots (any depth) and same-origin iframes.
 * Closed shadow roots and cross-origin frames are out of reach by design and skipped silently.
 */
import { isVisible } from './visibility';

export type ScanRoot = { root: Document | ShadowRoot | Element; win: Window };

/** Nesting limit for frames in frames and shadow roots in shadow roots. */
const MAX_DEPTH = 8;

/** The document of a same-origin iframe, or null (cross-origin, not loaded, sandboxed). */
export function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    const doc = frame.contentDocument;
    // Touch the document: a cross-origin one throws SecurityError in some engines only here.
    return doc && doc.documentElement ? doc : null;
  } catch {
    return null;
  }
}

function frameWindow(frame: HTMLIFrameElement, doc: Document, fallback: Window): Window {
  try {
    return frame.contentWindow ?? doc.defaultView ?? fallback;
  } catch {
    return doc.defaultView ?? fallback;
  }
}

/** Every scan root under `root` (itself first), in document order. */
export function collectScanRoots(root: Document | ShadowRoot | Element, win: Window): ScanRoot[] {
  const out: ScanRoot[] = [];
  const visit = (node: Document | ShadowRoot | Element, view: Window, depth: number): void => {
    out.push({ root: node, win: view });
    if (depth >= MAX_DEPTH) return;
    for (const el of Array.from(node.querySelectorAll('*'))) {
      if (el.shadowRoot) visit(el.shadowRoot, view, depth + 1);
      if (el.localName === 'iframe' || el.localName === 'frame') {
        const frame = el as HTMLIFrameElement;
        const doc = frameDocument(frame);
        if (!doc || !isVisible(frame, view)) continue;
        visit(doc, frameWindow(frame, doc, view), depth + 1);
      }
    }
  };
  visit(root, win, 0);
  return out;
}

/** Inputs directly in this root (not in nested shadow roots or frames), plus the root if it is one. */
export function inputsIn(root: Document | ShadowRoot | Element): HTMLInputElement[] {
  const list = Array.from(root.querySelectorAll('input'));
  if (root.nodeType === 1 && (root as Element).localName === 'input') list.unshift(root as HTMLInputElement);
  return list;
}
