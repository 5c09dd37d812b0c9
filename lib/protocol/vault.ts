import type { PolicyOf } from './policy';

export interface VaultState {
  /** No vault has been created yet. */
  exists: boolean;
  unlocked: boolean;
  /** A stored copy failed to authenticate and was set aside (never deleted). */
  quarantined: number;
  /** The vault was written by a newer Twofold: open read-only. */
  readOnly: boolean;
  /** Unlocked only: the vault is older than one already seen here (older copies restored). */
  rollback?: { seen: number; current: number };
  /**
   * Unlocked only: the organisation asks for a passphrase of at least this many characters
   * and the one just typed is shorter (said by the unlock's own answer; never stored).
   */
  passphraseMinLength?: number;
  /** Unlocked only: the organisation requires passkey unlock and this vault has no passkey yet. */
  passkeyRequired?: true;
}

/** Creating, unlocking and locking the vault, and its passphrase. */
export interface VaultProtocol {
  'vault:state'(): VaultState;
  'vault:create'(data: { passphrase: string }): VaultState;
  'vault:unlock'(data: { passphrase: string }): VaultState;
  'vault:lock'(): VaultState;
  'vault:changePassphrase'(data: { current: string; next: string }): void;
  /** Open Twofold's unlock window (the vault is locked and the user asked to save or fill on a page). */
  'vault:openUnlock'(): void;
  /** "Delete the set-aside copies": only done while both stored copies are healthy. */
  'vault:clearQuarantine'(): VaultState;
  /** "Keep this vault": the older vault becomes the reference; the rollback warning goes away. */
  'vault:acceptRollback'(): VaultState;
}

export const VAULT_POLICY = {
  'vault:state': 'extension-page',
  'vault:create': 'extension-page',
  'vault:unlock': 'extension-page',
  'vault:lock': 'extension-page',
  'vault:changePassphrase': 'extension-page',
  'vault:openUnlock': 'content-script',
  'vault:clearQuarantine': 'extension-page',
  'vault:acceptRollback': 'extension-page',
} as const satisfies PolicyOf<VaultProtocol>;
