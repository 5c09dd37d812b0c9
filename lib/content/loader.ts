/**
 * What runs at every page load of an enrolled or enabled site: it answers pings and watches cheaply
 * for a field or a QR candidate; only then does it import capture and autofill, a chunk packaged
 * with Twofold, into this frame's content-script world. Nothing here reads or fills anything.
 */
import { answer, type LoaderRuntime } from './loader-runtime';
import { watchForWork } from './loader-watch';
import { answerPing } from './ping';

/** The packaged chunk with capture and autofill (entrypoints/content-features.ts). */
export const FEATURES_PATH = '/content-features.js';

/**
 * Where the chunk, once run, leaves the function that stops it: a global of the content script's
 * own world, which the page's scripts do not share.
 */
export const FEATURES_STOP = '__twofoldFeaturesStop';
/** Where the chunk leaves the function that hands it a message it missed while loading. */
export const FEATURES_DELIVER = '__twofoldFeaturesDeliver';

type Deliver = (type: string, data: unknown) => Promise<unknown>;

export interface LoaderDeps {
  doc: Document;
  win: Window;
  runtime: LoaderRuntime & { getURL(path: string): string };
  /** `import()` itself in the build; tests give their own. */
  load: (url: string) => Promise<unknown>;
}

/** Starts the loader in a frame; returns a function that stops it (and the features, if loaded). */
export function startLoader({ doc, win, runtime, load }: LoaderDeps): () => void {
  let loading: Promise<unknown> | undefined;
  const start = (): Promise<unknown> =>
    // Once per frame; a failed import (Twofold was updated or removed meanwhile) is not retried.
    (loading ??= load(runtime.getURL(FEATURES_PATH)).catch(() => undefined));
  const stopWatch = watchForWork(doc, win, () => void start());
  const globals = globalThis as Record<string, unknown>;
  /**
   * A message only the features handle, sent before they were loaded (the fill shortcut on a field
   * the page has not shown the loader, a scan's offer for a QR code it did not see): load them, then
   * hand it over. Once they run they answer it themselves.
   */
  const wake =
    (type: string, when: () => boolean = () => true) =>
    (data: unknown): Promise<unknown> | undefined => {
      if (loading || !when()) return undefined;
      stopWatch();
      return start().then(() => (globals[FEATURES_DELIVER] as Deliver | undefined)?.(type, data));
    };
  const stopAnswers = answer(runtime, {
    'content:ping': answerPing(runtime, win.location),
    // Sent to every frame: only the one whose focus is in a field takes it.
    'autofill:fillFocused': wake('autofill:fillFocused', () => {
      const active = doc.activeElement;
      return doc.hasFocus() && active !== null && active.localName === 'input';
    }),
    'capture:offered': wake('capture:offered'),
  });
  return () => {
    stopWatch();
    stopAnswers();
    const stopFeatures = globals[FEATURES_STOP];
    if (typeof stopFeatures === 'function') (stopFeatures as () => void)();
  };
}
