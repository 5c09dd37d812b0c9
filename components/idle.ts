import { useEffect } from 'preact/hooks';

interface IdleWindow {
  requestIdleCallback?: (fn: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (handle: number) => void;
}

/**
 * Runs `fn` once the page is idle (at the latest after `timeoutMs`): what the first screen does not
 * show waits until the codes are drawn, so its messages do not queue before the popup's start.
 * Returns the cancel.
 */
export function whenIdle(win: IdleWindow, fn: () => void, timeoutMs = 400): () => void {
  if (win.requestIdleCallback && win.cancelIdleCallback) {
    const handle = win.requestIdleCallback(fn, { timeout: timeoutMs });
    return () => win.cancelIdleCallback?.(handle);
  }
  const handle = win.setTimeout(fn, 0);
  return () => win.clearTimeout(handle);
}

/** What the first screen waits for; idle work starts only after it settled. */
let firstScreen: Promise<unknown> = Promise.resolve();

/**
 * Idle work waits for `first` (the popup's start answer) as well: the page is idle while it waits
 * for that answer, and messages sent then would reach the background before the codes are drawn.
 */
export function holdIdleWorkUntil(first: Promise<unknown>): void {
  firstScreen = first.catch(() => undefined);
}

/** `whenIdle`, after the first screen's data arrived. Returns the cancel. */
export function whenIdleAfterStart(win: IdleWindow, fn: () => void): () => void {
  let cancel: (() => void) | undefined;
  let live = true;
  void firstScreen.then(() => {
    if (live) cancel = whenIdle(win, fn);
  });
  return () => {
    live = false;
    cancel?.();
  };
}

/** `useEffect(fn, [])`, run at the first idle time after mount and after the popup's start. */
export function useIdleEffect(fn: () => void, win: IdleWindow = window): void {
  useEffect(() => whenIdleAfterStart(win, fn), []);
}
