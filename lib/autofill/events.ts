/**
 * Writing into a field the way a browser does when a person types or pastes, so that pages and
 * frameworks (React's value tracker, Preact/Vue/Angular listeners, hand-written widgets) see it.
 * Events are built with the field's own window: a same-origin iframe has its own constructors.
 */

export function viewOf(input: HTMLInputElement, fallback: Window): Window {
  return input.ownerDocument.defaultView ?? fallback;
}

/**
 * Set the value through `HTMLInputElement.prototype`'s setter. React overrides `value` on the element
 * itself to remember what it last wrote; going around it makes React see a real change on `input`.
 */
function valueDescriptor(input: HTMLInputElement, view: Window): PropertyDescriptor | undefined {
  const proto: object =
    (view as Window & typeof globalThis).HTMLInputElement?.prototype ??
    (Object.getPrototypeOf(input) as object);
  return Object.getOwnPropertyDescriptor(proto, 'value');
}

export function setNativeValue(input: HTMLInputElement, value: string, view: Window): void {
  const descriptor = valueDescriptor(input, view);
  if (descriptor?.set) descriptor.set.call(input, value);
  else input.value = value;
}

/** The value as the browser holds it (not what a page's own `value` override reports). */
export function readValue(input: HTMLInputElement, view: Window): string {
  const descriptor = valueDescriptor(input, view);
  return descriptor?.get ? String(descriptor.get.call(input)) : input.value;
}

type Ctors = Window & typeof globalThis;

/** Dispatch and report whether the page let the default action happen. */
function fire(target: EventTarget, event: Event): boolean {
  return target.dispatchEvent(event);
}

export function fireInput(
  input: HTMLInputElement,
  view: Window,
  inputType: string,
  data: string | null,
  type: 'input' | 'beforeinput' = 'input',
): boolean {
  const v = view as Ctors;
  const init = { bubbles: true, composed: true, cancelable: type === 'beforeinput', inputType, data };
  const event = typeof v.InputEvent === 'function' ? new v.InputEvent(type, init) : new v.Event(type, init);
  return fire(input, event);
}

export function fireChange(input: HTMLInputElement, view: Window): void {
  fire(input, new (view as Ctors).Event('change', { bubbles: true }));
}

function keyInit(ch: string): KeyboardEventInit & { keyCode: number; which: number; charCode: number } {
  const isDigit = /^\d$/.test(ch);
  const keyCode = isDigit ? 48 + Number(ch) : ch.toUpperCase().charCodeAt(0);
  return {
    key: ch,
    code: isDigit ? `Digit${ch}` : `Key${ch.toUpperCase()}`,
    keyCode,
    which: keyCode,
    charCode: 0,
    bubbles: true,
    cancelable: true,
    composed: true,
  };
}

/** keydown/keypress/keyup. `keyCode`/`which` are read-only on KeyboardEvent: define them for old listeners. */
export function fireKey(
  input: HTMLInputElement,
  view: Window,
  type: 'keydown' | 'keypress' | 'keyup',
  ch: string,
): boolean {
  const v = view as Ctors;
  const init = keyInit(ch);
  const event = new v.KeyboardEvent(type, init);
  const code = type === 'keypress' ? ch.charCodeAt(0) : init.keyCode;
  for (const prop of ['keyCode', 'which', 'charCode'] as const) {
    const value = prop === 'charCode' ? (type === 'keypress' ? code : 0) : code;
    try {
      Object.defineProperty(event, prop, { get: () => value });
    } catch {
      // Some engines make these unconfigurable; modern listeners read `key` anyway.
    }
  }
  return fire(input, event);
}

/**
 * A paste of `text`: a real `ClipboardEvent` carrying a `DataTransfer` when the engine allows it,
 * else a plain `paste` Event with a minimal `clipboardData`. Returns whether the page let the
 * default action (inserting the text) happen: false means a paste handler took care of it.
 */
export function firePaste(input: HTMLInputElement, view: Window, text: string): boolean {
  const v = view as Ctors;
  let event: Event | null = null;
  try {
    if (typeof v.DataTransfer === 'function' && typeof v.ClipboardEvent === 'function') {
      const data = new v.DataTransfer();
      data.setData('text/plain', text);
      event = new v.ClipboardEvent('paste', {
        bubbles: true,
        cancelable: true,
        composed: true,
        clipboardData: data,
      });
      if (!(event as ClipboardEvent).clipboardData) event = null;
    }
  } catch {
    event = null;
  }
  if (!event) {
    event = new v.Event('paste', { bubbles: true, cancelable: true, composed: true });
    const clipboardData = {
      types: ['text/plain'],
      getData: (format: string) =>
        format === 'text/plain' || format === 'text' || format === 'Text' ? text : '',
    };
    Object.defineProperty(event, 'clipboardData', { get: () => clipboardData });
  }
  return fire(input, event);
}

export function focus(input: HTMLInputElement): void {
  try {
    input.focus({ preventScroll: true });
  } catch {
    input.focus();
  }
}
