import { afterEach, describe, expect, it } from 'vitest';
import { MOVING_PROPERTIES, moveBetween, placementOf, type Box } from '@/lib/content/card-placement';

/**
 * A card (host with two buttons) attached to `<html>` as Twofold attaches it, whose boxes and
 * computed styles the test sets, as a page would change them.
 */
function scene() {
  const html = document.documentElement;
  const host = document.createElement('twofold-ui');
  html.append(host);
  const save = document.createElement('button');
  const notNow = document.createElement('button');
  const boxes = new Map<Element, Box>([
    [host, { left: 664, top: 16, width: 320, height: 120 }],
    [save, { left: 680, top: 90, width: 120, height: 30 }],
    [notNow, { left: 808, top: 90, width: 80, height: 30 }],
  ]);
  for (const [element] of boxes) element.getBoundingClientRect = () => boxes.get(element) as DOMRect;
  const styles = new Map<Element, Record<string, string>>();
  const win = {
    getComputedStyle: (element: Element) => ({
      getPropertyValue: (name: string) =>
        styles.get(element)?.[name] ??
        {
          transform: 'none',
          translate: 'none',
          scale: 'none',
          rotate: 'none',
          zoom: '1',
          position: 'static',
          'offset-path': 'none',
        }[name] ??
        '',
    }),
  } as unknown as Window;
  const buttons = [save, notNow];
  /** Shifts every box of the card by (dx, dy), as a move of the whole card does. */
  const shift = (dx: number, dy: number) => {
    for (const [element, box] of boxes)
      boxes.set(element, { ...box, left: box.left + dx, top: box.top + dy });
  };
  const style = (element: Element, values: Record<string, string>) =>
    styles.set(element, { ...styles.get(element), ...values });
  styles.set(host, { position: 'fixed' });
  return { html, host, save, buttons, boxes, shift, style, now: () => placementOf(host, buttons, win) };
}

type Scene = ReturnType<typeof scene>;

afterEach(() => {
  document.querySelectorAll('twofold-ui').forEach((element) => element.remove());
});

describe('moveBetween: the card moved since its wait began', () => {
  it.each<[string, (s: Scene) => void, ReturnType<typeof moveBetween>]>([
    [
      '<html> translated (translate), the card with it',
      (s) => {
        s.style(s.html, { translate: '-200px 300px' });
        s.shift(-200, 300);
      },
      'styles',
    ],
    [
      '<html> translated, the card kept in place (top layer)',
      (s) => s.style(s.html, { translate: '-200px 300px' }),
      'styles',
    ],
    [
      'a transform on <body>, the host moved into it',
      (s) => {
        document.body.append(s.host);
        s.style(document.body, { transform: 'matrix(1, 0, 0, 1, 40, 40)' });
        s.shift(40, 40);
      },
      'styles',
    ],
    ['the host moved into <body>, nothing else', (s) => document.body.append(s.host), 'styles'],
    ['<html> scaled', (s) => s.style(s.html, { scale: '1.5' }), 'styles'],
    ['<html> rotated', (s) => s.style(s.html, { rotate: '180deg' }), 'styles'],
    ['<html> zoomed', (s) => s.style(s.html, { zoom: '1.5' }), 'styles'],
    ['a transform on <html>', (s) => s.style(s.html, { transform: 'matrix(1, 0, 0, 1, 0, 200)' }), 'styles'],
    [
      'an offset path on <html>',
      (s) => s.style(s.html, { 'offset-path': 'path("M 0 0 L 0 200")' }),
      'styles',
    ],
    ["the host's position changed", (s) => s.style(s.host, { position: 'absolute' }), 'styles'],
    ['scrolled with the page (the card moved up)', (s) => s.shift(0, -300), 'card'],
    ['the card resized', (s) => s.boxes.set(s.host, { left: 664, top: 16, width: 320, height: 400 }), 'card'],
    [
      'a button moved inside the card',
      (s) => s.boxes.set(s.save, { left: 680, top: 60, width: 120, height: 30 }),
      'button',
    ],
    [
      'a button resized',
      (s) => s.boxes.set(s.save, { left: 680, top: 90, width: 300, height: 30 }),
      'button',
    ],
  ])('%s', (_name, move, expected) => {
    const s = scene();
    const before = s.now();
    move(s);
    expect(moveBetween(before, s.now())).toBe(expected);
  });

  it.each<[string, (s: Scene) => void]>([
    ['nothing changed', () => undefined],
    ['a sub-pixel difference of layout', (s) => s.shift(0.25, -0.25)],
    ['a property that does not move the card (color on <html>)', (s) => s.style(s.html, { color: 'red' })],
  ])('not a move: %s', (_name, change) => {
    const s = scene();
    const before = s.now();
    change(s);
    expect(moveBetween(before, s.now())).toBeUndefined();
  });

  it('reads every moving property on the host and on each ancestor up to <html>', () => {
    const s = scene();
    expect(s.now().chain.map((link) => link.element)).toEqual([s.host, s.html]);
    expect(MOVING_PROPERTIES).toEqual(
      expect.arrayContaining(['transform', 'translate', 'scale', 'rotate', 'zoom', 'position']),
    );
  });
});
