import { describe, expect, it, vi } from 'vitest';
import { findWork, watchForWork, type Work } from '@/lib/content/loader-watch';
import { mount, useStubbedLayout } from '../autofill/layout';

let stops: (() => void)[] = [];
useStubbedLayout(() => {
  stops.forEach((stop) => stop());
  stops = [];
});

/** A QR-shaped box (CSS px): square and well over the 48 px a phone needs. */
const SQUARE = 'data-rect="10,10,200,200"';
const NONE = 'data-rect="0,0,0,0"';

/** A mutation batch and its microtask. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function watch(): Work[] {
  const seen: Work[] = [];
  stops.push(watchForWork(document, window, (work) => seen.push(work)));
  return seen;
}

describe('findWork: the cheap look at a page', () => {
  it.each<[string, string, Work | undefined]>([
    ['prose and links', '<h1>SIM cards</h1><p>Active <a href="#">details</a></p>', undefined],
    ['a text input', '<input name="x">', 'field'],
    ['a numeric input', '<input type="number">', 'field'],
    ['a tel input', '<input type="tel">', 'field'],
    ['a password input (may take a code when labelled so)', '<input type="password">', 'field'],
    ['an e-mail input', '<input type="email">', undefined],
    ['a search box', '<input type="search">', undefined],
    ['a checkbox', '<input type="checkbox">', undefined],
    ['a hidden input', '<input type="hidden">', undefined],
    ['a disabled input', '<input disabled>', undefined],
    ['a read-only input', '<input readonly>', undefined],
    ['an input with no box (display: none)', `<input ${NONE}>`, undefined],
    ['an icon-sized SVG', '<svg data-rect="0,0,16,16"></svg>', undefined],
    ['a wide canvas (a chart)', '<canvas data-rect="0,0,600,200"></canvas>', undefined],
    ['a square canvas', `<canvas ${SQUARE}></canvas>`, 'qr'],
    ['a square image', `<img alt="" ${SQUARE}>`, 'qr'],
    ['a square SVG', `<svg ${SQUARE}></svg>`, 'qr'],
    ['a too-small square image', '<img alt="" data-rect="0,0,40,40">', undefined],
    ['an open dialog', '<div role="dialog" data-rect="0,0,400,300">Set up</div>', 'qr'],
    ['a dialog with no box', `<div role="dialog" ${NONE}>Set up</div>`, undefined],
    ['an inline background image', `<div style="background-image: url(qr.png)" ${SQUARE}></div>`, 'qr'],
    ['an inline background colour', `<div style="background: red" ${SQUARE}></div>`, undefined],
    ["Twofold's own UI", `<div data-twofold-ui><input><canvas ${SQUARE}></canvas></div>`, undefined],
    ['a field and a QR candidate: the field', `<canvas ${SQUARE}></canvas><input>`, 'field'],
  ])('%s', (_name, html, expected) => {
    expect(findWork(mount(html))).toBe(expected);
  });
});

describe('watchForWork', () => {
  it('reports what the page already shows, once', async () => {
    mount(`<input><canvas ${SQUARE}></canvas>`);
    const seen = watch();
    document.body.append(document.createElement('input'));
    await settle();
    expect(seen).toEqual(['field']);
  });

  it('reports nothing on a page with neither, however it changes', async () => {
    mount('<table><tr><td>SIM 1</td></tr></table>');
    const seen = watch();
    const row = document.createElement('tr');
    row.innerHTML = '<td><svg data-rect="0,0,16,16"></svg> SIM 2</td><td><input type="checkbox"></td>';
    document.querySelector('tbody, table')!.append(row);
    document.body.className = 'dark';
    await settle();
    expect(seen).toEqual([]);
  });

  it.each<[string, string, (body: HTMLElement) => void | Promise<void>, Work]>([
    [
      'a field inserted later',
      '<form id="f"></form>',
      () => document.getElementById('f')!.append(document.createElement('input')),
      'field',
    ],
    [
      'a hidden field shown',
      `<div id="step" hidden><input id="code" ${NONE}></div>`,
      () => {
        document.getElementById('code')!.removeAttribute('data-rect');
        document.getElementById('step')!.removeAttribute('hidden');
      },
      'field',
    ],
    [
      'a canvas sized as a QR code',
      '<canvas id="c" data-rect="0,0,300,150"></canvas>',
      () => {
        const canvas = document.getElementById('c')!;
        canvas.setAttribute('data-rect', '0,0,200,200');
        canvas.setAttribute('width', '200');
      },
      'qr',
    ],
    [
      'an enrolment pop-up',
      '',
      (body) => {
        const dialog = document.createElement('div');
        dialog.setAttribute('role', 'dialog');
        dialog.innerHTML = `<canvas ${SQUARE}></canvas>`;
        body.append(dialog);
      },
      'qr',
    ],
    [
      'a field inside an open shadow root',
      '<login-form id="host"></login-form>',
      () => {
        const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
        root.innerHTML = '<span></span>';
        document.getElementById('host')!.setAttribute('class', 'ready');
        // The shadow tree changes after its host was seen.
        return Promise.resolve().then(() => {
          root.append(document.createElement('input'));
        });
      },
      'field',
    ],
  ])('reports %s', async (_name, html, change, expected) => {
    mount(html);
    const seen = watch();
    await settle();
    expect(seen).toEqual([]);
    await change(document.body);
    await settle();
    expect(seen).toEqual([expected]);
  });

  it('reports an image that gets its QR size when it loads', async () => {
    mount('<img id="qr" alt="" data-rect="0,0,0,0">');
    const img = document.getElementById('qr') as HTMLImageElement;
    Object.defineProperty(img, 'complete', { value: false, configurable: true });
    const seen = watch();
    await settle();
    expect(seen).toEqual([]);
    img.setAttribute('data-rect', '0,0,180,180');
    img.dispatchEvent(new Event('load'));
    expect(seen).toEqual(['qr']);
  });

  it('reports a field in a same-origin frame added later', async () => {
    mount('<div id="app"></div>');
    const seen = watch();
    document
      .getElementById('app')!
      .insertAdjacentHTML('beforeend', '<iframe srcdoc="<p>Loading</p>"></iframe>');
    await settle();
    expect(seen).toEqual([]);
    const inner = document.querySelector('iframe')!.contentDocument!;
    inner.body.append(inner.createElement('input'));
    await settle();
    expect(seen).toEqual(['field']);
  });

  it('stops: nothing is reported after the stop', async () => {
    mount('');
    const onWork = vi.fn();
    const stop = watchForWork(document, window, onWork);
    stop();
    document.body.append(document.createElement('input'));
    await settle();
    expect(onWork).not.toHaveBeenCalled();
  });
});
