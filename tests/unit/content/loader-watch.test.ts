import { describe, expect, it } from 'vitest';
import { lookAt, watchForWork, type Look } from '@/lib/content/loader-watch';
import { mount, useStubbedLayout } from '../autofill/layout';

let stops: (() => void)[] = [];
useStubbedLayout(() => {
  stops.forEach((stop) => stop());
  stops = [];
});

/** A QR-shaped box (CSS px): square and well over the 48 px a phone needs. */
const SQUARE = 'data-rect="10,10,200,200"';
const NONE = 'data-rect="0,0,0,0"';

/** A mutation batch and its microtasks. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Starts a watch on the document; the returned list counts its reports. */
function watch(): number[] {
  const seen: number[] = [];
  stops.push(watchForWork(document, window, () => seen.push(seen.length)));
  return seen;
}

describe('lookAt: what one element asks of the loader', () => {
  it.each<[string, string, Look]>([
    ['a text input', '<input name="x">', 'load'],
    ['a code input', '<input autocomplete="one-time-code">', 'load'],
    ['a sign-in e-mail input (a code field often follows it)', '<input type="email">', 'load'],
    ['a password input', '<input type="password">', 'load'],
    ['a hidden input still a field once shown', `<input ${NONE}>`, 'load'],
    ['a search box', '<input type="search">', 'no'],
    ['a checkbox', '<input type="checkbox">', 'no'],
    ['a hidden-type input', '<input type="HIDDEN">', 'no'],
    ['a submit button', '<input type="submit">', 'no'],
    ['an icon-sized SVG by its attributes', `<svg width="16" height="16" ${SQUARE}></svg>`, 'no'],
    ['an icon-sized SVG by its box', '<svg data-rect="0,0,16,16"></svg>', 'no'],
    ['a wide canvas (a chart)', '<canvas data-rect="0,0,600,200"></canvas>', 'no'],
    ['a square canvas', `<canvas ${SQUARE}></canvas>`, 'load'],
    ['a square image', `<img alt="" ${SQUARE}>`, 'load'],
    ['a square SVG', `<svg ${SQUARE}></svg>`, 'load'],
    ['a canvas with no box yet', `<canvas ${NONE}></canvas>`, 'later'],
    ['a dialog', '<div role="dialog">Set up</div>', 'load'],
    ['an inline background image', `<div style="background-image: url(qr.png)" ${SQUARE}></div>`, 'load'],
    ['an inline background colour', `<div style="background: red" ${SQUARE}></div>`, 'no'],
    ["a picture in Twofold's own UI", `<div data-twofold-ui><canvas ${SQUARE}></canvas></div>`, 'no'],
  ])('%s: %s', (_name, html, expected) => {
    const body = mount(html).body;
    const el = body.querySelector('[data-twofold-ui] > *') ?? body.firstElementChild!;
    expect(lookAt(el)).toBe(expected);
  });
});

describe('watchForWork', () => {
  it.each([
    ['prose, links and a table of icons', '<h1>SIM cards</h1><p><a href="#">details</a></p>'],
    ['icons', '<table><tr><td><svg width="16" height="16"><circle r="6"/></svg></td></tr></table>'],
    ['a search box and a chart', '<input type="search"><canvas data-rect="0,0,600,200"></canvas>'],
  ])('a page with neither a field nor a QR candidate (%s) never asks for the features', async (_n, html) => {
    mount(html);
    const seen = watch();
    document.body.classList.add('dark');
    document.body.insertAdjacentHTML('beforeend', '<p>More <b>rows</b></p>');
    await settle();
    expect(seen).toEqual([]);
  });

  it.each([
    ['a code field', '<label>Code <input autocomplete="one-time-code"></label>'],
    ['a sign-in form', '<form><input type="email"><input type="password"></form>'],
    ['a QR code drawn on a canvas', `<div><canvas ${SQUARE}></canvas></div>`],
    ['an enrolment dialog', '<div role="dialog"><p>Scan this code</p></div>'],
  ])('asks once when %s shows on the page later', async (_name, html) => {
    mount('<h1>Welcome</h1><div id="later"></div>');
    const seen = watch();
    await settle();
    expect(seen).toEqual([]);
    document.getElementById('later')!.insertAdjacentHTML('beforeend', html);
    await settle();
    document.body.append(document.createElement('input'));
    await settle();
    expect(seen).toEqual([0]);
  });

  it('asks at once for what the page already shows', () => {
    mount('<input autocomplete="one-time-code">');
    expect(watch()).toEqual([0]);
  });

  it('a canvas that had no box asks once an attribute shows it', async () => {
    mount(`<div id="box" hidden><canvas id="qr" ${NONE}></canvas></div>`);
    const seen = watch();
    await settle();
    expect(seen).toEqual([]);
    document.getElementById('qr')!.setAttribute('data-rect', '10,10,200,200');
    document.getElementById('box')!.removeAttribute('hidden');
    await settle();
    expect(seen).toEqual([0]);
  });

  it('an image with no size yet asks once it has loaded at a QR size', async () => {
    mount(`<img id="qr" alt="" ${NONE}>`);
    const seen = watch();
    const img = document.getElementById('qr')!;
    img.setAttribute('data-rect', '10,10,200,200');
    img.dispatchEvent(new Event('load'));
    await settle();
    expect(seen).toEqual([0]);
  });

  it('looks into open shadow roots, at load and when one is added', async () => {
    const host = mount('<div id="host"></div>').querySelector('#host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Sign in</p>';
    const seen = watch();
    await settle();
    expect(seen).toEqual([]);
    host.shadowRoot!.append(document.createElement('input'));
    await settle();
    expect(seen).toEqual([0]);
  });

  it('stops: nothing is asked for after its stop', async () => {
    mount('<div id="later"></div>');
    const seen = watch();
    stops.pop()!();
    document.getElementById('later')!.append(document.createElement('input'));
    await settle();
    expect(seen).toEqual([]);
  });
});
