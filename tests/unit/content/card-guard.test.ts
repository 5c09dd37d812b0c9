import { afterEach, describe, expect, it, vi } from 'vitest';
import { ARM_AFTER_MS, cardLooksVisible, guardCard } from '@/lib/content/card-guard';
import { createShadowHost, enforceHostStyle } from '@/lib/content/shadow-host';

/** A card in the corner of a 1000×800 viewport whose layout the test decides. */
function layout(options: { hit?: 'card' | 'decoy'; opacity?: string; box?: Partial<DOMRect> } = {}) {
  const { host, root } = createShadowHost(document, 'test');
  const card = document.createElement('section');
  const button = document.createElement('button');
  card.append(button);
  root.append(card);
  document.documentElement.append(host);
  const rect = {
    left: 664,
    top: 16,
    right: 984,
    bottom: 136,
    width: 320,
    height: 120,
    x: 664,
    y: 16,
    ...options.box,
  };
  host.getBoundingClientRect = () => rect as DOMRect;
  Object.defineProperty(host, 'offsetWidth', { value: 320 });
  Object.defineProperty(host, 'offsetHeight', { value: 120 });
  button.getBoundingClientRect = () => ({ left: 680, top: 90, width: 100, height: 30 }) as DOMRect;
  const decoy = document.createElement('div');
  const win = {
    innerWidth: 1000,
    innerHeight: 800,
    getComputedStyle: (element: Element) =>
      ({
        opacity: element === document.documentElement ? (options.opacity ?? '1') : '1',
        filter: 'none',
        clipPath: 'none',
        mixBlendMode: 'normal',
        visibility: 'visible',
        getPropertyValue: () => '',
      }) as unknown as CSSStyleDeclaration,
    performance,
  } as unknown as Window;
  const doc = { elementFromPoint: () => (options.hit === 'decoy' ? decoy : host) } as unknown as Document;
  return { host, card, button, env: { win, doc } };
}

afterEach(() => {
  vi.useRealTimers();
  document.querySelectorAll('twofold-ui').forEach((element) => element.remove());
});

describe('cardLooksVisible (without IntersectionObserver v2)', () => {
  it.each([
    ['in view, on top, opaque', {}, true],
    ['covered at the button by another element', { hit: 'decoy' as const }, false],
    ['inside a faded page', { opacity: '0.02' }, false],
    ['pushed off screen', { box: { top: 900, bottom: 1020 } }, false],
    ['shrunk by a transform above it', { box: { width: 32, right: 696 } }, false],
  ])('%s', (_name, options, expected) => {
    const { host, button, env } = layout(options);
    expect(cardLooksVisible(host, [button], env)).toBe(expected);
  });
});

describe('guardCard', () => {
  it(`arms the buttons only after ${ARM_AFTER_MS} ms in view, and disarms them when covered`, () => {
    vi.useFakeTimers();
    let now = 0;
    const hit = { value: 'card' as 'card' | 'decoy' };
    const { host, card, button, env } = layout();
    const doc = {
      elementFromPoint: () => (hit.value === 'decoy' ? document.body : host),
    } as unknown as Document;
    const guard = guardCard(host, card, [button], { ...env, doc, now: () => now });
    expect(button.disabled).toBe(true);
    expect(guard.isArmed()).toBe(false);
    now = ARM_AFTER_MS - 1;
    vi.advanceTimersByTime(ARM_AFTER_MS - 1);
    expect(guard.isArmed()).toBe(false);
    now = ARM_AFTER_MS + 100;
    vi.advanceTimersByTime(101);
    expect(button.disabled).toBe(false);
    expect(guard.isArmed()).toBe(true);
    hit.value = 'decoy';
    expect(guard.isArmed()).toBe(false);
    expect(button.disabled).toBe(true);
    guard.stop();
  });
});

describe('enforceHostStyle', () => {
  it('puts back a style attribute the page edited, and says it had not held', () => {
    const { host } = createShadowHost(document, 'test');
    expect(enforceHostStyle(host)).toBe(true);
    host.setAttribute('style', 'opacity: 0.01');
    expect(enforceHostStyle(host)).toBe(false);
    expect(host.style.getPropertyValue('opacity')).toBe('1');
    expect(host.style.getPropertyPriority('opacity')).toBe('important');
  });
});
