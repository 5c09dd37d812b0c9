import { describe, expect, it, vi } from 'vitest';
import { ClipboardClearer, shouldClearClipboard, type ClearFacts } from '@/components/clipboard';

describe('shouldClearClipboard', () => {
  const base: ClearFacts = { copied: '123456', current: '123456', lostFocus: false, superseded: false };
  it.each([
    ['still holds the code', {}, true],
    ['holds something else now', { current: 'hello' }, false],
    ['was emptied', { current: '' }, false],
    ['readable, even after losing focus, still ours', { lostFocus: true }, true],
    ['unreadable, page kept focus', { current: undefined }, true],
    ['unreadable, page lost focus', { current: undefined, lostFocus: true }, false],
    ['a newer copy took over', { superseded: true }, false],
  ] as const)('%s', (_name, patch, expected) => {
    expect(shouldClearClipboard({ ...base, ...patch })).toBe(expected);
  });
});

function fakeEnv(readable = true) {
  let content = 'before';
  const blurListeners: (() => void)[] = [];
  const clipboard = {
    writeText: vi.fn((text: string) => {
      content = text;
      return Promise.resolve();
    }),
    readText: vi.fn(() =>
      readable ? Promise.resolve(content) : Promise.reject(new Error('NotAllowedError')),
    ),
  };
  return {
    env: {
      clipboard,
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
      clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      onBlur: (fn: () => void) => {
        blurListeners.push(fn);
        return () => undefined;
      },
    },
    content: () => content,
    setContent: (text: string) => (content = text),
    blur: () => blurListeners.forEach((fn) => fn()),
  };
}

describe('ClipboardClearer', () => {
  it.each([
    ['clears its own code after the delay', true, false, undefined, ''],
    ['leaves what the user copied since', true, false, 'other text', 'other text'],
    ['unreadable and kept focus: clears', false, false, undefined, ''],
    ['unreadable and lost focus: leaves it', false, true, undefined, '654321'],
  ])('%s', async (_name, readable, blur, replaced, expected) => {
    vi.useFakeTimers();
    const fake = fakeEnv(readable);
    const clearer = new ClipboardClearer(fake.env);
    await clearer.copy('654321', 20);
    expect(fake.content()).toBe('654321');
    if (blur) fake.blur();
    if (replaced) fake.setContent(replaced);
    await vi.advanceTimersByTimeAsync(19_000);
    expect(fake.content()).toBe(replaced ?? '654321');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fake.content()).toBe(expected);
    vi.useRealTimers();
  });

  it('never clears with a delay of 0, and a newer copy replaces the pending clear', async () => {
    vi.useFakeTimers();
    const fake = fakeEnv();
    const clearer = new ClipboardClearer(fake.env);
    await clearer.copy('111111', 0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.content()).toBe('111111');
    await clearer.copy('222222', 10);
    await vi.advanceTimersByTimeAsync(5_000);
    await clearer.copy('333333', 10);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(fake.content()).toBe('333333');
    await vi.advanceTimersByTimeAsync(4_000);
    expect(fake.content()).toBe('');
    clearer.dispose();
    vi.useRealTimers();
  });
});
