import { afterEach, describe, expect, it, vi } from 'vitest';
import { ARM_AFTER_MS, cardLooksVisible, guardCard } from '@/lib/content/card-guard';
import { createShadowHost, enforceHostStyle, keepInTopLayer } from '@/lib/content/shadow-host';

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
  const buttonBox = { left: 680, top: 90, width: 100, height: 30 };
  button.getBoundingClientRect = () => buttonBox as DOMRect;
  /** Computed values the page changed: element → property → value. */
  const moved = new Map<Element, Record<string, string>>();
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
        getPropertyValue: (name: string) => moved.get(element)?.[name] ?? '',
      }) as unknown as CSSStyleDeclaration,
    performance,
  } as unknown as Window;
  const doc = { elementFromPoint: () => (options.hit === 'decoy' ? decoy : host) } as unknown as Document;
  return { host, card, button, rect, buttonBox, moved, env: { win, doc } };
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

type Layout = ReturnType<typeof layout>;

describe('guardCard: a card the page moves', () => {
  /** Moves a page can make between the two clicks of a double-click (or before a key press). */
  const moves: [string, (l: Layout) => void][] = [
    [
      '<html> translated, the card with it',
      (l) => {
        l.moved.set(document.documentElement, { translate: '-200px 300px' });
        Object.assign(l.rect, { left: 464, right: 784, top: 316, bottom: 436, x: 464, y: 316 });
        Object.assign(l.buttonBox, { left: 480, top: 390 });
      },
    ],
    [
      'a transform on <body>, the host moved into it',
      (l) => {
        document.body.append(l.host);
        l.moved.set(document.body, { transform: 'matrix(1, 0, 0, 1, 40, 40)' });
      },
    ],
    ['<html> scaled', (l) => l.moved.set(document.documentElement, { scale: '1.2' })],
    ['<html> rotated', (l) => l.moved.set(document.documentElement, { rotate: '1deg' })],
    ['<html> zoomed', (l) => l.moved.set(document.documentElement, { zoom: '1.5' })],
    ['the page scrolled and the card with it', (l) => Object.assign(l.rect, { top: 6, bottom: 126, y: 6 })],
    ["the host's position changed", (l) => l.moved.set(l.host, { position: 'absolute' })],
    ['a button resized', (l) => Object.assign(l.buttonBox, { width: 260 })],
  ];

  it.each(moves)('%s: disarms at once, says so, and arms again only 500 ms later', (_name, move) => {
    vi.useFakeTimers();
    let now = 0;
    const l = layout();
    const said: boolean[] = [];
    const guard = guardCard(l.host, l.card, [l.button], { ...l.env, now: () => now }, (m) => said.push(m));
    now = ARM_AFTER_MS;
    vi.advanceTimersByTime(ARM_AFTER_MS);
    expect(guard.isArmed()).toBe(true);
    expect(l.button.disabled).toBe(false);

    move(l);
    // The click (or key press) right after the move: judged at that moment, before any observer.
    expect(guard.isArmed()).toBe(false);
    expect(l.button.disabled).toBe(true);
    expect(said).toEqual([true]);
    now += ARM_AFTER_MS - 1;
    vi.advanceTimersByTime(ARM_AFTER_MS - 1);
    expect(guard.isArmed()).toBe(false);
    now += 1;
    vi.advanceTimersByTime(1);
    expect(guard.isArmed()).toBe(true);
    expect(l.button.disabled).toBe(false);
    expect(said).toEqual([true, false]);
    guard.stop();
  });

  it('a move during the wait starts it again, silently (the buttons are still waiting)', () => {
    vi.useFakeTimers();
    let now = 0;
    const l = layout();
    const said: boolean[] = [];
    const guard = guardCard(l.host, l.card, [l.button], { ...l.env, now: () => now }, (m) => said.push(m));
    now = 400;
    vi.advanceTimersByTime(400);
    l.moved.set(document.documentElement, { zoom: '1.5' });
    expect(guard.isArmed()).toBe(false);
    now = 800;
    vi.advanceTimersByTime(400);
    expect(guard.isArmed()).toBe(false);
    now = 900;
    vi.advanceTimersByTime(100);
    expect(guard.isArmed()).toBe(true);
    expect(said).toEqual([]);
    guard.stop();
  });

  it('a style change on <html> disarms at the next frame, without waiting for a click', async () => {
    let now = 0;
    const l = layout();
    const frames: FrameRequestCallback[] = [];
    const win = Object.assign(l.env.win, {
      MutationObserver: window.MutationObserver,
      requestAnimationFrame: (callback: FrameRequestCallback) => frames.push(callback),
      cancelAnimationFrame: () => undefined,
    });
    const guard = guardCard(l.host, l.card, [l.button], { ...l.env, win, now: () => now });
    now = ARM_AFTER_MS;
    expect(guard.isArmed()).toBe(true);
    l.moved.set(document.documentElement, { translate: '0px 300px' });
    document.documentElement.setAttribute('style', 'translate: 0px 300px');
    await vi.waitFor(() => expect(frames.length).toBeGreaterThan(0));
    frames.splice(0).forEach((frame) => frame(0));
    expect(l.button.disabled).toBe(true);
    guard.stop();
    document.documentElement.removeAttribute('style');
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

describe('keepInTopLayer', () => {
  /** A host in a browser with popovers (happy-dom has none): `showPopover` and `:popover-open`. */
  function popoverHost() {
    const { host } = createShadowHost(document, 'test');
    document.documentElement.append(host);
    let open = false;
    host.showPopover = () => {
      if (host.getAttribute('popover') === null) throw new DOMException('not a popover', 'NotSupportedError');
      open = true;
    };
    host.hidePopover = () => void (open = false);
    const matches = host.matches.bind(host);
    host.matches = (selector: string) => (selector === ':popover-open' ? open : matches(selector));
    return { host, isOpen: () => open };
  }

  it.each<[string, (host: HTMLElement) => void]>([
    ['hidden by the page (hidePopover)', (host) => host.hidePopover()],
    [
      'its popover attribute removed',
      (host) => {
        host.removeAttribute('popover');
        host.hidePopover();
      },
    ],
    ['made an auto popover (light dismiss)', (host) => host.setAttribute('popover', 'auto')],
  ])('puts the host back in the top layer when %s, and says it had not held', (_name, attack) => {
    const { host, isOpen } = popoverHost();
    keepInTopLayer(host);
    expect(host.getAttribute('popover')).toBe('manual');
    expect(isOpen()).toBe(true);
    expect(keepInTopLayer(host)).toBe(true);
    attack(host);
    expect(keepInTopLayer(host)).toBe(false);
    expect(host.getAttribute('popover')).toBe('manual');
    expect(isOpen()).toBe(true);
    expect(keepInTopLayer(host)).toBe(true);
  });
});
