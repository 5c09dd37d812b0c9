import type { Rect } from '../geometry';
import { findQrCandidates } from './candidates';

/**
 * Where the background leaves the one image the context menu was opened on, in the isolated
 * world, before it injects the scanner; `takeScanSource` reads it there, once, so a later scan of
 * the whole page is not narrowed to that image.
 */
export const SCAN_SOURCE_KEY = '__twofoldScanSrc';

export function takeScanSource(scope: object): string | undefined {
  const slots = scope as Record<string, unknown>;
  const value = slots[SCAN_SOURCE_KEY];
  delete slots[SCAN_SOURCE_KEY];
  return typeof value === 'string' ? value : undefined;
}

/** A visible frame whose content comes from another origin than the page's. */
export interface ForeignFrame {
  rect: Rect;
  /** Its origin as the frame's address says (`null` for a sandboxed frame). */
  origin: string;
}

export interface PageScan {
  /** Where the page shows something that may be a QR code (CSS px, viewport-relative). */
  rects: Rect[];
  viewport: { width: number; height: number };
  /** What a screenshot shows of other sites: a code found only there is not this page's. */
  foreignFrames: ForeignFrame[];
}

const box = ({ x, y, width, height }: DOMRect): Rect => ({ x, y, width, height });

/** Frames on the page that show another origin (or an opaque one), where they are visible. */
export function foreignFrames(doc: Document, win: Window): ForeignFrame[] {
  const own = win.location.origin;
  const frames: ForeignFrame[] = [];
  for (const frame of doc.querySelectorAll('iframe, frame, object, embed')) {
    const rect = frame.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) continue;
    const source = frame.getAttribute('src') ?? frame.getAttribute('data') ?? '';
    let origin = own;
    try {
      if (source && !/^(about:|javascript:)/i.test(source)) origin = new URL(source, doc.baseURI).origin;
    } catch {
      origin = 'null';
    }
    const sandbox = frame.getAttribute('sandbox');
    if (sandbox !== null && !/\ballow-same-origin\b/.test(sandbox)) origin = 'null';
    if (origin !== own) frames.push({ rect: box(rect), origin });
  }
  return frames;
}

/**
 * One pass over a page for the popup's "Scan QR code on this page" (or one image
 * for the context menu, `onlySrc`). Runs in the page's isolated world and only
 * locates candidates: the background decodes them from a screenshot, which the
 * user's click allows, so this injected script stays tiny and never sees a secret.
 */
export function scanPage(doc: Document, win: Window, onlySrc?: string): PageScan {
  const isTheImage = (element: Element) =>
    element instanceof HTMLImageElement && (element.currentSrc === onlySrc || element.src === onlySrc);
  const rects = findQrCandidates(doc, win)
    .filter((candidate) => !onlySrc || isTheImage(candidate.element))
    .map(({ rect }) => box(rect));
  return {
    rects,
    viewport: { width: win.innerWidth, height: win.innerHeight },
    foreignFrames: foreignFrames(doc, win),
  };
}
