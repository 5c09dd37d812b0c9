import { watchForWork } from './loader-watch';

/** Set in the isolated world of a frame where the loader runs (the page cannot see it). */
export const LOADER_FLAG = '__twofoldLoader';

/** The message that asks the background for the features, in @webext-core/messaging's format. */
export function loadMessage(now = Date.now()): { id: number; type: 'content:load'; timestamp: number } {
  return { id: 0, type: 'content:load', timestamp: now };
}

/**
 * The loader's whole job: once per frame, wait for a field or a QR candidate, then ask the
 * background for capture and autofill. Until then it touches no extension API (`send` is called
 * only then), because the first use of one costs a page ~2 ms.
 */
export function startLoader(doc: Document, win: Window, send: (message: object) => Promise<unknown>): void {
  const flags = win as unknown as Record<string, boolean | undefined>;
  if (flags[LOADER_FLAG]) return;
  flags[LOADER_FLAG] = true;
  // Nothing here reads an element (not even documentElement): the first element wrapper in the
  // isolated world costs a page 0.05 MB of heap, for its prototypes.
  watchForWork(doc, win, () => void send(loadMessage()).catch(() => undefined));
}
