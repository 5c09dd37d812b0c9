/**
 * Code widgets of the popular libraries, as the versions the npm registry serves render them
 * (read from their published packages): Mantine PinInput 9.8.1, Ant Design 6.6.8 Input.OTP (and
 * its `mask`), ng-otp-input 2.0.10 and vue3-otp-input 1.0.0, each in its text and its password
 * form. Each model is the library's DOM plus what its handlers do with an input event; the page's
 * own state (what the form would send) must be the code, and the focus must be where it was.
 */
import { describe, expect, it } from 'vitest';
import { fillTarget, findOtpTargets, isFillable, targetInputs } from '../../../lib/autofill';
import { mount, useStubbedLayout } from './layout';

useStubbedLayout();

const CODE = '492039';
const PROSE = '<h2>Two-factor authentication</h2><p>Enter the 6-digit code from your authenticator app.</p>';

interface Model {
  html: string;
  /** Wires the library's handlers; returns the value the widget holds (what it would submit). */
  behave: (doc: Document) => () => string;
}

const boxesOf = (doc: Document, selector: string) =>
  Array.from(doc.querySelectorAll<HTMLInputElement>(selector));

/**
 * Mantine PinInput: `role="group"` of inputs in `mantine-Input-wrapper` divs, autocomplete
 * one-time-code, no maxlength, every box labelled "PinInput"; `type="number"` renders `tel`,
 * `mask` renders `password`; a hidden input carries the value. Its `handleChange`: more than two
 * characters set every box (a paste through the setter), two keep the last, one sets the box and
 * moves the focus on; React then renders the state back.
 */
function mantine(type: 'tel' | 'password'): Model {
  const box = (i: number) =>
    `<div class="m_6c018570 mantine-Input-wrapper" data-variant="default"><input class="m_8fb7ebe7 mantine-Input-input mantine-PinInput-input" id="mantine-r1-${i}" inputmode="${type === 'tel' ? 'numeric' : 'text'}" type="${type}" autocomplete="one-time-code" placeholder="○" aria-label="PinInput" value=""></div>`;
  return {
    html: `<form>${PROSE}<div class="m_4081bf90 mantine-Group-root mantine-PinInput-root" role="group" id="mantine-r1" dir="ltr" style="display:flex">${[1, 2, 3, 4, 5, 6].map(box).join('')}</div><input type="hidden" name="otp" value=""><button>Verify</button></form>`,
    behave(doc) {
      const inputs = boxesOf(doc, '.mantine-PinInput-input');
      let state = Array<string>(6).fill('');
      const render = () => inputs.forEach((input, i) => (input.value = state[i] ?? ''));
      inputs.forEach((input, index) =>
        input.addEventListener('input', () => {
          const value = input.value;
          if (value.length > 2) {
            if (/^\d+$/.test(value)) state = Array.from({ length: 6 }, (_, i) => value[i] ?? '');
          } else if (value.length >= 1) {
            state[index] = value.slice(-1);
            inputs[index + 1]?.focus();
          } else state[index] = '';
          render();
        }),
      );
      return () => state.join('');
    },
  };
}

/**
 * Ant Design Input.OTP: `ant-otp` of `span.ant-otp-input-wrapper[role=presentation]`, each with
 * an `input.ant-input.ant-otp-input` labelled "OTP Input N", no maxlength, no autocomplete. With
 * `mask` the input is `type="password"` with transparent text (`.ant-otp-mask-input`: the page
 * draws a "•" over each filled box instead). `patchValue`: one character sets its box, more fill
 * from that box on; the focus moves to the next box.
 */
function antd(mask: boolean): Model {
  const box = (i: number) =>
    `<span class="ant-otp-input-wrapper" role="presentation"><input aria-label="OTP Input ${i}" class="ant-input ant-input-outlined ant-otp-input${mask ? ' ant-otp-mask-input' : ''}" type="${mask ? 'password' : 'text'}" value="" size="1" style="border:1px solid rgb(217, 217, 217);background-color:rgb(255, 255, 255)${mask ? ';color:transparent;caret-color:rgba(0, 0, 0, 0.88)' : ''}"></span>`;
  return {
    html: `<form>${PROSE}<div class="ant-otp" style="display:inline-flex">${[1, 2, 3, 4, 5, 6].map(box).join('')}</div><button>Verify</button></form>`,
    behave(doc) {
      const inputs = boxesOf(doc, '.ant-otp-input');
      let cells = Array<string>(6).fill('');
      inputs.forEach((input, index) =>
        input.addEventListener('input', () => {
          const txt = input.value;
          cells =
            txt.length <= 1
              ? cells.map((c, i) => (i === index ? txt : c))
              : [...cells.slice(0, index), ...txt.split('')].slice(0, 6);
          while (cells.length < 6) cells.push('');
          inputs.forEach((el, i) => (el.value = cells[i] ?? ''));
          if (txt) inputs[Math.min(index + txt.length, 5)]?.focus();
        }),
      );
      return () => cells.join('');
    },
  };
}

/**
 * ng-otp-input: `div.ng-otp-input-wrapper > div.n-o-c > input.otp-input` with autocomplete
 * one-time-code, `type` tel (allowNumbersOnly) or password (isPasswordInput), no maxlength, no
 * label, ids `otp_N_key`. `onInput` keeps a box only when it then holds one valid character and
 * moves the focus on; anything else empties it. The value is the boxes' first characters.
 */
function ngOtpInput(type: 'tel' | 'password'): Model {
  const box = (i: number) =>
    `<input pattern="\\d*" type="${type}" placeholder="" inputmode="numeric" class="otp-input" autocomplete="one-time-code" id="otp_${i}_k1">`;
  return {
    html: `<form>${PROSE}<ng-otp-input><div class="ng-otp-input-wrapper wrapper" id="c_k1" tabindex="0"><div class="n-o-c" style="display:flex">${[0, 1, 2, 3, 4, 5].map(box).join('')}</div></div></ng-otp-input><button>Verify</button></form>`,
    behave(doc) {
      const inputs = boxesOf(doc, '.otp-input');
      inputs.forEach((input, index) =>
        input.addEventListener('input', () => {
          if (/^\d$/.test(input.value)) inputs[index + 1]?.focus();
          else input.value = '';
        }),
      );
      return () => inputs.map((input) => input.value[0] ?? '').join('');
    },
  };
}

/**
 * vue3-otp-input: `div[style=display:flex] > div > input` with `min=0 max=9 maxlength=1
 * pattern=[0-9]`, type tel / number / password, no label, no autocomplete; with `password` a
 * `display:none` input named "hidden" comes first. A change is stored at the box that has the
 * focus (`activeInput`, -1 once blurred), which then moves on.
 */
function vue3OtpInput(type: 'tel' | 'password'): Model {
  const box = `<div style="display:flex;align-items:center"><input type="${type}" min="0" max="9" maxlength="1" pattern="[0-9]" class="otp-input"><span>-</span></div>`;
  const hidden =
    type === 'password' ? '<input autocomplete="off" name="hidden" type="text" style="display:none">' : '';
  return {
    html: `<form>${PROSE}<div style="display:flex">${hidden}${box.repeat(6)}</div><button>Verify</button></form>`,
    behave(doc) {
      const inputs = boxesOf(doc, '.otp-input');
      const otp = Array<string>(6).fill('');
      let active = -1;
      inputs.forEach((input, index) => {
        input.addEventListener('focus', () => (active = index));
        input.addEventListener('blur', () => (active = -1));
        input.addEventListener('input', () => {
          input.value = input.value.slice(0, 1);
          if (active < 0) return;
          otp[active] = input.value;
          if (input.value) inputs[Math.min(active + 1, 5)]?.focus();
        });
      });
      return () => otp.join('');
    },
  };
}

const MODELS: [string, Model, string][] = [
  ['Mantine PinInput type="number" (tel boxes)', mantine('tel'), '.mantine-PinInput-input'],
  ['Mantine PinInput mask (password boxes)', mantine('password'), '.mantine-PinInput-input'],
  ['Ant Design Input.OTP ("OTP Input N")', antd(false), '.ant-otp-input'],
  ['Ant Design Input.OTP mask (password boxes, transparent text)', antd(true), '.ant-otp-input'],
  ['ng-otp-input allowNumbersOnly (tel boxes)', ngOtpInput('tel'), '.otp-input'],
  ['ng-otp-input isPasswordInput (password boxes)', ngOtpInput('password'), '.otp-input'],
  ['vue3-otp-input input-type="tel"', vue3OtpInput('tel'), '.otp-input'],
  ['vue3-otp-input input-type="password"', vue3OtpInput('password'), '.otp-input'],
];

describe('code widget libraries', () => {
  it.each(MODELS)(
    '%s: one split code over its boxes, filled; the page holds the code',
    async (_, model, sel) => {
      const doc = mount(`<input id="user" aria-label="Search">${model.html}`);
      const state = model.behave(doc);
      const boxes = boxesOf(doc, sel);
      const [target] = findOtpTargets(doc, window);
      expect(target?.kind).toBe('split');
      expect(target && targetInputs(target)).toEqual(boxes);
      const before = doc.getElementById('user') as HTMLInputElement;
      before.focus();
      expect(target && (await fillTarget(target, CODE, window))).toBe(true);
      expect(boxes.map((box) => box.value).join('')).toBe(CODE);
      expect(state()).toBe(CODE);
      // Widgets move the focus from box to box: it is given back.
      expect(doc.activeElement).toBe(before);
    },
  );

  it.each<[string, boolean, string]>([
    ['a transparent-text password box that draws its own box (antd mask)', true, antd(true).html],
    [
      'a transparent-text text box (invisible ink)',
      false,
      antd(true).html.replace(/type="password"/g, 'type="text"'),
    ],
    [
      'a transparent-text password box that draws nothing',
      false,
      antd(true).html.replace(
        /border:1px solid rgb\(217, 217, 217\);background-color:rgb\(255, 255, 255\)/g,
        'border:0;background-color:transparent',
      ),
    ],
  ])('%s: fillable %s', (_, expected, html) => {
    const doc = mount(html);
    const [first] = boxesOf(doc, '.ant-otp-input');
    expect(isFillable(first!, window)).toBe(expected);
  });

  it.each<[string, string]>([
    ['one-character password boxes labelled "Password character N"', 'Password character'],
    ['one-character password boxes labelled "PIN N"', 'PIN'],
  ])('%s: no code field', (_, label) => {
    const doc = mount(
      `<form><p>Enter the 6-digit code from your authenticator app.</p><div style="display:flex">${[
        1, 2, 3, 4, 5, 6,
      ]
        .map((n) => `<input type="password" maxlength="1" aria-label="${label} ${n}">`)
        .join('')}</div></form>`,
    );
    expect(findOtpTargets(doc, window)).toEqual([]);
  });
});
