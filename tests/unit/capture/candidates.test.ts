import { beforeEach, describe, expect, it } from 'vitest';
import { findQrCandidates } from '@/lib/capture/candidates';

/** happy-dom has no layout: give elements the boxes a browser would. */
function box(element: Element, x: number, y: number, width: number, height: number): void {
  element.getBoundingClientRect = () => new DOMRect(x, y, width, height);
}

beforeEach(() => {
  document.body.innerHTML = '';
  Object.defineProperty(window, 'innerWidth', { value: 1280, configurable: true });
  Object.defineProperty(window, 'innerHeight', { value: 800, configurable: true });
});

describe('findQrCandidates', () => {
  it.each([
    ['a canvas', '<canvas id="c"></canvas>', [100, 100, 200, 200], 1],
    ['an image', '<img id="c" alt="">', [100, 100, 180, 180], 1],
    ['an inline svg', '<svg id="c"></svg>', [100, 100, 150, 150], 1],
    ['a slightly oblong image', '<img id="c" alt="">', [100, 100, 200, 160], 1],
    ['an icon', '<img id="c" alt="">', [10, 10, 24, 24], 0],
    ['a banner', '<img id="c" alt="">', [0, 0, 900, 120], 0],
    ['an element off screen', '<canvas id="c"></canvas>', [-500, -500, 200, 200], 0],
    ['a hidden canvas', '<canvas id="c" style="display:none"></canvas>', [100, 100, 200, 200], 0],
    [
      'a transparent canvas',
      '<div style="opacity:0"><canvas id="c"></canvas></div>',
      [100, 100, 200, 200],
      0,
    ],
  ] as const)('%s', (_name, html, [x, y, width, height], expected) => {
    document.body.innerHTML = html;
    box(document.getElementById('c')!, x, y, width, height);
    expect(findQrCandidates(document, window)).toHaveLength(expected);
  });

  it('puts candidates inside an open dialog first', () => {
    document.body.innerHTML =
      '<img id="page" alt=""><div role="dialog" aria-modal="true"><canvas id="dialog"></canvas></div>';
    box(document.getElementById('page')!, 0, 0, 200, 200);
    box(document.getElementById('dialog')!, 300, 100, 200, 200);
    const found = findQrCandidates(document, window);
    expect(found.map((c) => c.element.id)).toEqual(['dialog', 'page']);
    expect(found[0]?.inDialog).toBe(true);
  });

  it('finds a CSS background image inside a dialog', () => {
    document.body.innerHTML =
      '<div role="dialog"><div id="bg" style="background-image:url(data:image/png;base64,AAAA)"></div></div>';
    box(document.getElementById('bg')!, 100, 100, 200, 200);
    expect(findQrCandidates(document, window).map((c) => c.kind)).toEqual(['background']);
  });
});
