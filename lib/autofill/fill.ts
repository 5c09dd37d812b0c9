/**
 * Put a code into a target and check it stuck. Methods, in order, until the page shows the code:
 *  - single field: native setter + input/change → per-character typing (key events) → paste;
 *  - split boxes: per-box typing (key events, one digit each) → paste into the first box →
 *    typing that follows the widget's own focus moves.
 * Read-back happens after one macrotask, once frameworks had their chance to re-render a
 * controlled input (and to put back their old value if they rejected ours); when the code is not
 * there yet, once more after the next animation frame, where some widgets apply a paste (Zag's pin
 * input), before the next method is tried.
 *
 * The focus is the user's: a fill never leaves it anywhere else. The setter needs no focus; a
 * method that does borrows it and gives it back (element, caret and selection) as soon as the page
 * had what it needs. With `keepFocus` (the user is typing elsewhere) the focus is never touched, and
 * methods that only work on a focused field are skipped.
 */
import {
  fireChange,
  fireInput,
  fireKey,
  firePaste,
  focus,
  readValue,
  setNativeValue,
  viewOf,
} from './events';
import { targetInputs, type OtpTarget } from './types';

export type FillMethod = 'setter' | 'typing' | 'paste' | 'focus-typing';
export type FillResult = { ok: boolean; method: FillMethod | null };
export interface FillOptions {
  /** The user is typing in another field (or composing): never move the focus, not even for a moment. */
  keepFocus?: boolean;
}

type Editable = HTMLInputElement | HTMLTextAreaElement;

/** Where the keyboard is, down through open shadow roots and same-origin frames. */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  for (;;) {
    const inner: Element | null | undefined =
      active?.shadowRoot?.activeElement ?? frameDocument(active)?.activeElement ?? undefined;
    if (!inner || inner === active) return active;
    active = inner;
  }
}

function frameDocument(element: Element | null): Document | null {
  if (!element || element.tagName !== 'IFRAME') return null;
  try {
    return (element as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
}

/** The focus before a fill: the element, and for a text field its caret and selection. */
export interface SavedFocus {
  element: Element | null;
  selection?: { start: number; end: number; direction: 'forward' | 'backward' | 'none' };
}

function isEditable(element: Element | null): element is Editable {
  return element?.tagName === 'INPUT' || element?.tagName === 'TEXTAREA';
}

export function saveFocus(doc: Document): SavedFocus {
  const element = deepActiveElement(doc);
  if (!isEditable(element)) return { element };
  try {
    const { selectionStart: start, selectionEnd: end, selectionDirection } = element;
    if (start === null || end === null) return { element };
    return { element, selection: { start, end, direction: selectionDirection ?? 'none' } };
  } catch {
    // Types without a selection (number, email) throw on some engines.
    return { element };
  }
}

/**
 * Put the focus back where it was. Focus that was in the target itself stays where the page (or
 * the widget) put it; focus that was nowhere leaves the target again.
 */
export function restoreFocus(saved: SavedFocus, doc: Document, inputs: readonly Element[]): void {
  const now = deepActiveElement(doc);
  const { element, selection } = saved;
  if (element && inputs.includes(element)) return;
  const focusable = element && element.isConnected && element !== doc.body && 'focus' in element;
  if (!focusable) {
    if (now && inputs.includes(now) && 'blur' in now) (now as HTMLElement).blur();
    return;
  }
  if (now !== element) {
    try {
      (element as HTMLElement).focus({ preventScroll: true });
    } catch {
      (element as HTMLElement).focus();
    }
  }
  if (selection && isEditable(element)) {
    try {
      element.setSelectionRange(selection.start, selection.end, selection.direction);
    } catch {
      // No selection on this type: the element alone is given back.
    }
  }
}

/** Formatting a page may add to a code it accepted ("123 456", "123-456"). */
function sameCode(value: string, code: string): boolean {
  return value === code || value.replace(/[\s\-–]/g, '') === code;
}

function timerOf(view: Window): (run: () => void, ms: number) => unknown {
  return typeof view.setTimeout === 'function' ? view.setTimeout.bind(view) : setTimeout;
}

function settle(view: Window): Promise<void> {
  return new Promise((resolve) => {
    timerOf(view)(resolve, 0);
  });
}

/** Frames do not run in a hidden tab: never wait for one longer than this. */
const FRAME_WAIT_MS = 50;

/** The next animation frame and the macrotask after it (what a widget did in that frame is in the DOM then). */
function nextFrame(view: Window): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      resolve();
    };
    if (typeof view.requestAnimationFrame === 'function') {
      view.requestAnimationFrame(() => timerOf(view)(finish, 0));
    }
    timerOf(view)(finish, FRAME_WAIT_MS);
  });
}

/** Whether the target shows the code after the page's own handlers ran (this task, then the next frame). */
async function accepted(target: OtpTarget, code: string, win: Window, view: Window): Promise<boolean> {
  await settle(view);
  if (holds(target, code, win)) return true;
  await nextFrame(view);
  return holds(target, code, win);
}

/** The value(s) of a target as one string (boxes concatenated). */
export function targetValue(target: OtpTarget, win?: Window): string {
  return targetInputs(target)
    .map((input) => (win ? readValue(input, viewOf(input, win)) : input.value))
    .join('');
}

/** Whether the target shows `code` now (formatting a page adds aside, or a number field's number). */
export function holds(target: OtpTarget, code: string, win: Window): boolean {
  const value = targetValue(target, win);
  return sameCode(value, code) || sameNumber(target, value, code);
}

/**
 * A number field whose page kept the number it read ("12345" for the code "012345", its
 * `valueAsNumber`): the page has the code as it reads it, exactly as if the user had typed it, and
 * no other way of filling would leave anything else there.
 */
function sameNumber(target: OtpTarget, value: string, code: string): boolean {
  return (
    target.kind === 'single' &&
    target.input.type === 'number' &&
    /^\d+$/.test(value) &&
    /^\d+$/.test(code) &&
    Number(value) === Number(code)
  );
}

function clearInput(input: HTMLInputElement, view: Window): void {
  if (readValue(input, view) === '') return;
  setNativeValue(input, '', view);
  fireInput(input, view, 'deleteContentBackward', null);
}

/** The user changed what we filled: leave the field alone (do not replace an expiring code). */
export function userEdited(target: OtpTarget, filledCode: string): boolean {
  return !sameCode(targetValue(target), filledCode);
}

/**
 * One keystroke as a browser sends it: keydown, keypress, beforeinput, the value change, input, keyup.
 * A page that cancels keydown/keypress/beforeinput has handled the key itself (widgets often do), so
 * then the value is left to it. `replace` writes the character over the field's value (one-digit boxes).
 */
function typeChar(input: HTMLInputElement, view: Window, ch: string, replace: boolean): void {
  if (fireKey(input, view, 'keydown', ch) && fireKey(input, view, 'keypress', ch)) {
    if (fireInput(input, view, 'insertText', ch, 'beforeinput')) {
      setNativeValue(input, replace ? ch : readValue(input, view) + ch, view);
      fireInput(input, view, 'insertText', ch);
    }
  }
  fireKey(input, view, 'keyup', ch);
}

/** Paste; when no handler took it, insert the text as the browser would. */
function paste(input: HTMLInputElement, view: Window, text: string): void {
  if (!firePaste(input, view, text)) return;
  if (!fireInput(input, view, 'insertFromPaste', text, 'beforeinput')) return;
  setNativeValue(input, text, view);
  fireInput(input, view, 'insertFromPaste', text);
}

async function fillSingle(
  input: HTMLInputElement,
  code: string,
  win: Window,
  options: FillOptions,
): Promise<FillResult> {
  const view = viewOf(input, win);
  const target: OtpTarget = { kind: 'single', input, score: 0, signals: [], sms: false };
  // Typing and pasting happen where a person would type or paste: in the focused field.
  const methods: [FillMethod, boolean, () => void][] = [
    [
      'setter',
      false,
      () => {
        setNativeValue(input, code, view);
        fireInput(input, view, 'insertText', code);
      },
    ],
    ['typing', true, () => [...code].forEach((ch) => typeChar(input, view, ch, false))],
    ['paste', true, () => paste(input, view, code)],
  ];
  for (const [method, needsFocus, run] of methods) {
    const saved = saveFocus(win.document);
    if (needsFocus && !options.keepFocus) focus(input);
    clearInput(input, view);
    run();
    fireChange(input, view);
    // Given back at once, in this task: no key the user presses can land in the code field.
    restoreFocus(saved, win.document, [input]);
    if (await accepted(target, code, win, view)) return { ok: true, method };
  }
  return { ok: false, method: null };
}

function activeIn(inputs: HTMLInputElement[]): HTMLInputElement | null {
  const first = inputs[0];
  if (!first) return null;
  const root = first.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  return inputs.find((input) => input === active) ?? null;
}

async function fillSplit(
  inputs: HTMLInputElement[],
  code: string,
  win: Window,
  options: FillOptions,
): Promise<FillResult> {
  const first = inputs[0];
  if (!first || inputs.length !== code.length) return { ok: false, method: null };
  const view = viewOf(first, win);
  const target: OtpTarget = { kind: 'split', inputs, score: 0, signals: [], sms: false };
  const digits = [...code];
  const moveFocus = (input: HTMLInputElement) => {
    if (!options.keepFocus) focus(input);
  };
  // [method, holds the focus until read back (the widget applies it in a later frame), run]
  const methods: [FillMethod, boolean, () => void][] = [
    [
      'typing',
      false,
      () =>
        inputs.forEach((input, i) => {
          moveFocus(input);
          typeChar(input, view, digits[i]!, true);
          fireChange(input, view);
        }),
    ],
    ['paste', true, () => (focus(first), paste(first, view, code))],
    [
      // Widgets that move focus themselves may expect each key where *they* put the caret.
      'focus-typing',
      true,
      () => {
        focus(first);
        digits.forEach((digit, i) => {
          const box = activeIn(inputs) ?? inputs[i]!;
          typeChar(box, view, digit, true);
          const next = inputs[i + 1];
          if (next && activeIn(inputs) === box) focus(next);
        });
      },
    ],
  ];
  for (const [method, holdsFocus, run] of methods) {
    // These only work on a focused box: not while the user types elsewhere.
    if (holdsFocus && options.keepFocus) continue;
    const saved = saveFocus(win.document);
    for (const input of inputs) clearInput(input, view);
    run();
    // A widget may move the focus itself, even to boxes we did not touch: give it back.
    if (!holdsFocus) restoreFocus(saved, win.document, inputs);
    const ok = await accepted(target, code, win, view);
    if (holdsFocus) restoreFocus(saved, win.document, inputs);
    if (ok) return { ok: true, method };
  }
  return { ok: false, method: null };
}

/**
 * Write `code` at once, in this task, without the focus ever moving: the setter for a field, key
 * events box by box for a row. For the moment a form is submitted, when the page is about to read
 * the field and there is no time to wait for a read-back.
 */
export function writeNow(target: OtpTarget, code: string, win: Window): void {
  const saved = saveFocus(win.document);
  const inputs = targetInputs(target);
  if (target.kind === 'single') {
    const view = viewOf(target.input, win);
    setNativeValue(target.input, code, view);
    fireInput(target.input, view, 'insertText', code);
    fireChange(target.input, view);
  } else if (inputs.length === code.length) {
    inputs.forEach((input, i) => {
      const view = viewOf(input, win);
      typeChar(input, view, code[i]!, true);
      fireChange(input, view);
    });
  }
  restoreFocus(saved, win.document, inputs);
}

/** Fill and say which method worked (for diagnostics and the bench). */
export function fillTargetWithMethod(
  target: OtpTarget,
  code: string,
  win: Window,
  options: FillOptions = {},
): Promise<FillResult> {
  return target.kind === 'single'
    ? fillSingle(target.input, code, win, options)
    : fillSplit(target.inputs, code, win, options);
}

/** Fill `code` into `target`; true when the page ends up showing exactly the code. */
export async function fillTarget(
  target: OtpTarget,
  code: string,
  win: Window,
  options: FillOptions = {},
): Promise<boolean> {
  return (await fillTargetWithMethod(target, code, win, options)).ok;
}
