import { sendMessage, type PopupStart, type VaultState } from '@/lib/messaging';

/**
 * The popup's first data, asked for before the first render in one message (`popup:start`):
 * opening the popup costs one round trip to the background. The state goes to the page; the
 * rest (codes, tab origin, phishing verdict, settings, policies) to the first account list.
 */
export interface PopupPrefetch {
  state: Promise<VaultState>;
  /** The start's answer, once: the first account list takes it; later ones ask themselves. */
  start: () => Promise<PopupStart | undefined> | undefined;
}

declare global {
  interface Window {
    /** The raw answer (`{ res }` or `{ err }`) to the `popup:start` popup-start.js sent. */
    twofoldPopupStart?: Promise<unknown>;
  }
}

/** The answer to the start message popup-start.js sent, taken once; undefined when it sent none. */
export function earlyStart(win: Pick<Window, 'twofoldPopupStart'> = window): Promise<PopupStart> | undefined {
  const sent = win.twofoldPopupStart;
  win.twofoldPopupStart = undefined;
  return sent?.then((raw) => {
    const reply = raw as { res?: PopupStart; err?: { message?: string } } | undefined;
    if (!reply?.res) throw new Error(reply?.err?.message ?? 'popup:start: no answer');
    return reply.res;
  });
}

export function prefetchPopup(
  send: typeof sendMessage = sendMessage,
  early: Promise<PopupStart> | undefined = earlyStart(),
): PopupPrefetch {
  const answer = early ?? send('popup:start');
  let once: Promise<PopupStart | undefined> | undefined = answer.catch(() => undefined);
  return {
    // Should the start fail, the state alone is asked again (the page must still say something).
    state: answer.then(
      (start) => start.state,
      () => send('vault:state'),
    ),
    start: () => {
      const taken = once;
      once = undefined;
      return taken;
    },
  };
}
