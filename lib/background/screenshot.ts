import type { Rect } from '../geometry';
import type { RgbaImage } from '../qr/types';

/** Chrome allows two captureVisibleTab calls a second; stay under it. */
export const MIN_CAPTURE_INTERVAL_MS = 550;
/** Quiet-zone margin (CSS px) added around an element before decoding its crop. */
const MARGIN = 8;

/** Serialises captures and spaces them out, so a busy page never trips the quota. */
export class CaptureThrottle {
  private last = -Infinity;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  run<T>(capture: () => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      const wait = this.last + MIN_CAPTURE_INTERVAL_MS - this.now();
      if (wait > 0) await this.sleep(wait);
      this.last = this.now();
      return capture();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/**
 * Crops element rectangles out of a screenshot. The screenshot is in device
 * pixels (zoom × devicePixelRatio), the rectangles in CSS pixels of a viewport
 * of known width: their ratio is the scale, whatever the zoom.
 */
export async function cropScreenshot(
  dataUrl: string,
  rects: readonly Rect[],
  viewport: { width: number; height: number },
): Promise<RgbaImage[]> {
  const bitmap = await createImageBitmap(await (await fetch(dataUrl)).blob());
  const scale = bitmap.width / viewport.width;
  const crops: RgbaImage[] = [];
  for (const rect of rects) {
    const x = Math.max(0, Math.floor((rect.x - MARGIN) * scale));
    const y = Math.max(0, Math.floor((rect.y - MARGIN) * scale));
    const width = Math.min(bitmap.width - x, Math.ceil((rect.width + 2 * MARGIN) * scale));
    const height = Math.min(bitmap.height - y, Math.ceil((rect.height + 2 * MARGIN) * scale));
    if (width < 8 || height < 8) continue;
    const canvas = new OffscreenCanvas(width, height);
    const context2d = canvas.getContext('2d', { willReadFrequently: true });
    if (!context2d) continue;
    context2d.drawImage(bitmap, x, y, width, height, 0, 0, width, height);
    crops.push(context2d.getImageData(0, 0, width, height));
  }
  bitmap.close();
  return crops;
}
