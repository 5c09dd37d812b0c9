import type { AutofillReply } from '../messaging';
import { accountName, generateCode, periodEnd, type StoredAccount } from '../otp';
import type { Settings } from '../settings';
import { fillableForOrigin } from './accounts';
import { correctionBeforeFill, type ClockForCodes } from './clock-service';
import type { ContentSender } from './router';
import type { AutofillChoices } from './autofill-choices';
import { lookalikeWarning } from './lookalike-warning';
import type { VaultService } from './vault-service';

export interface AutofillDeps {
  vault: VaultService;
  settings: () => Promise<Settings>;
  /** The tab's top-level origin as the browser reports it (undefined when hidden from us). */
  tabOrigin: (tabId: number) => Promise<string | undefined>;
  /** Tells tabs that asked while locked that they may ask again. */
  notifyUnlocked: (tabIds: number[]) => void;
  now?: () => number;
  /** The chooser's answers, per username per site. */
  choices?: AutofillChoices;
  /** The site's clock: measured before a fill, and the ms codes for an origin are shifted by. */
  clock?: ClockForCodes;
  /** Remembers when an account's code was filled, for the popup's "Recently used" order. */
  usage?: { noteUsed(accountId: string): Promise<void> };
}

export interface CodeRequest {
  accountId?: string;
  userAction?: boolean;
  remember?: boolean;
  /** The page refused the code: the following period's (servers accept one period ahead). */
  next?: boolean;
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
  /** The last code submitted per account: filling it again would be a replay. */
  private readonly lastCode = new Map<string, string>();
  /** The code handed out per account and not yet submitted (offered again until it is). */
  private readonly pending = new Map<string, { origin: string; code: string; counter?: number }>();

  private readonly now: () => number;

  constructor(private readonly deps: AutofillDeps) {
    this.now = deps.now ?? Date.now;
    deps.vault.onUnlock(() => {
      const tabs = [...this.waitingForUnlock];
      this.waitingForUnlock.clear();
      if (tabs.length) deps.notifyUnlocked(tabs);
    });
  }

  /** A code given out another way (the enrolment fill) counts as used too. */
  noteCodeUsed(accountId: string, code: string): void {
    this.lastCode.set(accountId, code);
    this.noteFilled(accountId);
  }

  /**
   * The user copied this TOTP code: it is theirs now, so autofill waits for the next one rather
   * than offer it again (its "Recently used" time is the copy's own).
   */
  noteCodeCopied(accountId: string, code: string): void {
    this.lastCode.set(accountId, code);
  }

  /** In the background of the fill: a failed write must not cost the user the code. */
  private noteFilled(accountId: string): void {
    void this.deps.usage?.noteUsed(accountId).catch(() => undefined);
  }

  rememberUsername(from: ContentSender, username: string): void {
    const trimmed = username.trim().slice(0, 320);
    if (trimmed) this.usernames.set(from.tabId, { origin: from.origin, username: trimmed });
  }

  forgetTab(tabId: number): void {
    this.usernames.delete(tabId);
    this.waitingForUnlock.delete(tabId);
  }

  async code(from: ContentSender, request: CodeRequest = {}): Promise<AutofillReply> {
    const { accountId, userAction = false, remember = false, next = false } = request;
    // Independent reads, asked together: each is a round trip to the browser, on the fill's path.
    const [tabOrigin, exists, unlocked] = await Promise.all([
      this.deps.tabOrigin(from.tabId),
      this.deps.vault.exists(),
      this.deps.vault.isUnlocked(),
    ]);
    if (tabOrigin !== from.origin) return { status: 'none' };
    // No vault yet (a fresh install): no account to fill, nothing to unlock.
    if (!exists) return { status: 'none' };
    if (!unlocked) {
      this.waitingForUnlock.add(from.tabId);
      return { status: 'locked' };
    }
    const all = await this.deps.vault.accounts();
    const accounts = fillableForOrigin(all, from.origin);
    if (accounts.length === 0) {
      // A page imitating an enrolled site (the user enabled it, or the shortcut was pressed there):
      // the card says why nothing was filled, naming both hosts.
      const warning = lookalikeWarning(all, from.origin);
      if (warning)
        return { status: 'lookalike', pageHost: warning.pageHost, imitatedHost: warning.imitatedHost };
    }
    const username = this.usernameFor(from) ?? '';
    let account = accountId ? accounts.find((a) => a.id === accountId) : undefined;
    if (!accountId) {
      const chosen = accounts.length > 1 ? await this.deps.choices?.get(from.origin, username) : undefined;
      account = accounts.find((a) => a.id === chosen) ?? pickAccount(accounts, username || undefined);
    }
    if (!account) {
      if (accountId || accounts.length <= 1) return { status: 'none' };
      return {
        status: 'choose',
        choices: accounts.map((a) => ({ id: a.id, issuer: a.issuer, label: a.label || accountName(a) })),
      };
    }
    if (remember && accountId) await this.deps.choices?.set(from.origin, username, account.id);
    // An HOTP code is spent when shown to the page: only the user's own action may ask for one.
    if (account.type === 'hotp' && !userAction) return { status: 'action', accountId: account.id };
    // `next`: the page refused the code; the following period's (servers accept one period ahead).
    const ahead = next && account.type === 'totp' ? account.period * 1000 : 0;
    const [correction, { rememberDevice }] = await Promise.all([
      correctionBeforeFill(this.deps.clock, from.origin),
      this.deps.settings(),
    ]);
    const shifted = this.fillCode(account, correction + ahead);
    // The next period's code stays good until the end of the next period.
    const filled =
      shifted.expiresAt !== undefined && ahead
        ? { ...shifted, expiresAt: shifted.expiresAt + ahead }
        : shifted;
    if (this.lastCode.get(account.id) === filled.code && filled.expiresAt !== undefined) {
      return { status: 'wait', accountId: account.id, retryAt: filled.expiresAt };
    }
    this.pending.set(account.id, { origin: from.origin, code: filled.code, counter: filled.counter });
    this.noteFilled(account.id);
    const { counter: _counter, ...reply } = filled;
    const names = { issuer: account.issuer, label: account.label };
    return { status: 'code', accountId: account.id, origin: from.origin, ...reply, rememberDevice, ...names };
  }

  /**
   * The page submitted the code handed out for `accountId`: it is used now. Only a code handed out to
   * this origin counts, once: an HOTP counter moves at most once per code given.
   */
  async submitted(from: ContentSender, accountId: string): Promise<void> {
    const given = this.pending.get(accountId);
    if (!given || given.origin !== from.origin) return;
    this.pending.delete(accountId);
    if (given.counter !== undefined) await this.advanceCounter(accountId, given.counter);
    else this.lastCode.set(accountId, given.code);
  }

  /**
   * The code to fill for an account just read for its origin. HOTP gives the code of the current
   * counter and does not move it: `advanceCounter` does, once the page submitted the code.
   */
  private fillCode(
    account: StoredAccount,
    correctionMs: number,
  ): { code: string; expiresAt?: number; counter?: number } {
    const now = this.now();
    if (account.type === 'totp') {
      const at = now + correctionMs;
      // The code on the site's clock; its expiry on ours (the page counts down locally).
      return { code: generateCode(account, at), expiresAt: periodEnd(account, at) - correctionMs };
    }
    return { code: generateCode(account, now), counter: account.counter };
  }

  /** The HOTP code of `counter` was used: move on, unless the counter has moved already. */
  private async advanceCounter(id: string, counter: number): Promise<void> {
    await this.deps.vault.updateAccount(id, (a) =>
      a.type === 'hotp' && a.counter === counter
        ? { ...a, counter: a.counter + 1, updatedAt: this.now() }
        : undefined,
    );
  }

  private usernameFor(from: ContentSender): string | undefined {
    const hint = this.usernames.get(from.tabId);
    return hint?.origin === from.origin ? hint.username : undefined;
  }
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
