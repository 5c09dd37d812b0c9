import type { VaultState } from '../messaging';
import type { AccountView, StoredAccount } from '../otp/account';
import type { OtpAccount } from '../otp/account';
import { normaliseSecret } from '../otp/base32';
import { parseOtpauthUri } from '../otp/uri';
import { normalizeWebsite } from '../origins';
import { VaultError } from '../vault/errors';
import type { VaultStore } from '../vault/store';
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
    return this.state();
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
