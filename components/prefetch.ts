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

export function prefetchPopup(send: typeof sendMessage = sendMessage): PopupPrefetch {
  const answer = send('popup:start');
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
