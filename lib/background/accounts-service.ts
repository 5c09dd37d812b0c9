import { TwofoldError } from '../errors';
import type { AccountPatch, LookalikeWarning, SiteSummary } from '../messaging';
import type { AccountView, DeletedAccountView, StoredAccount } from '../otp';
import { normalizeWebsite } from '../origins';
import { firstScreen } from '../order/first-screen';
import type { AccountSort } from '../settings';
import { websiteOrigin } from '../website/website';
import {
  accountsForOrigin,
  cleanField,
  findDuplicate,
  newStoredAccount,
  orderKeys,
  parseUriOrSecret,
  reorderAccounts,
  restorePreviousKey,
  siteSummaries,
  toView,
} from './accounts';
import type { AccountUsage } from './account-usage';
import { lookalikeWarning } from './lookalike-warning';
import {
  deletedOf,
  deletedView,
  deleteAccount,
  forgetDeleted,
  keptDeleted,
  restoreDeleted,
} from './deleted-accounts';
import type { VaultService } from './vault-service';

/** The popup's account list: add, rename, pin, reorder, delete, and HOTP's next code. */
export class AccountsService {
  private readonly now: () => number;

  constructor(
    private readonly vault: VaultService,
    now?: () => number,
    /** ms to add to this computer's clock for the codes of an origin (its measured skew). */
    private readonly corrections: () => Promise<(origin: string | undefined) => number> = () =>
      Promise.resolve(() => 0),
    /** When each code was last copied or filled (outside the vault); none: never recorded. */
    private readonly usage?: AccountUsage,
    /** The user copied this TOTP code from the popup: it is handed out, as a fill read back is. */
    private readonly onCodeCopied?: (accountId: string, code: string) => void,
  ) {
    this.now = now ?? Date.now;
  }

  /** Every account's view, its code on its site's clock. */
  async list(): Promise<AccountView[]> {
    return this.views(await this.vault.accounts());
  }

  /** The views of these accounts (already decrypted), as `list` gives them. */
  async views(accounts: readonly StoredAccount[]): Promise<AccountView[]> {
    const { view } = await this.viewer();
    return accounts.map(view);
  }

  /**
   * The views of the popup's first screen, in the order it shows them (`firstScreen`): only those
   * codes are computed and sent. All the views, as `views` gives them, when they fit (`complete`).
   */
  async firstScreenViews(
    accounts: readonly StoredAccount[],
    sort: AccountSort,
    activeOrigin: string | undefined,
  ): Promise<{ views: AccountView[]; complete: boolean }> {
    const { view, used } = await this.viewer();
    const keys = accounts.map((account) => ({ ...orderKeys(account), account }));
    const first = firstScreen(keys, sort, activeOrigin, used);
    return first
      ? { views: first.map((key) => view(key.account)), complete: false }
      : { views: accounts.map(view), complete: true };
  }

  /** Makes views at one instant, each code on its site's clock, with its last use. */
  private async viewer(): Promise<{ view: (a: StoredAccount) => AccountView; used: Record<string, number> }> {
    const [correction, used] = await Promise.all([
      this.corrections(),
      this.usage?.all() ?? Promise.resolve<Record<string, number>>({}),
    ]);
    const now = this.now();
    const view = (a: StoredAccount): AccountView => {
      const made = toView(a, now, correction(a.origin));
      const lastUsedAt = used[a.id];
      return lastUsedAt === undefined ? made : { ...made, lastUsedAt };
    };
    return { view, used };
  }

  /**
   * The popup copied this account's code: remembered for "Recently used", outside the vault. A
   * TOTP code copied counts as used for autofill (a server refuses it a second time), recomputed
   * here as the popup showed it, so the message carries no code. An HOTP copy moves nothing: its
   * counter moves with the popup's "Next code" or a submitted fill.
   */
  async used(id: string): Promise<void> {
    const account = (await this.vault.accounts()).find((a) => a.id === id);
    if (!account) throw new TwofoldError('ACCOUNT_GONE');
    if (account.type === 'totp' && this.onCodeCopied) {
      const { code } = toView(account, this.now(), (await this.corrections())(account.origin));
      if (code !== undefined) this.onCodeCopied(id, code);
    }
    await this.usage?.noteUsed(id);
  }

  /** Accounts bound to exactly this origin (scheme + host + port). */
  async forOrigin(origin: string): Promise<StoredAccount[]> {
    return accountsForOrigin(await this.vault.accounts(), origin);
  }

  /** The page imitates an enrolled origin: say which (nothing while locked: the origins are sealed). */
  async lookalike(pageOrigin: string | undefined): Promise<{ warning?: LookalikeWarning }> {
    if (!pageOrigin || !(await this.vault.isUnlocked())) return {};
    const warning = lookalikeWarning(await this.vault.accounts(), pageOrigin);
    return warning ? { warning } : {};
  }

  async sites(): Promise<SiteSummary[]> {
    return siteSummaries(await this.vault.accounts());
  }

  /** An otpauth URI or a bare secret, optionally bound to a website; never twice. */
  async add(uri: string, website: string | undefined): Promise<AccountView> {
    const origin = website?.trim() ? normalizeWebsite(website) : undefined;
    const otp = parseUriOrSecret(uri, origin);
    const added = newStoredAccount(otp, origin, this.now());
    await this.vault.update((accounts) => {
      if (findDuplicate(accounts, otp, origin)) throw new TwofoldError('ACCOUNT_EXISTS');
      return [...accounts, added];
    });
    return toView(added, this.now());
  }

  /** Deletes one account: it is kept, whole, with the recently deleted ones for 30 days. */
  async remove(id: string): Promise<void> {
    await this.vault.updatePayload((payload) => deleteAccount(payload, id, this.now()) ?? payload);
    await this.usage?.forget(id);
  }

  /** The recently deleted accounts, newest first: names and dates, never a secret. */
  async listDeleted(): Promise<DeletedAccountView[]> {
    const payload = await this.vault.payload();
    return keptDeleted(deletedOf(payload), payload.accounts, this.now()).map(deletedView);
  }

  /** A recently deleted account back in the list (under a new id, so sync never deletes it again). */
  async restoreDeleted(id: string): Promise<AccountView> {
    let restored: StoredAccount | undefined;
    await this.vault.updatePayload((payload) => {
      const outcome = restoreDeleted(payload, id, this.now());
      restored = outcome?.account;
      return outcome?.payload ?? payload;
    });
    if (!restored) throw new TwofoldError('DELETED_GONE');
    return toView(restored, this.now());
  }

  /** A recently deleted account gone for good: its secret leaves the vault. */
  async forgetDeleted(id: string): Promise<void> {
    let found = false;
    await this.vault.updatePayload((payload) => {
      const next = forgetDeleted(payload, id, this.now());
      found = next !== undefined;
      return next ?? payload;
    });
    if (!found) throw new TwofoldError('DELETED_GONE');
  }

  /** Rename or (un)pin one account; the secret and binding are untouched. */
  async update(id: string, patch: AccountPatch): Promise<AccountView> {
    const updated = await this.vault.updateAccount(id, (a) => ({
      ...a,
      ...(patch.issuer !== undefined ? { issuer: cleanField(patch.issuer) } : {}),
      ...(patch.label !== undefined ? { label: cleanField(patch.label) } : {}),
      ...(patch.pinned !== undefined ? { pinned: patch.pinned } : {}),
      updatedAt: this.now(),
    }));
    if (!updated) throw new TwofoldError('ACCOUNT_GONE');
    return toView(updated, this.now());
  }

  async reorder(ids: readonly string[]): Promise<void> {
    await this.vault.update((accounts) => reorderAccounts(accounts, ids));
  }

  /** Bind one account to the website typed (an empty one unbinds it): where autofill may fill its codes. */
  async setWebsite(id: string, website: string): Promise<AccountView> {
    const origin = websiteOrigin(website);
    const updated = await this.vault.updateAccount(id, (a) => {
      const { origin: _old, ...rest } = a;
      return { ...rest, ...(origin ? { origin } : {}), updatedAt: this.now() };
    });
    if (!updated) throw new TwofoldError('ACCOUNT_NOT_FOUND');
    return toView(updated, this.now());
  }

  /** Undo the last key replacement of an account (the popup offers it for 30 days). */
  async restoreKey(id: string): Promise<AccountView> {
    const restored = await this.vault.updateAccount(id, (a) => restorePreviousKey(a, this.now()));
    if (!restored) throw new TwofoldError('NO_PREVIOUS_KEY');
    return toView(restored, this.now());
  }

  /** HOTP: the shown code was used; the next one is counter + 1. */
  async nextHotp(id: string): Promise<AccountView> {
    const updated = await this.vault.updateAccount(id, (a) =>
      a.type === 'hotp' ? { ...a, counter: a.counter + 1, updatedAt: this.now() } : undefined,
    );
    if (!updated) throw new TwofoldError('NOT_HOTP');
    return toView(updated, this.now());
  }
}
