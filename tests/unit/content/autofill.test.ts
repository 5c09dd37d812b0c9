import { describe, expect, it } from 'vitest';
import type { AutofillReply } from '../../../lib/messaging';
import {
  startAutofill,
  TYPING_QUIET_MS,
  typingElsewhere,
  type AutofillDeps,
  type TypingState,
} from '../../../lib/content/autofill';
import type { PromptContent } from '../../../lib/content/prompt';
import { mount, useStubbedLayout } from '../autofill/layout';

let stops: (() => void)[] = [];
useStubbedLayout(() => {
  stops.forEach((stop) => stop());
  stops = [];
  delete (document as { elementFromPoint?: unknown }).elementFromPoint;
});

const wait = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** Let watchers, fills (one macrotask each) and replies run. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await wait(0);
};

/** happy-dom has no `self.origin`: the frame's origin, as a browser would give it. */
const PAGE_ORIGIN = location.origin;
Object.defineProperty(window, 'origin', { configurable: true, value: PAGE_ORIGIN });

const FORM = `<form id="f"><h2 id="h">Two-factor authentication</h2>
  <p id="p">Enter the code from your authenticator app.</p>
  <label for="otp">Authentication code</label><input id="otp" autocomplete="one-time-code">
  <button type="submit">Verify</button></form>`;

/** What the user would hit at any point: by default the element the test says is on top. */
function hitTest(pick: () => Element | null = () => document.getElementById('otp')) {
  Object.defineProperty(document, 'elementFromPoint', { configurable: true, value: () => pick() });
}

type Sent = { type: string; data: unknown };

/** Start autofill against a fake background that answers `autofill:code` with `replies` in turn. */
function start(replies: (AutofillReply | ((data: unknown) => AutofillReply))[], clock = { now: Date.now() }) {
  const sent: Sent[] = [];
  const shown: PromptContent[] = [];
  let removed = 0;
  const handlers = new Map<string, () => unknown>();
  const send = ((type: string, data: unknown) => {
    sent.push({ type, data });
    if (type !== 'autofill:code') return Promise.resolve(undefined);
    const next = replies.length > 1 ? replies.shift()! : replies[0]!;
    return Promise.resolve(typeof next === 'function' ? next(data) : next);
  }) as unknown as AutofillDeps['send'];
  const prompt = {
    show: (content: PromptContent) => shown.push(content),
    remove: () => (removed += 1),
  } as unknown as AutofillDeps['prompt'];
  stops.push(
    startAutofill({
      doc: document,
      win: window,
      send,
      onMessage: ((type: string, handler: () => unknown) => {
        handlers.set(type, handler);
        return () => handlers.delete(type);
      }) as unknown as AutofillDeps['onMessage'],
      t: (key: string, subs?: unknown) =>
        [key, ...(subs === undefined ? [] : [subs].flat().map(String))].join(':'),
      prompt,
      now: () => clock.now,
      isPreset: false,
    }),
  );
  return {
    sent,
    shown,
    removed: () => removed,
    asks: () => sent.filter((m) => m.type === 'autofill:code').map((m) => m.data),
    submits: () => sent.filter((m) => m.type === 'autofill:submitted').map((m) => m.data),
    message: (type: string) => handlers.get(type)?.(),
  };
}

/** A TOTP code expiring in `expiresIn` ms, or (null) an HOTP code. */
const code = (value: string, expiresIn: number | null = 20_000, accountId = 'a1'): AutofillReply => ({
  status: 'code',
  accountId,
  origin: PAGE_ORIGIN,
  code: value,
  ...(expiresIn === null ? {} : { expiresAt: Date.now() + expiresIn }),
  rememberDevice: false,
});
const otp = () => document.getElementById('otp') as HTMLInputElement;

describe('content autofill', () => {
  it('fills a field the user can see as soon as it is there', async () => {
    mount(FORM);
    hitTest();
    const page = start([code('123456')]);
    await settle();
    expect(otp().value).toBe('123456');
    expect(page.asks()).toEqual([{}]);
  });

  it.each([
    ['covered by another element', () => document.getElementById('p')],
    ['cannot be judged (no hit test answer)', () => null],
  ])('does not even ask for a code while the field is %s', async (_name, pick) => {
    mount(FORM);
    hitTest(pick);
    const page = start([code('123456')]);
    await settle();
    expect(page.asks()).toEqual([]);
    expect(otp().value).toBe('');
    // Uncovered and scrolled to: now it is filled.
    hitTest();
    document.dispatchEvent(new Event('scroll'));
    await settle();
    expect(otp().value).toBe('123456');
  });

  it('waiting: says when the next code comes, counts down, and fills it then', async () => {
    mount(FORM);
    hitTest();
    const clock = { now: Date.now() };
    const page = start([{ status: 'wait', accountId: 'a1', retryAt: clock.now + 50 }, code('654321')], clock);
    await settle();
    const card = page.shown.at(-1)!;
    expect(card.message).toBe('promptNextCode:1');
    expect(card.countdown?.text(12)).toBe('promptNextCode:12');
    expect(card.countdown?.until).toBe(clock.now + 50);
    expect(otp().value).toBe('');
    await wait(250);
    await settle();
    expect(page.asks()).toEqual([{}, { accountId: 'a1' }]);
    expect(otp().value).toBe('654321');
  });

  it('choosing: shows the chooser at once and asks for the chosen account, remembered', async () => {
    mount(FORM);
    hitTest();
    const page = start([
      {
        status: 'choose',
        choices: [
          { id: 'a1', issuer: 'Site', label: 'jane' },
          { id: 'a2', issuer: 'Site', label: 'john' },
        ],
      },
      code('111222', 20_000, 'a2'),
    ]);
    await settle();
    const card = page.shown.at(-1)!;
    expect(card.message).toBe('promptChooseAccount');
    expect(card.buttons.map((b) => b.label)).toEqual(['Site (jane)', 'Site (john)']);
    card.buttons[1]!.action();
    await settle();
    expect(page.asks().at(-1)).toEqual({ accountId: 'a2', userAction: true, remember: true });
    expect(otp().value).toBe('111222');
  });

  it('user edits: an expiring code is not replaced once the user typed in the field', async () => {
    mount(FORM);
    hitTest();
    const page = start([code('123456', 3_100), code('999999')]);
    await settle();
    expect(otp().value).toBe('123456');
    otp().value = '12345';
    await wait(3_300);
    await settle();
    expect(page.asks()).toEqual([{}]);
    expect(otp().value).toBe('12345');
  });

  it('expiry: a filled code that expires before submit is replaced by the next one', async () => {
    mount(FORM);
    hitTest();
    const page = start([code('123456', 3_100), code('999999')]);
    await settle();
    expect(otp().value).toBe('123456');
    await wait(3_300);
    await settle();
    expect(page.asks()).toEqual([{}, { accountId: 'a1' }]);
    expect(otp().value).toBe('999999');
  });

  it('a code waits too close to expiry for the next one', async () => {
    mount(FORM);
    hitTest();
    const page = start([code('123456', 100), code('999999')]);
    await settle();
    expect(otp().value).toBe('');
    await wait(300);
    await settle();
    expect(otp().value).toBe('999999');
    expect(page.asks()).toHaveLength(2);
  });

  it.each([
    ['the form is submitted', () => document.getElementById('f')!.dispatchEvent(new Event('submit'))],
    ['the field goes away', () => document.getElementById('f')!.remove()],
  ])('reports the code as used once %s, once', async (_name, act) => {
    mount(FORM);
    hitTest();
    const page = start([code('123456')]);
    await settle();
    expect(page.submits()).toEqual([]);
    act();
    await wait(600);
    document.getElementById('f')?.dispatchEvent(new Event('submit'));
    await wait(600);
    expect(page.submits()).toEqual([{ accountId: 'a1' }]);
  });

  it('stops while the same input asks for a backup code, and starts again when switched back', async () => {
    mount(FORM);
    hitTest();
    const page = start([code('123456')]);
    await settle();
    expect(otp().value).toBe('123456');
    otp().value = '';
    document.getElementById('h')!.textContent = 'Log in using a backup code';
    document.getElementById('p')!.textContent = 'Enter one of your backup codes.';
    await settle();
    expect(page.asks()).toHaveLength(1);
    document.getElementById('h')!.textContent = 'Two-factor authentication';
    document.getElementById('p')!.textContent = 'Enter the code from your authenticator app.';
    await settle();
    expect(page.asks()).toHaveLength(2);
    expect(otp().value).toBe('123456');
  });

  it('a page that starts on its backup-code form is filled once it switches to the authenticator', async () => {
    mount(FORM);
    document.getElementById('h')!.textContent = 'Log in using a backup code';
    document.getElementById('p')!.textContent = 'Enter one of your backup codes.';
    hitTest();
    const page = start([code('123456')]);
    await settle();
    expect(page.asks()).toEqual([]);
    expect(otp().value).toBe('');
    document.getElementById('h')!.textContent = 'Two-factor authentication';
    document.getElementById('p')!.textContent = 'Enter the code from your authenticator app.';
    await settle();
    expect(page.asks()).toHaveLength(1);
    expect(otp().value).toBe('123456');
  });

  it('HOTP: asks for the user action, and only then for the code', async () => {
    mount(FORM);
    hitTest();
    const page = start([{ status: 'action', accountId: 'h1' }, code('777888', null, 'h1')]);
    await settle();
    expect(otp().value).toBe('');
    const card = page.shown.at(-1)!;
    expect(card.message).toBe('promptFillHotp');
    // A page-made focus or click on the field is not the user's.
    otp().dispatchEvent(new Event('focus'));
    otp().dispatchEvent(new Event('pointerdown'));
    await settle();
    expect(page.asks()).toEqual([{}]);
    card.buttons[0]!.action();
    await settle();
    expect(page.asks().at(-1)).toEqual({ accountId: 'h1', userAction: true });
    expect(otp().value).toBe('777888');
  });

  it('locked: the card offers to unlock; after the unlock the fill names the account it used', async () => {
    mount(FORM);
    hitTest();
    const page = start([
      { status: 'locked' },
      {
        ...(code('135790') as Extract<AutofillReply, { status: 'code' }>),
        issuer: 'M2Mmanager',
        label: 'john@example.com',
      },
    ]);
    await settle();
    expect(page.shown.at(-1)?.message).toBe('promptUnlockToFill');
    expect(otp().value).toBe('');
    page.message('vault:unlocked');
    await settle();
    expect(otp().value).toBe('135790');
    expect(page.shown.at(-1)).toMatchObject({
      message: 'promptFilled:M2Mmanager (john@example.com)',
      buttons: [],
    });
  });

  it('the fill shortcut fills the focused field, as a user action', async () => {
    mount('<form><label for="x">Reference</label><input id="x"></form>');
    const page = start([code('246810')]);
    await settle();
    expect(page.asks()).toEqual([]);
    const field = document.getElementById('x') as HTMLInputElement;
    field.focus();
    expect(page.message('autofill:fillFocused')).toBe(true);
    await settle();
    expect(page.asks()).toEqual([{ userAction: true }]);
    expect(field.value).toBe('246810');
  });
});

/** django-otp's OTPAdminSite login: user name, password and the code in one form. */
const LOGIN_FORM = `<form id="f"><label for="id_username">Username:</label>
  <input type="text" name="username" id="id_username" autocomplete="username">
  <label for="id_password">Password:</label><input type="password" name="password" id="id_password">
  <label for="id_otp_token">OTP Token:</label><input type="text" name="otp_token" id="id_otp_token" autocomplete="off">
  <textarea id="notes"></textarea><div id="editor" contenteditable="true"></div>
  <input type="checkbox" id="remember"><input type="submit" value="Log in"></form>`;

describe('typingElsewhere: is the user typing anywhere but in the code field?', () => {
  const NOW = 1_000_000;
  const el = (id: string) => document.getElementById(id);
  const idle: TypingState = { lastKeyAt: -Infinity, lastKeyIn: null, composing: false };

  it.each([
    // [case, focused element id (null: nothing), typing state, typing elsewhere]
    ['focus in the user name', 'id_username', {}, true],
    ['focus in the password', 'id_password', {}, true],
    ['focus in a textarea', 'notes', {}, true],
    ['focus in an editable region', 'editor', {}, true],
    ['focus in the code field', 'id_otp_token', {}, false],
    ['focus on a checkbox', 'remember', {}, false],
    ['no focus', null, {}, false],
    ['an IME composition in progress', null, { composing: true }, true],
    [
      'a key in the password half a second ago',
      null,
      { lastKeyAt: NOW - 500, lastKeyIn: 'id_password' },
      true,
    ],
    [
      'a key in the password just over a second ago',
      null,
      { lastKeyAt: NOW - TYPING_QUIET_MS, lastKeyIn: 'id_password' },
      false,
    ],
    [
      'a key in the code field itself',
      'id_otp_token',
      { lastKeyAt: NOW - 100, lastKeyIn: 'id_otp_token' },
      false,
    ],
  ] as const)('%s', (_name, focusedId, state, expected) => {
    mount(LOGIN_FORM);
    const typing: TypingState = {
      ...idle,
      ...state,
      lastKeyIn: 'lastKeyIn' in state ? el(state.lastKeyIn) : null,
    };
    const inputs = [el('id_otp_token')!];
    expect(typingElsewhere(typing, NOW, focusedId ? el(focusedId) : null, inputs)).toBe(expected);
  });
});

describe('content autofill never takes the focus', () => {
  const token = () => document.getElementById('id_otp_token') as HTMLInputElement;

  it.each([
    // [case, focused field, its value, caret/selection]
    ['user name autofocused, empty', 'id_username', '', [0, 0]],
    ['user name half typed, caret inside', 'id_username', 'jane', [2, 2]],
    ['password with a selection', 'id_password', 'hunter2', [1, 4]],
  ] as const)('%s: the code is filled, focus and caret stay put', async (_name, id, value, [from, to]) => {
    mount(LOGIN_FORM);
    hitTest(() => token());
    const field = document.getElementById(id) as HTMLInputElement;
    field.value = value;
    field.focus();
    field.setSelectionRange(from, to);
    const tokenFocus: string[] = [];
    token().addEventListener('focus', () => tokenFocus.push('focus'));
    start([code('123456')]);
    await settle();
    expect(token().value).toBe('123456');
    expect(document.activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([from, to]);
    expect(field.value).toBe(value);
    expect(tokenFocus).toEqual([]);
  });

  it.each([
    // [case, focused field at the period's end, the user changed the code, new code filled, card]
    ['focus in the password, code untouched', 'id_password', false, false, true],
    ['nothing focused, code untouched', null, false, true, false],
    ['focus in the code field, code untouched', 'id_otp_token', false, true, false],
    ['focus in the password, code edited by the user', 'id_password', true, false, false],
  ] as const)('a new period with %s: refilled %s', async (_name, focusedId, edited, refilled, card) => {
    mount(LOGIN_FORM);
    hitTest(() => token());
    const page = start([code('123456', 3_100), code('999999')]);
    await settle();
    expect(token().value).toBe('123456');
    if (focusedId) document.getElementById(focusedId)!.focus();
    if (edited) token().value = '12345';
    await wait(3_300);
    await settle();
    expect(token().value).toBe(refilled ? '999999' : edited ? '12345' : '123456');
    expect(document.activeElement).toBe(focusedId ? document.getElementById(focusedId) : document.body);
    const ready = page.shown.filter((shown) => shown.message.startsWith('promptNewCodeReady'));
    expect(ready.length > 0).toBe(card);
    if (card) expect(ready[0]!.message).toBe('promptNewCodeReady:Alt+Shift+O');
  });

  it.each([
    ['the card button', (page: ReturnType<typeof start>) => page.shown.at(-1)!.buttons[0]!.action()],
    ['the fill shortcut', (page: ReturnType<typeof start>) => page.message('autofill:fillFocused')],
    [
      'the form being submitted',
      () => document.getElementById('f')!.dispatchEvent(new Event('submit', { cancelable: true })),
    ],
  ])('a waiting code goes in on %s, the focus stays in the password', async (_name, act) => {
    mount(LOGIN_FORM);
    hitTest(() => token());
    const page = start([code('123456', 3_100), code('999999')]);
    await settle();
    const password = document.getElementById('id_password') as HTMLInputElement;
    password.value = 'hunter';
    password.focus();
    await wait(3_300);
    await settle();
    expect(token().value).toBe('123456');
    act(page);
    expect(token().value).toBe('999999');
    expect(document.activeElement).toBe(password);
    expect(password.value).toBe('hunter');
  });
});

/** An event as the browser makes it for a person's key or IME (a page's script cannot set this). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

describe('content autofill sees the user typing through the page', () => {
  const token = () => document.getElementById('id_otp_token') as HTMLInputElement;
  const password = () => document.getElementById('id_password') as HTMLInputElement;
  const key = (target: Element, isTrusted = true) => {
    const event = new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true });
    target.dispatchEvent(isTrusted ? trusted(event) : event);
  };
  const compose = (target: Element, type: 'compositionstart' | 'compositionend') =>
    target.dispatchEvent(trusted(new CompositionEvent(type, { bubbles: true, data: 'か' })));

  const keyInPassword = () => key(password());
  it.each([
    // [case, refilled, ms on the clock since, what the user did in the password (the focus then left it)]
    ['a key pressed in the password just now', false, 0, keyInPassword],
    ['a key pressed in the password 0.9 s before', false, TYPING_QUIET_MS - 100, keyInPassword],
    ['a key pressed in the password over a second before', true, TYPING_QUIET_MS + 500, keyInPassword],
    ['a key a page script made up (not trusted)', true, 0, () => key(password(), false)],
    [
      'an IME composition still open in the password',
      false,
      5_000,
      () => compose(password(), 'compositionstart'),
    ],
    [
      'an IME composition that ended',
      true,
      TYPING_QUIET_MS + 500,
      () => {
        compose(password(), 'compositionstart');
        compose(password(), 'compositionend');
      },
    ],
  ] as const)('a new period after %s: refilled %s', async (_name, refilled, sinceMs, act) => {
    mount(LOGIN_FORM);
    hitTest(() => token());
    const clock = { now: Date.now() };
    const page = start([code('123456', 3_100), code('999999')], clock);
    await settle();
    expect(token().value).toBe('123456');
    const tokenFocus: string[] = [];
    token().addEventListener('focus', () => tokenFocus.push('focus'));
    // Nothing keeps the focus in a text field: only the key or the composition says "typing".
    act();
    clock.now += sinceMs;
    expect(document.activeElement).toBe(document.body);
    await wait(3_300);
    await settle();
    expect(token().value).toBe(refilled ? '999999' : '123456');
    expect(tokenFocus).toEqual([]);
    expect(document.activeElement).toBe(document.body);
    const ready = page.shown.filter((shown) => shown.message.startsWith('promptNewCodeReady'));
    expect(ready.length > 0).toBe(!refilled);
  });
});

describe('content autofill on a page imitating an enrolled site', () => {
  const LOOKALIKE: AutofillReply = {
    status: 'lookalike',
    pageHost: 'm2rnmanager.localhost:4100',
    imitatedHost: 'm2mmanager.localhost:4100',
  };

  it.each([
    ['the code field appearing', (_page: ReturnType<typeof start>) => undefined, [{}]],
    [
      'the fill shortcut or the context menu',
      (page: ReturnType<typeof start>) => {
        otp().focus();
        page.message('autofill:fillFocused');
      },
      [{}, { userAction: true }],
    ],
  ])('%s: nothing is filled, the card warns with both hosts', async (_name, act, asks) => {
    mount(FORM);
    hitTest();
    const page = start([LOOKALIKE]);
    await settle();
    act(page);
    await settle();
    expect(page.asks()).toEqual(asks);
    expect(otp().value).toBe('');
    expect(page.shown.at(-1)).toMatchObject({
      message: 'lookalikeCard:m2rnmanager.localhost:4100:m2mmanager.localhost:4100',
      urgent: true,
    });
    expect(page.shown.at(-1)!.buttons.map((b) => b.label)).toEqual(['close']);
  });
});
