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

/** A screenshot (data URL) as pixels. */
export async function screenshotPixels(dataUrl: string): Promise<RgbaImage> {
  const bitmap = await createImageBitmap(await (await fetch(dataUrl)).blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context2d = canvas.getContext('2d', { willReadFrequently: true })!;
  context2d.drawImage(bitmap, 0, 0);
  bitmap.close();
  return context2d.getImageData(0, 0, canvas.width, canvas.height);
}

/**
 * A copy of a screenshot with these rectangles (CSS px of `viewport`) painted white: what the
 * page itself shows, without the frames other sites draw into it.
 */
export function maskRects(image: RgbaImage, rects: readonly Rect[], viewport: { width: number }): RgbaImage {
  const data = new Uint8ClampedArray(image.data);
  const scale = image.width / viewport.width;
  for (const rect of rects) {
    const x0 = Math.max(0, Math.floor(rect.x * scale));
    const y0 = Math.max(0, Math.floor(rect.y * scale));
    const x1 = Math.min(image.width, Math.ceil((rect.x + rect.width) * scale));
    const y1 = Math.min(image.height, Math.ceil((rect.y + rect.height) * scale));
    for (let y = y0; y < y1; y++) data.fill(255, (y * image.width + x0) * 4, (y * image.width + x1) * 4);
  }
  return { data, width: image.width, height: image.height };
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
