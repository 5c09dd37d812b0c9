import { afterEach, beforeEach } from 'vitest';
/**
 * happy-dom has no layout: every box is 0×0. These helpers give each element a plausible rect
 * (120×32 at 10,10) unless it carries `data-rect="x,y,width,height"` — how a case says
 * "zero-size" or "off-screen".
 */
type Rect = { x: number; y: number; width: number; height: number };

function toDomRect({ x, y, width, height }: Rect): DOMRect {
  return {
    x,
    y,
    width,
    height,
    left: x,
    top: y,
    right: x + width,
    bottom: y + height,
    toJSON: () => ({}),
  };
}

export function stubLayout(win: Window = window): () => void {
  const proto = (win as Window & typeof globalThis).Element.prototype;
  const original = Object.getOwnPropertyDescriptor(proto, 'getBoundingClientRect');
  Object.defineProperty(proto, 'getBoundingClientRect', {
    configurable: true,
    writable: true,
    value(this: Element): DOMRect {
      const spec = this.getAttribute('data-rect');
      if (spec) {
        const [x = 0, y = 0, width = 0, height = 0] = spec.split(',').map(Number);
        return toDomRect({ x, y, width, height });
      }
      return toDomRect({ x: 10, y: 10, width: 120, height: 32 });
    },
  });
  return () => {
    if (original) Object.defineProperty(proto, 'getBoundingClientRect', original);
  };
}

/** Replace the body with `html` and return the document. */
export function mount(html: string, doc: Document = document): Document {
  doc.body.innerHTML = html;
  return doc;
}

/** `n` one-digit boxes, each wrapped like most widgets do. */
export function boxes(n: number, attrs = 'inputmode="numeric"', wrap = false): string {
  return Array.from({ length: n }, (_, i) => {
    const input = `<input class="box" maxlength="1" ${attrs} aria-label="Digit ${i + 1}">`;
    return wrap ? `<div class="cell">${input}</div>` : input;
  }).join('');
}

/**
 * Every test of the calling file gets the stubbed layout, and an empty document
 * afterwards; `cleanup` runs first (stop watchers, unmount components).
 */
export function useStubbedLayout(cleanup: () => void = () => undefined): void {
  let restore: () => void = () => undefined;
  beforeEach(() => {
    restore = stubLayout(window);
  });
  afterEach(() => {
    cleanup();
    restore();
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });
}
