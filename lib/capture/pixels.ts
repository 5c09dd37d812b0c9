import type { RgbaImage } from '../qr/types';
import type { QrCandidate } from './candidates';

/**
 * Reading an element's pixels fails for a tainted canvas or a cross-origin
 * image: that is `'tainted'`, and the caller falls back to a screenshot crop.
 */
export type PixelResult = { image: RgbaImage } | { tainted: true } | { empty: true };

/**
 * Larger sources are scaled down to this: plenty for a QR code on a page, and
 * the pixels travel to the background (640² RGBA is 1.6 MB, 2.2 MB as base64).
 */
const MAX_SIDE = 640;

/**
 * An HTML element whatever the document: in an SVG or XML document (an image opened on its own),
 * `createElement` makes a plain element with no canvas or image behind it, and a load that never
 * comes would stall the capture.
 */
function htmlElement<K extends 'canvas' | 'img'>(doc: Document, name: K): HTMLElementTagNameMap[K] {
  return doc.createElementNS('http://www.w3.org/1999/xhtml', name) as HTMLElementTagNameMap[K];
}

export async function readPixels(candidate: QrCandidate, doc: Document): Promise<PixelResult> {
  try {
    switch (candidate.kind) {
      case 'canvas':
        return fromCanvas(candidate.element as HTMLCanvasElement, doc);
      case 'img':
        return fromDrawable(candidate.element as HTMLImageElement, doc);
      case 'svg':
        return fromDrawable(await svgAsImage(candidate.element as SVGSVGElement, doc), doc);
      case 'background':
        return fromDrawable(await backgroundAsImage(candidate.element, doc), doc);
    }
  } catch (error) {
    if (isSecurityError(error)) return { tainted: true };
    return { empty: true };
  }
}

function fromCanvas(canvas: HTMLCanvasElement, doc: Document): PixelResult {
  if (canvas.width === 0 || canvas.height === 0) return { empty: true };
  if (Math.max(canvas.width, canvas.height) > MAX_SIDE) return fromDrawable(canvas, doc);
  const context2d = canvas.getContext('2d', { willReadFrequently: true });
  // A canvas already bound to WebGL returns null here: copy it through drawImage.
  if (!context2d) return fromDrawable(canvas, doc);
  const image = context2d.getImageData(0, 0, canvas.width, canvas.height);
  return isBlank(image) ? { empty: true } : { image };
}

function fromDrawable(source: HTMLImageElement | HTMLCanvasElement, doc: Document): PixelResult {
  const width = source instanceof HTMLImageElement ? source.naturalWidth : source.width;
  const height = source instanceof HTMLImageElement ? source.naturalHeight : source.height;
  if (!width || !height) return { empty: true };
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const canvas = htmlElement(doc, 'canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context2d = canvas.getContext('2d', { willReadFrequently: true });
  if (!context2d) return { empty: true };
  // Transparent codes are drawn on white, as a phone camera would see them on the page.
  context2d.fillStyle = '#fff';
  context2d.fillRect(0, 0, canvas.width, canvas.height);
  context2d.imageSmoothingEnabled = false;
  context2d.drawImage(source, 0, 0, canvas.width, canvas.height);
  const image = context2d.getImageData(0, 0, canvas.width, canvas.height);
  return isBlank(image) ? { empty: true } : { image };
}

async function svgAsImage(svg: SVGSVGElement, doc: Document): Promise<HTMLImageElement> {
  const rect = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // Render at 2x its CSS size so thin modules survive rasterising.
  clone.setAttribute('width', String(Math.round(rect.width * 2)));
  clone.setAttribute('height', String(Math.round(rect.height * 2)));
  const markup = new XMLSerializer().serializeToString(clone);
  return loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`, doc);
}

async function backgroundAsImage(element: Element, doc: Document): Promise<HTMLImageElement> {
  const view = doc.defaultView;
  const css = view?.getComputedStyle(element).backgroundImage ?? '';
  const url = /url\(["']?([^"')]+)["']?\)/.exec(css)?.[1];
  if (!url) throw new Error('no background image');
  return loadImage(url, doc);
}

function loadImage(src: string, doc: Document): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = htmlElement(doc, 'img');
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('image did not load'));
    image.src = src;
  });
}

/** A canvas not drawn yet is all zeros (or one flat colour): nothing to decode. */
function isBlank(image: ImageData): boolean {
  const { data } = image;
  const step = Math.max(4, Math.floor(data.length / 4 / 2048) * 4);
  const first = data[0]! + data[1]! + data[2]! + data[3]!;
  for (let i = step; i < data.length; i += step) {
    if (data[i]! + data[i + 1]! + data[i + 2]! + data[i + 3]! !== first) return false;
  }
  return true;
}

function isSecurityError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'SecurityError';
}
