import { useEffect } from 'preact/hooks';

interface IdleWindow {
  requestIdleCallback?: (fn: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (handle: number) => void;
}

/**
 * Runs `fn` once the page is idle (at the latest after `timeoutMs`): what the first screen does not
 * show waits until the codes are drawn, so its messages do not queue before `accounts:list`.
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

/** `useEffect(fn, [])`, run at the first idle time after mount. */
export function useIdleEffect(fn: () => void, win: IdleWindow = window): void {
  useEffect(() => whenIdle(win, fn), []);
}
