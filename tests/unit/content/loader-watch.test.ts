import { afterEach, describe, expect, it } from 'vitest';
import { MIN_SIDE } from '../../../lib/capture/candidates';
import { ICON_SIZES, watchForWork } from '../../../lib/content/loader-watch';

const stops: (() => void)[] = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  document.body.innerHTML = '';
});

/** Watches the current document; how many times `onWork` ran. */
function watch(): { calls: () => number } {
  let calls = 0;
  stops.push(watchForWork(document, window, () => calls++));
  return { calls: () => calls };
}

/** Lets the mutation observer's callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watchForWork', () => {
  it.each([
    ['a text field', '<input>', 1],
    ['a one-time-code field', '<input type="text" inputmode="numeric" autocomplete="one-time-code">', 1],
    ['a password field', '<input type="password">', 1],
    ['a textarea', '<textarea></textarea>', 1],
    ['an editable region', '<div contenteditable></div>', 1],
    ['a region made not editable', '<div contenteditable="false"></div>', 0],
    ['a canvas', '<canvas width="200" height="200"></canvas>', 1],
    ['an image of unknown size', '<img alt="">', 1],
    ['an image big enough for a code', '<img width="160" height="160" alt="">', 1],
    ['an SVG', '<svg viewBox="0 0 10 10"></svg>', 1],
    ['a frame (autofill reaches into same-origin ones)', '<frame>', 1],
    ['an inline CSS image', '<div style="background-image: url(qr.png)"></div>', 1],
    ['a dialog', '<div role="dialog" aria-label="Set up"><p>Scan this code</p></div>', 1],
    ['inline styles without an image', '<div style="color: red"></div>', 0],
    ['plain text and a table', '<h1>SIM cards</h1><table><tr><td>8933</td></tr></table>', 0],
    ['a hidden input', '<input type="hidden" name="csrf">', 0],
    [
      'a checkbox, a radio and buttons',
      '<input type="checkbox"><input type="radio"><input type="submit"><button>Go</button>',
      0,
    ],
    ['icon-sized pictures', '<img width="16" alt=""><svg height="24"></svg><canvas width="40"></canvas>', 0],
    ['a picture of another small size (only brings the features in)', '<svg width="30"></svg>', 1],
  ])('a page with %s at the start: onWork runs %i time(s)', async (_, html, expected) => {
    document.body.innerHTML = html;
    const { calls } = watch();
    await settle();
    expect(calls()).toBe(expected);
  });

  it.each([
    ['a field', '<input autocomplete="one-time-code">', 1],
    ['a field inside an added block', '<div><form><label>Code <input></label></form></div>', 1],
    ['a pop-up with a canvas', '<div role="dialog"><canvas width="256" height="256"></canvas></div>', 1],
    ['text and icons', '<p>Updated</p><img width="12" alt="">', 0],
  ])('%s added later: onWork runs %i time(s)', async (_, html, expected) => {
    document.body.innerHTML = '<p>Loading</p>';
    const { calls } = watch();
    await settle();
    const block = document.createElement('div');
    block.innerHTML = html;
    document.body.append(block);
    await settle();
    expect(calls()).toBe(expected);
  });

  it('takes for an icon only what capture would never read (smaller than its minimum side)', () => {
    expect(ICON_SIZES.filter((size) => size >= MIN_SIDE)).toEqual([]);
  });

  it('runs once, however many fields come after the first', async () => {
    const { calls } = watch();
    document.body.append(document.createElement('input'));
    await settle();
    document.body.append(document.createElement('input'), document.createElement('canvas'));
    await settle();
    expect(calls()).toBe(1);
  });

  it('sees a field in a shadow root when the user focuses it', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const input = document.createElement('input');
    host.attachShadow({ mode: 'open' }).append(input);
    const { calls } = watch();
    await settle();
    expect(calls()).toBe(0);
    input.focus();
    await settle();
    expect(calls()).toBe(1);
  });

  it('a focused button is no field', async () => {
    const button = document.createElement('button');
    document.body.append(button);
    const { calls } = watch();
    button.focus();
    await settle();
    expect(calls()).toBe(0);
  });

  it('does nothing once stopped', async () => {
    let calls = 0;
    const stop = watchForWork(document, window, () => calls++);
    stop();
    document.body.append(document.createElement('input'));
    await settle();
    expect(calls).toBe(0);
  });
});
