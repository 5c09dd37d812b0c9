/**
 * An image opened on its own: an SVG document (no HTML at all) or the browser's HTML page around a
 * PNG. In the SVG document the capture declines cleanly (the page says nothing, the popup's scan
 * reads it) and reading pixels never waits on an element that is not an image.
 */
import { describe, expect, it, vi } from 'vitest';
import { readPixels } from '@/lib/capture/pixels';
import { isHtmlDocument, startQrCapture } from '@/lib/content/qr-capture';
import type { InPagePrompt } from '@/lib/content/prompt';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29" width="290" height="290"><rect width="29" height="29" fill="#fff"/><path d="M4 4h7v7h-7z"/></svg>`;

function svgDocument(): Document {
  return new window.DOMParser().parseFromString(SVG, 'image/svg+xml');
}

describe('an image opened on its own', () => {
  it.each<[string, boolean, () => Document]>([
    ['an SVG document', false, svgDocument],
    ['an HTML page', true, () => document],
    [
      'the HTML page a browser makes around a PNG',
      true,
      () => new window.DOMParser().parseFromString('<img src="qr.png">', 'text/html'),
    ],
  ])('%s renders HTML: %s', (_name, expected, make) => {
    expect(isHtmlDocument(make())).toBe(expected);
  });

  it('in an SVG document the capture says nothing and listens for nothing', () => {
    const doc = svgDocument();
    const send = vi.fn();
    const onMessage = vi.fn(() => () => undefined);
    const show = vi.fn();
    const stop = startQrCapture({
      doc,
      win: window,
      send: send as never,
      onMessage: onMessage,
      t: (key: string) => key,
      prompt: { show, remove: vi.fn() } as unknown as InPagePrompt,
      fill: () => Promise.resolve(false),
    });
    expect(onMessage).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
    expect(show).not.toHaveBeenCalled();
    stop();
  });

  it('reading the pixels of an SVG document settles (it never waits on a non-image element)', async () => {
    const doc = svgDocument();
    const svg = doc.documentElement as unknown as SVGSVGElement;
    svg.getBoundingClientRect = () => new DOMRect(0, 0, 290, 290);
    const created = vi.spyOn(doc, 'createElementNS');
    const result = readPixels(
      { element: svg, kind: 'svg', rect: new DOMRect(0, 0, 290, 290), inDialog: false },
      doc,
    );
    const settled = await Promise.race([
      result.then(() => true),
      new Promise((r) => setTimeout(() => r(false), 500)),
    ]);
    expect(created).toHaveBeenCalledWith('http://www.w3.org/1999/xhtml', 'img');
    expect(settled).toBe(true);
  });
});
