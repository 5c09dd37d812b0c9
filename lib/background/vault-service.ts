import type { OfferedAccount, VaultState } from '../messaging';
import type { AccountView, StoredAccount } from '../otp/account';
import type { OtpAccount } from '../otp/account';
import { normaliseSecret } from '../otp/base32';
import { parseOtpauthUri } from '../otp/uri';
import { normalizeWebsite } from '../origins';
import { VaultError } from '../vault/errors';
import type { VaultStore } from '../vault/store';
import { generateCode } from '../otp/codes';
import { findDuplicate, newStoredAccount, toView } from './accounts';
import type { SessionKey } from './session-key';

export interface VaultServiceDeps {
  store: VaultStore;
  sessionKey: SessionKey;
  now?: () => number;
  /** Called after every successful unlock or user action, to restart the idle timer. */
  onActivity?: () => void;
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
    const dek = await this.deps.store.unlock(passphrase);
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
  ): Promise<{ saved: OfferedAccount[]; ids: string[] }> {
    const saved: OfferedAccount[] = [];
    const ids: string[] = [];
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
      return { ...payload, accounts: list };
    });
    this.deps.onActivity?.();
    return { saved, ids };
  }

  /** The current code of one account, for autofill on its own origin. */
  async codeFor(id: string, origin: string): Promise<string | undefined> {
    const account = (await this.accountsForOrigin(origin)).find((a) => a.id === id);
    return account ? generateCode(account, this.now()) : undefined;
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

  private async key(): Promise<Uint8Array<ArrayBuffer>> {
    const dek = await this.deps.sessionKey.get();
    if (!dek) throw new VaultError('LOCKED');
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
