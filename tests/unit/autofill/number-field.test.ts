/**
 * Codes in type="number" fields (a single field, react-otp-input's number boxes), and the rows of
 * boxes OTP widget libraries render without a maxlength (react-otp-input, Ant Design, Mantine).
 */
import { describe, expect, it } from 'vitest';
import { fillTarget, fillTargetWithMethod, findOtpTargets, targetInputs } from '../../../lib/autofill';
import { mount, useStubbedLayout } from './layout';

useStubbedLayout();

const NUMBER_FIELD =
  '<form><label for="t">Authentication code</label><input id="t" name="code" type="number" min="0" max="999999" step="1" inputmode="numeric" autocomplete="one-time-code"></form>';

function numberField(): HTMLInputElement {
  const doc = mount(NUMBER_FIELD);
  const [target] = findOtpTargets(doc, window);
  expect(target && targetInputs(target)).toEqual([doc.getElementById('t')]);
  return doc.getElementById('t') as HTMLInputElement;
}

describe('a type="number" code field', () => {
  it.each(['492039', '012345'])(
    'takes %s as typed: the form sends the digits, leading zero included',
    async (code) => {
      const input = numberField();
      expect(
        await fillTarget({ kind: 'single', input, score: 100, signals: [], sms: false }, code, window),
      ).toBe(true);
      expect(input.value).toBe(code);
      expect(new FormData(input.form!).get('code')).toBe(code);
    },
  );

  it('a page that keeps the number it read (valueAsNumber: 12345 for "012345") has the code, as when typed', async () => {
    const input = numberField();
    // What a script does when it stores the field as a number and writes it back.
    input.addEventListener('input', () => {
      if (input.value !== '') input.value = String(Number(input.value));
    });
    const result = await fillTargetWithMethod(
      { kind: 'single', input, score: 100, signals: [], sms: false },
      '012345',
      window,
    );
    expect(result).toEqual({ ok: true, method: 'setter' });
    expect(Number(input.value)).toBe(12345);
  });

  it('a number that is not the code is not accepted', async () => {
    const input = numberField();
    input.addEventListener('input', () => {
      input.value = '1';
    });
    expect(
      await fillTarget({ kind: 'single', input, score: 100, signals: [], sms: false }, '012345', window),
    ).toBe(false);
  });
});

/** react-otp-input 3.1.1 with inputType="number": no maxlength, numbered aria-labels. */
const numbered = (
  labels: string[],
  type = 'number',
  prose = 'Enter the 6-digit code from your authenticator app.',
) =>
  `<form><p>${prose}</p><div style="display:flex">${labels
    .map((label) => `<input type="${type}" autocomplete="off" inputmode="numeric" aria-label="${label}">`)
    .join(' - ')}</div></form>`;

describe('rows of numbered fields', () => {
  it.each<[string, string, number]>([
    [
      'react-otp-input number boxes',
      numbered([1, 2, 3, 4, 5, 6].map((n) => `Please enter OTP character ${n}`)),
      6,
    ],
    [
      'react-otp-input text boxes',
      numbered(
        [1, 2, 3, 4].map((n) => `Please enter OTP character ${n}`),
        'text',
      ),
      4,
    ],
    [
      'numbered "Digit N" boxes',
      numbered(
        [1, 2, 3, 4, 5, 6].map((n) => `Digit ${n}`),
        'text',
      ),
      6,
    ],
  ])('%s: one split code', (_name, html, count) => {
    const doc = mount(html);
    const [target] = findOtpTargets(doc, window);
    expect(target?.kind).toBe('split');
    expect(target && targetInputs(target)).toEqual(Array.from(doc.querySelectorAll('input')));
    expect(target && targetInputs(target)).toHaveLength(count);
  });

  it.each<[string, string]>([
    [
      'address lines',
      numbered(
        [1, 2, 3, 4].map((n) => `Address line ${n}`),
        'text',
      ),
    ],
    [
      'address lines, numeric',
      numbered(
        [1, 2, 3, 4].map((n) => `Address line ${n}`),
        'text',
        'Enter the code from your app.',
      ).replace(/ inputmode="numeric"/g, ''),
    ],
    ['numbers out of order', numbered([1, 3, 2, 4, 5, 6].map((n) => `Please enter OTP character ${n}`))],
  ])('%s: no split code', (_name, html) => {
    const doc = mount(html);
    expect(findOtpTargets(doc, window).filter((t) => t.kind === 'split')).toEqual([]);
  });
});
