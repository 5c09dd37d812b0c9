import type { Rect } from '../messaging';
import type { RgbaImage } from '../qr/types';
import { findQrCandidates } from './candidates';
import { readPixels } from './pixels';

export interface PageScan {
  /** Every QR text read straight from the page's pixels. */
  texts: string[];
  /** Elements whose pixels the page does not let us read: decode these from a screenshot. */
  tainted: Rect[];
  viewport: { width: number; height: number };
}

/**
 * One pass over a page for the popup's "Scan QR code on this page" (or one image
 * for the context menu, `onlySrc`). Runs in the page's isolated world.
 */
export async function scanPage(
  doc: Document,
  win: Window,
  decode: (image: RgbaImage) => string[],
  onlySrc?: string,
): Promise<PageScan> {
  const texts = new Set<string>();
  const tainted: Rect[] = [];
  const isTheImage = (element: Element) =>
    element instanceof HTMLImageElement && (element.currentSrc === onlySrc || element.src === onlySrc);
  const candidates = findQrCandidates(doc, win).filter((c) => !onlySrc || isTheImage(c.element));
  for (const candidate of candidates) {
    const result = await readPixels(candidate, doc);
    if ('image' in result) decode(result.image).forEach((text) => texts.add(text));
    else if ('tainted' in result) {
      const { x, y, width, height } = candidate.rect;
      tainted.push({ x, y, width, height });
    }
  }
  return { texts: [...texts], tainted, viewport: { width: win.innerWidth, height: win.innerHeight } };
}
