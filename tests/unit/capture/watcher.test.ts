import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QrCandidate } from '@/lib/capture/candidates';
import type { PixelResult } from '@/lib/capture/pixels';
import { watchQrCodes } from '@/lib/capture/watcher';

const IMAGE = { data: new Uint8ClampedArray(4), width: 1, height: 1 };

function addCanvas(id: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.id = id;
  canvas.getBoundingClientRect = () => new DOMRect(100, 100, 200, 200);
  document.body.append(canvas);
  return canvas;
}

function harness(read: (c: QrCandidate) => PixelResult) {
  const texts: string[] = [];
  const screenshots: string[][] = [];
  const stop = watchQrCodes(document, window, {
    readPixels: (candidate) => Promise.resolve(read(candidate)),
    submit: (_image, candidate) => {
      texts.push(candidate.element.id);
      return Promise.resolve(1);
    },
    screenshot: (candidates) => {
      screenshots.push(candidates.map((c) => c.element.id));
      return Promise.resolve();
    },
  });
  return { texts, screenshots, stop };
}

// Longer than the watcher's minimum interval between two scans (50 ms).
const settle = () => new Promise((resolve) => setTimeout(resolve, 80));

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('watchQrCodes', () => {
  it('reports a code already on the page, once', async () => {
    addCanvas('a');
    const { texts, stop } = harness(() => ({ image: IMAGE }));
    await settle();
    document.body.append(document.createElement('p'));
    await settle();
    expect(texts).toHaveLength(1);
    stop();
  });

  it('sees a pop-up that opens later without any click', async () => {
    const { texts, stop } = harness(() => ({ image: IMAGE }));
    await settle();
    expect(texts).toHaveLength(0);
    addCanvas('late');
    await settle();
    expect(texts).toHaveLength(1);
    stop();
  });

  it('looks again at a canvas that was still blank', async () => {
    addCanvas('blank');
    let drawn = false;
    const { texts, stop } = harness(() => (drawn ? { image: IMAGE } : { empty: true }));
    await settle();
    expect(texts).toHaveLength(0);
    drawn = true;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(texts).toHaveLength(1);
    stop();
  });

  it('sends unreadable (tainted) elements to the screenshot path once', async () => {
    addCanvas('tainted');
    const { texts, screenshots, stop } = harness(() => ({ tainted: true }));
    await settle();
    document.body.append(document.createElement('div'));
    await settle();
    expect(screenshots).toEqual([['tainted']]);
    expect(texts).toHaveLength(0);
    stop();
  });

  it('stops watching when asked', async () => {
    const { texts, stop } = harness(() => ({ image: IMAGE }));
    stop();
    addCanvas('after');
    await settle();
    expect(texts).toHaveLength(0);
  });
});
