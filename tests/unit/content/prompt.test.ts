import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The guard's verdict (seen long enough, unobscured) is card-guard.test.ts's subject: here the
// test decides it.
const guard = vi.hoisted(() => ({ armed: true, onMoved: (_moved: boolean): void => undefined }));
vi.mock('@/lib/content/card-guard', () => ({
  guardCard: (_h: unknown, _c: unknown, _b: unknown, _e: unknown, onMoved: (moved: boolean) => void) => {
    guard.onMoved = onMoved;
    return { isArmed: () => guard.armed, stop: () => undefined };
  },
}));

const { InPagePrompt } = await import('@/lib/content/prompt');
const { MARK_SHAPES } = await import('@/lib/content/mark');

/** The card's shadow root is closed (as in real builds): keep a handle on it when it is made. */
let root: ShadowRoot | undefined;
beforeEach(() => {
  guard.armed = true;
  const attach = Object.getOwnPropertyDescriptor(Element.prototype, 'attachShadow')?.value as (
    this: Element,
    init: ShadowRootInit,
  ) => ShadowRoot;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (
    this: HTMLElement,
    init: ShadowRootInit,
  ) {
    root = attach.call(this, init);
    return root;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  document.querySelectorAll('twofold-ui').forEach((element) => element.remove());
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A save card as the QR capture shows it, and a count of its primary action. */
function saveCard(hint?: (label: string) => Promise<string | undefined>) {
  const prompt = new InPagePrompt(document, 'Twofold', undefined, hint);
  const saved = { count: 0, notNow: 0 };
  prompt.show({
    message: 'Save M2Mmanager (john@example.com) to Twofold?',
    buttons: [
      { label: 'Save to Twofold', primary: true, action: () => saved.count++ },
      { label: 'Not now', action: () => saved.notNow++ },
    ],
  });
  return { prompt, saved };
}

describe('the card shortcut (a browser command)', () => {
  it('does what the primary button does, once the card has been seen', () => {
    const { prompt, saved } = saveCard();
    guard.armed = false;
    expect(prompt.act()).toBe(false);
    expect(saved.count).toBe(0);
    guard.armed = true;
    expect(prompt.act()).toBe(true);
    expect(saved).toEqual({ count: 1, notNow: 0 });
  });

  it('does nothing without a card, or on a card without buttons', () => {
    const prompt = new InPagePrompt(document, 'Twofold');
    expect(prompt.act()).toBe(false);
    prompt.show({ message: 'Saving…', buttons: [] });
    expect(prompt.act()).toBe(false);
    prompt.remove();
    expect(prompt.act()).toBe(false);
  });

  it('with a choice and no primary action, brings the keyboard to the first button', () => {
    const prompt = new InPagePrompt(document, 'Twofold');
    const chosen: string[] = [];
    prompt.show({
      message: 'Which account?',
      buttons: ['a', 'b'].map((label) => ({ label, action: () => chosen.push(label) })),
    });
    expect(prompt.act()).toBe(true);
    expect(chosen).toEqual([]);
    expect(root?.activeElement?.textContent).toBe('a');
  });

  it.each([
    [
      'a keydown Enter',
      (button: HTMLElement) =>
        button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
    ],
    [
      'the shortcut keys',
      (button: HTMLElement) =>
        button.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'K', altKey: true, shiftKey: true, bubbles: true }),
        ),
    ],
    ['a click', (button: HTMLElement) => button.dispatchEvent(new MouseEvent('click', { bubbles: true }))],
  ])('a page-dispatched event (%s) on the card saves nothing', (_name, dispatch) => {
    const { saved } = saveCard();
    const button = root?.querySelector<HTMLButtonElement>('button.primary');
    expect(button).toBeTruthy();
    dispatch(button!);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'K', altKey: true, shiftKey: true }));
    expect(saved).toEqual({ count: 0, notNow: 0 });
  });

  it("is announced in the card's live message, with the keys the browser has now", async () => {
    const asked: string[] = [];
    saveCard((label) => {
      asked.push(label);
      return Promise.resolve(`Keyboard: Alt+Shift+K for "${label}".`);
    });
    await settle();
    expect(asked).toEqual(['Save to Twofold']);
    expect(root?.querySelector('[role="status"]')?.textContent).toBe(
      'Save M2Mmanager (john@example.com) to Twofold? Keyboard: Alt+Shift+K for "Save to Twofold".',
    );
  });

  it('says nothing of a shortcut the user removed, or for a card without a primary button', async () => {
    saveCard(() => Promise.resolve(undefined));
    await settle();
    expect(root?.querySelector('[role="status"]')?.textContent).toBe(
      'Save M2Mmanager (john@example.com) to Twofold?',
    );
    const hint = vi.fn(() => Promise.resolve('never'));
    new InPagePrompt(document, 'Twofold', undefined, hint).show({ message: 'Saved.', buttons: [] });
    await settle();
    expect(hint).not.toHaveBeenCalled();
  });

  it('adds no second shortcut to a card whose message already names its keys (a waiting code)', async () => {
    const hint = vi.fn(() => Promise.resolve('Keyboard: Alt+Shift+K for "Fill code".'));
    new InPagePrompt(document, 'Twofold', undefined, hint).show({
      message: 'New code ready: press Alt+Shift+O or click Fill code.',
      buttons: [{ label: 'Fill code', primary: true, action: () => undefined }],
      namesItsShortcut: true,
    });
    await settle();
    expect(hint).not.toHaveBeenCalled();
    expect(root?.querySelector('[role="status"]')?.textContent).toBe(
      'New code ready: press Alt+Shift+O or click Fill code.',
    );
  });
});

describe('a card the page moved', () => {
  it('a click while the guard says it moved (disarmed) saves nothing; screen readers hear why', () => {
    const prompt = new InPagePrompt(document, 'Twofold', undefined, undefined, 'The page moved this card.');
    let saved = 0;
    prompt.show({
      message: 'Save?',
      buttons: [{ label: 'Save to Twofold', primary: true, action: () => saved++ }],
    });
    const notice = [...(root?.querySelectorAll('[aria-live="polite"]') ?? [])].find(
      (el) => el.className === 'sr',
    );
    expect(notice?.textContent).toBe('');
    guard.armed = false;
    guard.onMoved(true);
    expect(notice?.textContent).toBe('The page moved this card.');
    root?.querySelector<HTMLButtonElement>('button.primary')?.click();
    expect(prompt.act()).toBe(false);
    expect(saved).toBe(0);
    guard.armed = true;
    guard.onMoved(false);
    expect(notice?.textContent).toBe('');
    expect(prompt.act()).toBe(true);
    expect(saved).toBe(1);
  });
});

describe("the card's logo", () => {
  /** Tag names and attributes, depth first: what the eye sees of an SVG. */
  function shapes(element: Element): unknown[] {
    return [...element.children].map((child) => [
      child.tagName.toLowerCase(),
      Object.fromEntries([...child.attributes].map((a) => [a.name, a.value])),
      shapes(child),
    ]);
  }

  it('is the toolbar icon (store/icon.svg), shape by shape', () => {
    const file = new DOMParser().parseFromString(readFileSync('store/icon.svg', 'utf8'), 'image/svg+xml');
    const { prompt } = saveCard();
    const mark = root?.querySelector('.head svg');
    expect(mark?.getAttribute('viewBox')).toBe(file.documentElement.getAttribute('viewBox'));
    expect(mark?.getAttribute('aria-hidden')).toBe('true');
    expect(shapes(mark!)).toEqual(shapes(file.documentElement));
    expect(MARK_SHAPES.length).toBe(file.documentElement.children.length);
    prompt.remove();
  });
});
