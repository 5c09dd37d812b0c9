import { describe, expect, it } from 'vitest';
import { findOtpTargets, isFillable } from '../../../lib/autofill';
import { mount, useStubbedLayout } from './layout';

useStubbedLayout();

/**
 * input-otp (and shadcn's InputOTP on top of it): one real input, transparent text, caret and
 * background, laid over the row of slot boxes that shows its digits.
 */
const INK =
  'color: transparent; background: transparent; caret-color: transparent; border: 0 solid transparent';

function slots(n: number, style: string, wrapStyle = ''): string {
  return `<div style="display:flex;${wrapStyle}" data-rect="10,10,${n * 40},40">${Array.from(
    { length: n },
    (_, i) => `<div class="slot" style="${style}" data-rect="${10 + i * 40},10,36,40"></div>`,
  ).join('')}</div>`;
}

function widget(under: string, inputStyle = INK, width = 240): string {
  return `<label id="l" for="t">One-time code</label>
<div data-input-otp-container style="position:relative;pointer-events:none" data-rect="10,10,${width},40">${under}
<div style="position:absolute;inset:0;pointer-events:none" data-rect="10,10,${width},40">
<input id="t" data-input-otp autocomplete="one-time-code" inputmode="numeric" maxlength="6" style="position:absolute;${inputStyle}" data-rect="10,10,${width},40">
</div></div>`;
}

const BOX = 'border: 1px solid rgb(200, 200, 200)';

describe('a transparent field over a code widget', () => {
  it.each<[string, string, boolean]>([
    [
      'slots inside a bordered group',
      widget(`<div style="${BOX}" data-rect="10,10,240,40">${slots(6, BOX)}</div>`),
      true,
    ],
    ['input-otp over six bordered slots', widget(slots(6, BOX)), true],
    [
      'shadcn slots drawn by their background',
      widget(slots(6, 'background-color: rgb(240, 240, 240)')),
      true,
    ],
    [
      'input-otp once it makes room for a password manager badge (clip-path on the field)',
      widget(slots(6, BOX), `${INK}; clip-path: inset(0 40px 0 0)`, 280),
      true,
    ],
    ['four slots (a four-digit code)', widget(slots(4, BOX), INK, 160), true],
    ['an invisible field over nothing', widget(''), false],
    ['an invisible field over prose', widget('<p data-rect="10,10,240,40">Welcome back!</p>'), false],
    [
      'an invisible field over one panel',
      widget(`<div style="${BOX}" data-rect="10,10,240,40"></div>`),
      false,
    ],
    ['over three boxes', widget(slots(3, BOX), INK, 120), false],
    ['over six boxes that draw nothing', widget(slots(6, 'border: 0')), false],
    ['over six boxes with transparent borders', widget(slots(6, 'border: 1px solid transparent')), false],
    ['over six boxes in a hidden row', widget(slots(6, BOX, 'opacity: 0')), false],
    ['over six boxes elsewhere on the page', widget('') + slots(6, BOX).replace(/,10,36/g, ',300,36'), false],
    ['a clip-path hiding a field over nothing', widget('', 'clip-path: inset(50%)'), false],
  ])('%s', (_name, html, expected) => {
    const doc = mount(html);
    expect(isFillable(doc.getElementById('t')!, window)).toBe(expected);
  });

  it('the field over the slots is the one-time-code target', () => {
    const doc = mount(widget(slots(6, BOX)));
    const [target] = findOtpTargets(doc, window);
    expect(target?.kind === 'single' && target.input.id).toBe('t');
  });
});
