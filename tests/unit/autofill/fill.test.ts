import { h, render } from 'preact';
import { useState } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import {
  fillTarget,
  fillTargetWithMethod,
  findOtpTargets,
  targetValue,
  userEdited,
  type OtpTarget,
} from '../../../lib/autofill';
import { boxes, mount, useStubbedLayout } from './layout';

useStubbedLayout(() => render(null, document.body));

const CODE = '492039';
const valueSetter = Object.getOwnPropertyDescriptor(window.HTMLInputElement.prototype, 'value')!;

const single = (input: HTMLInputElement): OtpTarget => ({
  kind: 'single',
  input,
  score: 100,
  signals: [],
  sms: false,
});
const split = (inputs: HTMLInputElement[]): OtpTarget => ({
  kind: 'split',
  inputs,
  score: 100,
  signals: [],
  sms: false,
});

function onlyTarget(): OtpTarget {
  const [target] = findOtpTargets(document, window);
  if (!target) throw new Error('no target found');
  return target;
}

/** Records the events a field receives, as "type" or "type:inputType". */
function recordEvents(el: EventTarget): string[] {
  const seen: string[] = [];
  for (const type of ['focus', 'keydown', 'keypress', 'beforeinput', 'input', 'keyup', 'change', 'paste']) {
    el.addEventListener(type, (event) => {
      const inputType = (event as InputEvent).inputType;
      seen.push(inputType ? `${type}:${inputType}` : type);
    });
  }
  return seen;
}

/**
 * What React does to a controlled input: it redefines `value` on the element to remember the last
 * value *it* wrote (the `_valueTracker`), ignores an `input` event when the DOM value equals that
 * remembered value (a script wrote `el.value = x`), and after each event puts back its state.
 */
function reactLikeControlledInput(input: HTMLInputElement): { state: () => string } {
  let state = '';
  let tracked = '';
  Object.defineProperty(input, 'value', {
    configurable: true,
    get(this: HTMLInputElement) {
      return valueSetter.get!.call(this) as string;
    },
    set(this: HTMLInputElement, v: string) {
      tracked = String(v);
      valueSetter.set!.call(this, v);
    },
  });
  input.addEventListener('input', () => {
    const current = valueSetter.get!.call(input) as string;
    if (current !== tracked) {
      tracked = current;
      state = current; // onChange → setState
    }
    input.value = state; // controlled: the DOM shows the state
  });
  return { state: () => state };
}

describe('fillTarget: single field', () => {
  it('plain input: native setter, input + change, read back', async () => {
    mount('<input autocomplete="one-time-code" id="c">');
    const input = document.getElementById('c') as HTMLInputElement;
    const events = recordEvents(input);
    const result = await fillTargetWithMethod(onlyTarget(), CODE, window);
    expect(result).toEqual({ ok: true, method: 'setter' });
    expect(input.value).toBe(CODE);
    // The setter needs no focus: the field never takes it.
    expect(document.activeElement).not.toBe(input);
    expect(events).toEqual(['input:insertText', 'change']);
  });

  it('React-like controlled input: the tracker sees the change and state gets the code', async () => {
    mount('<input autocomplete="one-time-code" id="c">');
    const input = document.getElementById('c') as HTMLInputElement;
    const react = reactLikeControlledInput(input);
    expect(await fillTarget(single(input), CODE, window)).toBe(true);
    expect(react.state()).toBe(CODE);
    expect(input.value).toBe(CODE);
  });

  it('the React-like simulation really rejects a naive `el.value = code`', () => {
    mount('<input id="c">');
    const input = document.getElementById('c') as HTMLInputElement;
    const react = reactLikeControlledInput(input);
    input.value = CODE;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(react.state()).toBe('');
    expect(input.value).toBe('');
  });

  it('Preact-controlled input (value + onInput state) sees the code', async () => {
    let seen = '';
    function CodeForm() {
      const [code, setCode] = useState('');
      seen = code;
      return h(
        'form',
        null,
        h('label', { for: 'c' }, 'Enter your one-time code'),
        h('input', {
          id: 'c',
          value: code,
          inputMode: 'numeric',
          onInput: (e: Event) => setCode((e.currentTarget as HTMLInputElement).value.replace(/\D/g, '')),
        }),
        h('output', null, code),
      );
    }
    render(h(CodeForm, null), document.body);
    const target = onlyTarget();
    expect(await fillTarget(target, CODE, window)).toBe(true);
    expect(seen).toBe(CODE);
    expect(document.querySelector('output')?.textContent).toBe(CODE);
    expect((document.getElementById('c') as HTMLInputElement).value).toBe(CODE);
  });

  it('an input that only accepts keystrokes gets per-character typing', async () => {
    mount('<input autocomplete="one-time-code" id="c">');
    const input = document.getElementById('c') as HTMLInputElement;
    let armed = false;
    let accepted = '';
    input.addEventListener('keydown', () => (armed = true));
    input.addEventListener('input', () => {
      if (armed) accepted = input.value;
      else valueSetter.set!.call(input, accepted); // reject a value that came without a key
      armed = false;
    });
    const events = recordEvents(input);
    expect(await fillTargetWithMethod(single(input), CODE, window)).toEqual({ ok: true, method: 'typing' });
    expect(input.value).toBe(CODE);
    expect(events).toContain('keydown');
    expect(events).toContain('keypress');
    expect(events).toContain('keyup');
  });

  it('an input that reverts every input event but handles paste gets the paste', async () => {
    mount('<input autocomplete="one-time-code" id="c">');
    const input = document.getElementById('c') as HTMLInputElement;
    let accepted = '';
    input.addEventListener('input', () => valueSetter.set!.call(input, accepted));
    input.addEventListener('paste', (event) => {
      event.preventDefault();
      accepted = event.clipboardData?.getData('text/plain') ?? '';
      valueSetter.set!.call(input, accepted);
    });
    expect(await fillTargetWithMethod(single(input), CODE, window)).toEqual({ ok: true, method: 'paste' });
    expect(input.value).toBe(CODE);
  });

  it('an input that rejects everything: false', async () => {
    mount('<input autocomplete="one-time-code" id="c">');
    const input = document.getElementById('c') as HTMLInputElement;
    input.addEventListener('input', () => valueSetter.set!.call(input, ''));
    input.addEventListener('paste', (event) => event.preventDefault());
    expect(await fillTargetWithMethod(single(input), CODE, window)).toEqual({ ok: false, method: null });
  });

  it('a page that formats the code ("492 039") counts as accepted', async () => {
    mount('<input autocomplete="one-time-code" id="c">');
    const input = document.getElementById('c') as HTMLInputElement;
    input.addEventListener('input', () => {
      const digits = input.value.replace(/\D/g, '');
      valueSetter.set!.call(input, digits.length > 3 ? `${digits.slice(0, 3)} ${digits.slice(3)}` : digits);
    });
    expect(await fillTarget(single(input), CODE, window)).toBe(true);
    expect(input.value).toBe('492 039');
  });

  it('fills a field inside a same-origin iframe with that frame’s own window', async () => {
    mount('<iframe srcdoc="<input autocomplete=one-time-code id=c>"></iframe>');
    const frameDoc = document.querySelector('iframe')!.contentDocument!;
    const target = onlyTarget();
    expect(await fillTarget(target, CODE, window)).toBe(true);
    expect((frameDoc.getElementById('c') as HTMLInputElement).value).toBe(CODE);
  });
});

describe('fillTarget: split boxes', () => {
  /** A typical widget: each box keeps its digit in state and moves focus to the next one on input. */
  function focusMovingWidget(): { inputs: HTMLInputElement[]; state: string[] } {
    mount(`<div class="otp">${boxes(6)}</div>`);
    const inputs = Array.from(document.querySelectorAll<HTMLInputElement>('input.box'));
    const state = inputs.map(() => '');
    inputs.forEach((input, i) => {
      input.addEventListener('input', () => {
        state[i] = input.value.slice(-1);
        valueSetter.set!.call(input, state[i]);
        if (state[i]) inputs[i + 1]?.focus();
      });
    });
    return { inputs, state };
  }

  it('one digit per box, widget moving focus itself', async () => {
    const { inputs, state } = focusMovingWidget();
    const target = onlyTarget();
    expect(target.kind).toBe('split');
    expect(await fillTargetWithMethod(target, CODE, window)).toEqual({ ok: true, method: 'typing' });
    expect(inputs.map((input) => input.value)).toEqual([...CODE]);
    expect(state.join('')).toBe(CODE);
    // The widget moved the focus box to box: it goes back to where it was (nowhere).
    expect(inputs).not.toContain(document.activeElement);
  });

  it('widget that handles keydown itself (preventDefault, writes, moves focus)', async () => {
    mount(`<div>${boxes(6)}</div>`);
    const inputs = Array.from(document.querySelectorAll<HTMLInputElement>('input.box'));
    const state = inputs.map(() => '');
    inputs.forEach((input, i) => {
      input.addEventListener('keydown', (event) => {
        if (!/^\d$/.test(event.key)) return;
        event.preventDefault();
        state[i] = event.key;
        input.value = event.key;
        inputs[i + 1]?.focus();
      });
      // Anything that is not a key press is undone.
      input.addEventListener('input', () => valueSetter.set!.call(input, state[i]));
    });
    expect(await fillTarget(onlyTarget(), CODE, window)).toBe(true);
    expect(state.join('')).toBe(CODE);
  });

  it('widget that only takes a paste in the first box and spreads it', async () => {
    mount(`<div>${boxes(6)}</div>`);
    const inputs = Array.from(document.querySelectorAll<HTMLInputElement>('input.box'));
    inputs.forEach((input) => input.addEventListener('input', () => valueSetter.set!.call(input, '')));
    inputs[0]!.addEventListener('paste', (event) => {
      event.preventDefault();
      const text = event.clipboardData?.getData('text') ?? '';
      inputs.forEach((box, i) => valueSetter.set!.call(box, text[i] ?? ''));
    });
    expect(await fillTargetWithMethod(onlyTarget(), CODE, window)).toEqual({ ok: true, method: 'paste' });
    expect(inputs.map((input) => input.value).join('')).toBe(CODE);
  });

  it('pin input that applies a paste in the next animation frame, only while one of its boxes is focused', async () => {
    // Zag's pin-input machine: a multi-character input (a paste) while focused is applied in rAF;
    // single keystrokes are refused here so that only the paste path can work.
    mount(
      `<div data-scope="pin-input" data-part="root">${Array.from(
        { length: 6 },
        (_, i) =>
          `<input data-part="input" type="tel" inputmode="numeric" autocomplete="one-time-code" aria-label="pin code ${i + 1} of 6">`,
      ).join('')}</div>`,
    );
    const inputs = Array.from(document.querySelectorAll<HTMLInputElement>('[data-part="input"]'));
    let focused = -1;
    const state = inputs.map(() => '');
    inputs.forEach((input, i) => {
      input.addEventListener('focus', () => (focused = i));
      input.addEventListener('blur', () => (focused = -1));
      input.addEventListener('input', () => {
        const value = valueSetter.get!.call(input) as string;
        valueSetter.set!.call(input, state[i]);
        if (value.length < 2 || focused === -1) return;
        requestAnimationFrame(() => {
          [...value].slice(0, 6).forEach((digit, j) => (state[j] = digit));
          inputs.forEach((box, j) => valueSetter.set!.call(box, state[j]));
        });
      });
    });
    // A browser runs frames about every 16 ms, after the task that follows the paste.
    const realFrame = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (run) => setTimeout(() => run(performance.now()), 16) as unknown as number;
    try {
      const target = onlyTarget();
      expect(target.kind).toBe('split');
      expect(await fillTargetWithMethod(target, CODE, window)).toEqual({ ok: true, method: 'paste' });
      expect(state.join('')).toBe(CODE);
    } finally {
      window.requestAnimationFrame = realFrame;
    }
  });

  it('six unbounded one-time-code boxes (react18-input-otp) get one digit each, not the code in the first', async () => {
    mount(
      `<div>${Array.from({ length: 6 }, () => '<input type="tel" autocomplete="one-time-code">').join('')}</div>`,
    );
    const inputs = Array.from(document.querySelectorAll<HTMLInputElement>('input'));
    const state = inputs.map(() => '');
    let active = 0;
    inputs.forEach((input, i) => {
      input.addEventListener('focus', () => (active = i));
      input.addEventListener('input', () => {
        const value = valueSetter.get!.call(input) as string;
        // Only one valid character changes the code at the focused box; anything else is undone.
        if (/^\d$/.test(value.trim())) {
          state[active] = value;
          inputs[active + 1]?.focus();
        }
        inputs.forEach((box, j) => valueSetter.set!.call(box, state[j]));
      });
    });
    const target = onlyTarget();
    expect(target.kind).toBe('split');
    expect(await fillTarget(target, CODE, window)).toBe(true);
    expect(inputs.map((input) => input.value)).toEqual([...CODE]);
    expect(state.join('')).toBe(CODE);
  });

  it('refuses a code whose length does not match the boxes', async () => {
    mount(`<div>${boxes(6)}</div>`);
    const inputs = Array.from(document.querySelectorAll<HTMLInputElement>('input.box'));
    expect(await fillTarget(split(inputs), '12345678', window)).toBe(false);
    expect(inputs.every((input) => input.value === '')).toBe(true);
  });
});

describe('userEdited', () => {
  it('userEdited: false right after filling, true once the user changes the value', async () => {
    mount('<input autocomplete="one-time-code" id="c">');
    const input = document.getElementById('c') as HTMLInputElement;
    const target = single(input);
    await fillTarget(target, CODE, window);
    expect(userEdited(target, CODE)).toBe(false);
    input.value = '49203';
    expect(userEdited(target, CODE)).toBe(true);
  });

  it('userEdited on split boxes compares the concatenated digits', async () => {
    const { inputs } = (() => {
      mount(`<div>${boxes(6)}</div>`);
      return { inputs: Array.from(document.querySelectorAll<HTMLInputElement>('input.box')) };
    })();
    const target = split(inputs);
    await fillTarget(target, CODE, window);
    expect(targetValue(target)).toBe(CODE);
    expect(userEdited(target, CODE)).toBe(false);
    inputs[2]!.value = '7';
    expect(userEdited(target, CODE)).toBe(true);
  });
});

describe('fillTarget never leaves the focus elsewhere', () => {
  const LOGIN = `<form><label for="u">Username</label><input id="u" name="username" value="jane">
    <label for="pw">Password</label><input id="pw" type="password" value="secret">
    <label for="c">OTP Token</label><input id="c" autocomplete="one-time-code"></form>`;

  /** A field that only takes a code typed into it while it has the focus (the setter is undone). */
  function typingOnlyWhenFocused(input: HTMLInputElement): void {
    input.addEventListener('input', (event) => {
      if ((event as InputEvent).inputType === 'insertText' && (event as InputEvent).data!.length > 1)
        valueSetter.set!.call(input, '');
      else if (document.activeElement !== input) valueSetter.set!.call(input, '');
    });
  }

  it.each([
    ['user name, caret in the middle', 'u', 2, 2],
    ['user name, a selection', 'u', 1, 3],
    ['password, caret at the end', 'pw', 6, 6],
  ])('focus in the %s: element, caret and selection are given back', async (_name, id, start, end) => {
    mount(LOGIN);
    const field = document.getElementById(id) as HTMLInputElement;
    field.focus();
    field.setSelectionRange(start, end);
    const input = document.getElementById('c') as HTMLInputElement;
    // The setter is refused: the methods that focus the field run, and must give the focus back.
    typingOnlyWhenFocused(input);
    const result = await fillTargetWithMethod(single(input), CODE, window);
    expect(result).toEqual({ ok: true, method: 'typing' });
    expect(document.activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([start, end]);
    expect(field.value).toBe(id === 'u' ? 'jane' : 'secret');
  });

  it('keepFocus: the field is filled without ever taking the focus', async () => {
    mount(LOGIN);
    const user = document.getElementById('u') as HTMLInputElement;
    user.focus();
    const input = document.getElementById('c') as HTMLInputElement;
    const focused: string[] = [];
    input.addEventListener('focus', () => focused.push('otp'));
    expect(await fillTarget(single(input), CODE, window, { keepFocus: true })).toBe(true);
    expect(input.value).toBe(CODE);
    expect(focused).toEqual([]);
    expect(document.activeElement).toBe(user);
  });

  it('keepFocus on boxes that only take a paste while focused: not filled, focus untouched', async () => {
    mount(`<label for="u">Username</label><input id="u"><div class="otp">${boxes(6)}</div>`);
    const user = document.getElementById('u') as HTMLInputElement;
    user.focus();
    const inputs = Array.from(document.querySelectorAll<HTMLInputElement>('input.box'));
    // Every per-box write is undone: only a paste into a focused box would work.
    inputs.forEach((input) => input.addEventListener('input', () => valueSetter.set!.call(input, '')));
    const focused: number[] = [];
    inputs.forEach((input, i) => input.addEventListener('focus', () => focused.push(i)));
    expect(await fillTarget(split(inputs), CODE, window, { keepFocus: true })).toBe(false);
    expect(focused).toEqual([]);
    expect(document.activeElement).toBe(user);
  });

  it('focus already in the code field stays there', async () => {
    mount(LOGIN);
    const input = document.getElementById('c') as HTMLInputElement;
    input.focus();
    expect(await fillTarget(single(input), CODE, window)).toBe(true);
    expect(document.activeElement).toBe(input);
  });
});
