import { accountName } from '../account-name';
import type { AutofillReply } from '../messaging';
import type { StoredAccount } from '../otp/account';
import type { Settings } from '../settings';
import type { ContentSender } from './router';
import type { VaultService } from './vault-service';

export interface AutofillDeps {
  vault: VaultService;
  settings: () => Promise<Settings>;
  /** The tab's top-level origin as the browser reports it (undefined when hidden from us). */
  tabOrigin: (tabId: number) => Promise<string | undefined>;
  /** Tells tabs that asked while locked that they may ask again. */
  notifyUnlocked: (tabIds: number[]) => void;
  /** The site's clock: measured before a fill, and the ms codes for an origin are shifted by. */
  clock?: ClockForCodes;
}

export interface ClockForCodes {
  beforeFill(origin: string): Promise<void>;
  correction(origin: string): Promise<number>;
}

/**
 * Decides which code, if any, a content script gets. Everything is decided
 * from the browser's `sender`: the frame's origin must be the account's bound
 * origin AND the tab's top-level origin (no filling into a frame another site
 * embeds). Content scripts get codes only.
 */
export class AutofillService {
  private readonly usernames = new Map<number, { origin: string; username: string }>();
  private readonly waitingForUnlock = new Set<number>();
  /** The last code handed out per account: filling it again would be a replay. */
  private readonly lastCode = new Map<string, string>();

  constructor(private readonly deps: AutofillDeps) {
    deps.vault.onUnlock(() => {
      const tabs = [...this.waitingForUnlock];
      this.waitingForUnlock.clear();
      if (tabs.length) deps.notifyUnlocked(tabs);
    });
  }

  /** A code given out another way (the enrolment fill) counts as used too. */
  noteCodeUsed(accountId: string, code: string): void {
    this.lastCode.set(accountId, code);
  }

  rememberUsername(from: ContentSender, username: string): void {
    const trimmed = username.trim().slice(0, 320);
    if (trimmed) this.usernames.set(from.tabId, { origin: from.origin, username: trimmed });
  }

  forgetTab(tabId: number): void {
    this.usernames.delete(tabId);
    this.waitingForUnlock.delete(tabId);
  }

  /** `next`: the page refused the code; the following period's (servers accept one period ahead). */
  async code(from: ContentSender, accountId?: string, next = false): Promise<AutofillReply> {
    if ((await this.deps.tabOrigin(from.tabId)) !== from.origin) return { status: 'none' };
    if (!(await this.deps.vault.isUnlocked())) {
      this.waitingForUnlock.add(from.tabId);
      return { status: 'locked' };
    }
    const accounts = await this.deps.vault.accountsForOrigin(from.origin);
    const account = accountId
      ? accounts.find((a) => a.id === accountId)
      : (pickAccount(accounts, this.usernameFor(from)) ?? undefined);
    if (!account) {
      if (accountId || accounts.length <= 1) return { status: 'none' };
      return {
        status: 'choose',
        choices: accounts.map((a) => ({ id: a.id, issuer: a.issuer, label: a.label || accountName(a) })),
      };
    }
    const ahead = next && account.type === 'totp' ? account.period * 1000 : 0;
    const correction = await correctionBeforeFill(this.deps.clock, from.origin);
    const shifted = await this.deps.vault.fillCode(account, correction + ahead);
    // The next period's code stays good until the end of the next period.
    const filled =
      shifted?.expiresAt !== undefined && ahead
        ? { ...shifted, expiresAt: shifted.expiresAt + ahead }
        : shifted;
    if (!filled) return { status: 'none' };
    if (this.lastCode.get(account.id) === filled.code && filled.expiresAt !== undefined) {
      return { status: 'wait', accountId: account.id, retryAt: filled.expiresAt };
    }
    this.lastCode.set(account.id, filled.code);
    const { rememberDevice } = await this.deps.settings();
    return { status: 'code', accountId: account.id, ...filled, rememberDevice };
  }

  private usernameFor(from: ContentSender): string | undefined {
    const hint = this.usernames.get(from.tabId);
    return hint?.origin === from.origin ? hint.username : undefined;
  }
}

/** Measures the site's clock if due (never fails a fill), then the correction for its codes. */
export async function correctionBeforeFill(
  clock: ClockForCodes | undefined,
  origin: string,
): Promise<number> {
  if (!clock) return 0;
  await clock.beforeFill(origin).catch(() => undefined);
  return clock.correction(origin).catch(() => 0);
}

/**
 * One account for the site: it. Several: the one whose name matches the username
 * typed earlier in this tab; otherwise undefined (the page shows a chooser).
 */
export function pickAccount(
  accounts: readonly StoredAccount[],
  username: string | undefined,
): StoredAccount | undefined {
  if (accounts.length === 1) return accounts[0];
  if (!username) return undefined;
  const wanted = username.toLowerCase();
  const exact = accounts.filter((a) => a.label.toLowerCase() === wanted);
  if (exact.length === 1) return exact[0];
  // "jane" typed for the account "jane.doe@example.com", or the reverse.
  const local = (name: string) => name.toLowerCase().split('@')[0] ?? '';
  const partial = accounts.filter((a) => a.label && local(a.label) === local(wanted));
  return partial.length === 1 ? partial[0] : undefined;
}
