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

export interface PageScan {
  /** Where the page shows something that may be a QR code (CSS px, viewport-relative). */
  rects: Rect[];
  viewport: { width: number; height: number };
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
    .map(({ rect }) => ({ x: rect.x, y: rect.y, width: rect.width, height: rect.height }));
  return { rects, viewport: { width: win.innerWidth, height: win.innerHeight } };
}
