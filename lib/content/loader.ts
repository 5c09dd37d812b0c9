/**
 * What runs at every page load of an enrolled or enabled site: it answers pings, watches cheaply for
 * a code field or a QR candidate, and only then has the background inject capture and autofill into
 * this frame. Nothing here reads or fills anything.
 */
import { answer, request, type LoaderRuntime } from './loader-runtime';
import { watchForWork } from './loader-watch';
import { answerPing } from './ping';
import { mayTakeCode } from '../autofill/prefilter';

export interface LoaderDeps {
  doc: Document;
  win: Window;
  runtime: LoaderRuntime;
}

/** Starts the loader in a frame; returns a function that stops it. */
export function startLoader({ doc, win, runtime }: LoaderDeps): () => void {
  let loading: Promise<boolean> | undefined;
  const load = (): Promise<boolean> => {
    // One request per frame; a failed one (the frame navigated, Twofold was updated) may be asked again.
    loading ??= request(runtime, 'content:load').catch(() => {
      loading = undefined;
      return false;
    });
    return loading;
  };
  // The watch stops itself once it has found something (it may, at once, while starting).
  const stopWatch = watchForWork(doc, win, () => void load());
  const stopAnswers = answer(runtime, {
    'content:ping': answerPing(runtime, win.location),
    'content:wake': ({ focused }) => {
      // Asked of every frame for a fill on the user's shortcut: only the one whose input has focus loads.
      if (focused && !(doc.hasFocus() && doc.activeElement && mayTakeCode(doc.activeElement)))
        return undefined;
      stopWatch();
      return load();
    },
  });
  return () => {
    stopWatch();
    stopAnswers();
  };
}
