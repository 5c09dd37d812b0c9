import type { OfferedAccount, VaultState } from '../messaging';
import type { AccountView, OtpAccount, StoredAccount } from '../otp/account';
import { normaliseSecret } from '../otp/base32';
import { parseOtpauthUri } from '../otp/uri';
import { normalizeWebsite } from '../origins';
import { isTwofoldError, TwofoldError } from '../errors';
import type { VaultStore } from '../vault/store';
import { generateCode, periodEnd } from '../otp/codes';
import { findDuplicate, newStoredAccount, toView } from './accounts';
import type {
  AccountPatch,
  ImportCommit,
  ImportFailure,
  ImportPreview,
  SiteSummary,
} from '../protocol/manage';
import { displayName } from '../otp/names';
import { createBackup, FORMAT_NAMES, ImportError, importText, planImport } from '../transfer';
import type { SessionKey } from './session-key';

export interface VaultServiceDeps {
  store: VaultStore;
  sessionKey: SessionKey;
  now?: () => number;
  /** Called after every successful unlock or user action, to restart the idle timer. */
  onActivity?: () => void;
  /** A passphrase this vault does not know may open a synced vault (changed on another computer). */
  unlockFallback?: (passphrase: string) => Promise<Uint8Array<ArrayBuffer> | undefined>;
  /** Checked after the vault opened: sync refuses a passphrase replaced on another computer. */
  afterUnlock?: (dek: Uint8Array<ArrayBuffer>) => Promise<void>;
  /** After a passphrase change (sync re-wraps its key). */
  onPassphraseChanged?: (next: string, before: Uint8Array<ArrayBuffer>) => Promise<void>;
}

/**
 * Everything the background does with the vault. The only writer of the vault;
 * the only holder of secrets. Handlers call these and return views.
 */
export class VaultService {
  private readonly now: () => number;
  private readonly unlockListeners: (() => void)[] = [];

  constructor(private readonly deps: VaultServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  async state(): Promise<VaultState> {
    const [exists, dek, quarantined] = await Promise.all([
      this.deps.store.exists(),
      this.deps.sessionKey.get(),
      this.deps.store.quarantined(),
    ]);
    let readOnly = false;
    let unlocked = false;
    if (dek) {
      try {
        readOnly = (await this.deps.store.read(dek)).readOnly;
        unlocked = true;
      } catch {
        // A key that no longer opens the vault (replaced meanwhile) is worthless: drop it.
        await this.deps.sessionKey.clear();
      }
    }
    return { exists, unlocked, quarantined: quarantined.length, readOnly };
  }

  async create(passphrase: string): Promise<VaultState> {
    const dek = await this.deps.store.create(passphrase);
    await this.deps.sessionKey.set(dek);
    this.deps.onActivity?.();
    return this.state();
  }

  async unlock(passphrase: string): Promise<VaultState> {
    const dek = await this.deps.store.unlock(passphrase).catch(async (error: unknown) => {
      const synced = isTwofoldError(error, 'WRONG_PASSPHRASE')
        ? await this.deps.unlockFallback?.(passphrase)
        : undefined;
      if (!synced) throw error;
      return synced;
    });
    await this.deps.afterUnlock?.(dek);
    await this.deps.sessionKey.set(dek);
    this.deps.onActivity?.();
    this.unlockListeners.forEach((listener) => listener());
    return this.state();
  }

  /** Work that waited for the vault (a QR capture, a fill) resumes here. */
  onUnlock(listener: () => void): void {
    this.unlockListeners.push(listener);
  }

  async isUnlocked(): Promise<boolean> {
    return (await this.deps.sessionKey.get()) !== undefined;
  }

  /** How each captured account relates to what is saved for this origin. */
  async offerStatus(accounts: readonly OtpAccount[], origin: string): Promise<OfferedAccount[]> {
    const { payload } = await this.deps.store.read(await this.key());
    return accounts.map((otp) => ({
      issuer: otp.issuer,
      label: otp.label,
      status: statusOf(payload.accounts, otp, origin),
    }));
  }

  /**
   * Saves accounts captured on `origin`, bound to it. A duplicate is skipped; a
   * conflict (same names, new secret: the site re-enrolled) replaces the old one.
   */
  async saveCaptured(
    accounts: readonly OtpAccount[],
    origin: string,
  ): Promise<{
    saved: OfferedAccount[];
    ids: string[];
    /** The first account's current code. */ code?: string;
  }> {
    const saved: OfferedAccount[] = [];
    const ids: string[] = [];
    let code: string | undefined;
    await this.deps.store.update(await this.key(), (payload) => {
      let list = payload.accounts;
      for (const otp of accounts) {
        const status = statusOf(list, otp, origin);
        if (status === 'duplicate') {
          ids.push(findDuplicate(list, otp, origin)!.id);
          continue;
        }
        const added = newStoredAccount(otp, origin, this.now());
        if (status === 'conflict') {
          const old = list.find((a) => sameNames(a, otp) && a.origin === origin)!;
          list = list.map((a) =>
            a.id === old.id ? { ...added, id: old.id, createdAt: old.createdAt, pinned: old.pinned } : a,
          );
          ids.push(old.id);
        } else {
          list = [...list, added];
          ids.push(added.id);
        }
        saved.push({ issuer: otp.issuer, label: otp.label, status });
      }
      // Computed from what is being written: no second read of the vault.
      const first = list.find((a) => a.id === ids[0]);
      code = first ? generateCode(first, this.now()) : undefined;
      return { ...payload, accounts: list };
    });
    this.deps.onActivity?.();
    return { saved, ids, ...(code ? { code } : {}) };
  }

  /**
   * The code to fill for an account the caller just read for its origin. HOTP
   * uses the counter and moves it on, so the same code is never filled twice.
   */
  async fillCode(account: StoredAccount): Promise<{ code: string; expiresAt?: number } | undefined> {
    const { id } = account;
    const now = this.now();
    if (account.type === 'totp')
      return { code: generateCode(account, now), expiresAt: periodEnd(account, now) };
    let code: string | undefined;
    await this.deps.store.update(await this.key(), (payload) => ({
      ...payload,
      accounts: payload.accounts.map((a) => {
        if (a.id !== id) return a;
        code = generateCode(a, now);
        return { ...a, counter: a.counter + 1, updatedAt: now };
      }),
    }));
    return code === undefined ? undefined : { code };
  }

  async lock(): Promise<VaultState> {
    await this.deps.sessionKey.clear();
    return this.state();
  }

  async list(): Promise<AccountView[]> {
    const { payload } = await this.deps.store.read(await this.key());
    const now = this.now();
    return payload.accounts.map((a) => toView(a, now));
  }

  /** Accounts bound to exactly this origin (scheme + host + port). */
  async accountsForOrigin(origin: string): Promise<StoredAccount[]> {
    const { payload } = await this.deps.store.read(await this.key());
    return payload.accounts.filter((a) => a.origin === origin);
  }

  async addUri(uri: string, website: string | undefined): Promise<AccountView> {
    const origin = website?.trim() ? normalizeWebsite(website) : undefined;
    const otp = parseUriOrSecret(uri, origin);
    const dek = await this.key();
    let added: StoredAccount | undefined;
    await this.deps.store.update(dek, (payload) => {
      if (findDuplicate(payload.accounts, otp, origin)) {
        throw new Error('This account is already in Twofold.');
      }
      added = newStoredAccount(otp, origin, this.now());
      return { ...payload, accounts: [...payload.accounts, added] };
    });
    this.deps.onActivity?.();
    return toView(added!, this.now());
  }

  async remove(id: string): Promise<void> {
    await this.deps.store.update(await this.key(), (payload) => ({
      ...payload,
      accounts: payload.accounts.filter((a) => a.id !== id),
    }));
    this.deps.onActivity?.();
  }

  // ---- Account management, backup, import and export (issue 7; ManageProtocol). ----

  /** Rename or (un)pin one account; the secret and binding are untouched. */
  async updateAccount(id: string, patch: AccountPatch): Promise<AccountView> {
    let updated: StoredAccount | undefined;
    await this.deps.store.update(await this.key(), (payload) => ({
      ...payload,
      accounts: payload.accounts.map((a) => {
        if (a.id !== id) return a;
        updated = {
          ...a,
          ...(patch.issuer !== undefined ? { issuer: cleanField(patch.issuer) } : {}),
          ...(patch.label !== undefined ? { label: cleanField(patch.label) } : {}),
          ...(patch.pinned !== undefined ? { pinned: patch.pinned } : {}),
          updatedAt: this.now(),
        };
        return updated;
      }),
    }));
    if (!updated) throw new Error('This account is no longer in Twofold.');
    this.deps.onActivity?.();
    return toView(updated, this.now());
  }

  /** Stores the accounts in the order of `ids`; accounts not named keep their order, after. */
  async reorder(ids: readonly string[]): Promise<void> {
    await this.deps.store.update(await this.key(), (payload) => {
      const rank = new Map(ids.map((id, index) => [id, index]));
      const indexed = payload.accounts.map((a, index) => ({ a, key: rank.get(a.id) ?? ids.length + index }));
      indexed.sort((x, y) => x.key - y.key);
      return { ...payload, accounts: indexed.map(({ a }) => a) };
    });
    this.deps.onActivity?.();
  }

  /** HOTP: the shown code was used; the next one is counter + 1. */
  async nextHotp(id: string): Promise<AccountView> {
    let updated: StoredAccount | undefined;
    await this.deps.store.update(await this.key(), (payload) => ({
      ...payload,
      accounts: payload.accounts.map((a) => {
        if (a.id !== id || a.type !== 'hotp') return a;
        updated = { ...a, counter: a.counter + 1, updatedAt: this.now() };
        return updated;
      }),
    }));
    if (!updated) throw new Error('This account is not a counter-based (HOTP) account.');
    this.deps.onActivity?.();
    return toView(updated, this.now());
  }

  /** Origins accounts are bound to, most accounts first, then alphabetically. */
  async sites(): Promise<SiteSummary[]> {
    const { payload } = await this.deps.store.read(await this.key());
    const byOrigin = new Map<string, string[]>();
    for (const a of payload.accounts) {
      if (!a.origin) continue;
      byOrigin.set(a.origin, [...(byOrigin.get(a.origin) ?? []), displayName(a.issuer, a.label)]);
    }
    return [...byOrigin]
      .map(([origin, names]) => ({ origin, count: names.length, names }))
      .sort((x, y) => y.count - x.count || x.origin.localeCompare(y.origin));
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const before = await this.key();
    await this.deps.store.changePassphrase(before, current, next);
    await this.deps.onPassphraseChanged?.(next, before);
    this.deps.onActivity?.();
  }

  /** A Twofold encrypted backup (fresh salt, so a fresh key) of every account. */
  async exportBackup(passphrase: string): Promise<{ text: string; count: number }> {
    const { payload } = await this.deps.store.read(await this.key());
    const text = await createBackup(payload.accounts, passphrase, { now: this.now() });
    this.deps.onActivity?.();
    return { text, count: payload.accounts.length };
  }

  /** Every account with its secret, for the options page's explicit plain exports only. */
  async exportAccounts(): Promise<StoredAccount[]> {
    const { payload } = await this.deps.store.read(await this.key());
    this.deps.onActivity?.();
    return payload.accounts;
  }

  /** What importing `text` would do: names and statuses, never secrets. Nothing is written. */
  async importPreview(text: string, password?: string): Promise<ImportPreview> {
    try {
      const { payload } = await this.deps.store.read(await this.key());
      const result = await importText(text, password);
      const plan = planImport(payload.accounts, result.accounts);
      this.deps.onActivity?.();
      return {
        ok: true,
        format: result.format,
        formatName: FORMAT_NAMES[result.format],
        skipped: result.skipped,
        items: plan.map(({ account, status }, index) => ({
          index,
          issuer: account.issuer,
          label: account.label,
          type: account.type,
          digits: account.digits,
          period: account.period,
          algorithm: account.algorithm,
          status,
          ...(account.origin ? { origin: account.origin } : {}),
        })),
      };
    } catch (error) {
      return importFailure(error);
    }
  }

  /**
   * Parses `text` again and adds the chosen items (preview indexes) in one write. Duplicates
   * (also within the file) are never added; a conflict is added next to the existing account.
   * Only a Twofold backup carries bindings (origin), pins and creation dates.
   */
  async importCommit(
    text: string,
    password: string | undefined,
    select: readonly number[],
  ): Promise<ImportCommit> {
    try {
      const dek = await this.key();
      const result = await importText(text, password);
      const chosen = new Set(select);
      let added = 0;
      await this.deps.store.update(dek, (payload) => {
        const accounts = [...payload.accounts];
        result.accounts.forEach((incoming, index) => {
          if (!chosen.has(index)) return;
          const [item] = planImport(accounts, [incoming]);
          if (!item || item.status === 'duplicate') return;
          const otp: OtpAccount = {
            type: incoming.type,
            issuer: incoming.issuer,
            label: incoming.label,
            secret: incoming.secret,
            algorithm: incoming.algorithm,
            digits: incoming.digits,
            period: incoming.period,
            counter: incoming.counter,
          };
          const stored = newStoredAccount(otp, incoming.origin, this.now());
          accounts.push({
            ...stored,
            ...(incoming.pinned ? { pinned: true } : {}),
            ...(incoming.createdAt !== undefined ? { createdAt: incoming.createdAt } : {}),
          });
          added++;
        });
        return { ...payload, accounts };
      });
      this.deps.onActivity?.();
      return { ok: true, added };
    } catch (error) {
      return importFailure(error);
    }
  }

  private async key(): Promise<Uint8Array<ArrayBuffer>> {
    const dek = await this.deps.sessionKey.get();
    if (!dek) throw new TwofoldError('LOCKED');
    return dek;
  }
}

/** The add form takes an otpauth URI or a bare base32 secret (then TOTP, SHA1, 6 digits, 30 s). */
export function parseUriOrSecret(text: string, origin: string | undefined): OtpAccount {
  const trimmed = text.trim();
  if (/^otpauth(-migration)?:/i.test(trimmed) || trimmed.includes('://')) return parseOtpauthUri(trimmed);
  return {
    type: 'totp',
    issuer: origin ? new URL(origin).hostname : '',
    label: '',
    secret: normaliseSecret(trimmed),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  };
}

function sameNames(a: OtpAccount, b: OtpAccount): boolean {
  return a.issuer.toLowerCase() === b.issuer.toLowerCase() && a.label.toLowerCase() === b.label.toLowerCase();
}

function statusOf(
  accounts: readonly StoredAccount[],
  otp: OtpAccount,
  origin: string,
): OfferedAccount['status'] {
  if (findDuplicate(accounts, otp, origin)) return 'duplicate';
  return accounts.some((a) => a.origin === origin && sameNames(a, otp)) ? 'conflict' : 'new';
}

/** Names typed in the popup: one line, trimmed, bounded. */
function cleanField(value: string): string {
  return value
    .split('')
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' ? ' ' : ch))
    .join('')
    .trim()
    .slice(0, 200);
}

/** An import failure as the page shows it: the importer's own message, never a secret. */
function importFailure(error: unknown): ImportFailure {
  if (error instanceof ImportError) {
    return {
      ok: false,
      code: error.code,
      message: error.message,
      ...(error.format ? { format: error.format } : {}),
    };
  }
  if (isTwofoldError(error, 'LOCKED')) {
    return { ok: false, code: 'LOCKED', message: error.message };
  }
  throw error;
}
