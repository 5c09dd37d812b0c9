import type { PopupStart } from '../messaging';
import { effectiveSettings } from '../policy/effective';
import type { Policies } from '../policy/reader';
import type { Settings } from '../settings';
import type { AccountsService } from './accounts-service';
import { lookalikeWarning } from './lookalike-warning';
import type { VaultService } from './vault-service';

export interface PopupStartDeps {
  vault: Pick<VaultService, 'stateAndAccounts'>;
  accounts: Pick<AccountsService, 'firstScreenViews'>;
  /** The user's own settings, as stored. */
  settings: () => Promise<Settings>;
  policies: () => Promise<Policies>;
  /** `tabs:activeOrigin`'s origin. */
  activeOrigin: () => Promise<string | undefined>;
  /** The page `tabs:lookalike` judges (the page behind the unlock window when the popup is one). */
  pageOrigin: () => Promise<string | undefined>;
}

/**
 * Everything the popup's first screen shows, asked together: one message instead of six, and
 * the vault decrypted once for the state, the codes and the phishing check. The codes and the
 * verdict come from the same accounts, so a code is never shown before its page was judged. A
 * long list sends its first screen only (`partial`), in the order the popup shows it.
 */
export async function popupStart(deps: PopupStartDeps): Promise<PopupStart> {
  // Asked at once, awaited only once unlocked: a locked popup (a fresh install's welcome, the
  // unlock form) never waits for the managed area, which may take seconds on a fresh profile.
  const settings = deps.settings();
  const policies = deps.policies();
  void Promise.allSettled([settings, policies]);
  const [{ state, accounts }, origin, pageOrigin] = await Promise.all([
    deps.vault.stateAndAccounts(),
    deps.activeOrigin().catch(() => undefined),
    deps.pageOrigin().catch(() => undefined),
  ]);
  const start: PopupStart = { state, ...(origin ? { origin } : {}) };
  if (!accounts) return start;
  const [own, managed] = await Promise.all([settings, policies]);
  // Only what the first screen shows: the popup asks for the rest at idle time.
  const { views, complete } = await deps.accounts.firstScreenViews(
    accounts,
    effectiveSettings(own, managed).accountSort,
    origin,
  );
  return {
    ...start,
    accounts: views,
    ...(complete ? {} : { partial: true as const }),
    lookalike: lookalikeWarning(accounts, pageOrigin) ?? null,
    settings: own,
    policies: managed,
  };
}
