import { sendMessage, type VaultState } from '@/lib/messaging';
import type { AccountView } from '@/lib/otp';

/**
 * The popup's first data, asked for before the first render and in parallel:
 * opening the popup costs one round trip to the background, not three in a row.
 * Each promise is used once, by the first view that needs it.
 */
export interface PopupPrefetch {
  state: Promise<VaultState>;
  /** undefined when locked (the list is refused then). */
  accounts: () => Promise<AccountView[] | undefined> | undefined;
  origin: () => Promise<string | undefined> | undefined;
}

export function prefetchPopup(): PopupPrefetch {
  let accounts: Promise<AccountView[] | undefined> | undefined = sendMessage('accounts:list').catch(
    () => undefined,
  );
  let origin: Promise<string | undefined> | undefined = sendMessage('tabs:activeOrigin').then(
    (reply) => reply.origin,
    () => undefined,
  );
  return {
    state: sendMessage('vault:state'),
    accounts: () => {
      const once = accounts;
      accounts = undefined;
      return once;
    },
    origin: () => {
      const once = origin;
      origin = undefined;
      return once;
    },
  };
}
