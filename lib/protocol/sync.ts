/**
 * Messages of end-to-end encrypted sync through the browser's own sync (storage.sync).
 * Part of the one protocol map in lib/messaging.ts; extension pages only.
 */
import type { PolicyOf } from './policy';

/** What is wrong, if anything; the settings page says it in words with what to do. */
export type SyncProblem =
  /** The accounts no longer fit in the browser's sync space: nothing more is written there. */
  | 'full'
  /** One account is too large to sync (a very long name, issuer or site): nothing more is written. */
  | 'tooLarge'
  /** The passphrase (and key) changed on another computer: unlock with the new passphrase. */
  | 'keyChanged'
  /** The sync space holds another Twofold vault. */
  | 'otherVault'
  /** A newer Twofold wrote the sync space: nothing is read or written until this one is updated. */
  | 'newerVersion'
  /** The browser limits how often Twofold may write: it waits and retries by itself. */
  | 'quota'
  /** Anything else; retried by itself. */
  | 'failed';

export interface SyncStatusView {
  enabled: boolean;
  /** The browser's sync space already holds a synced vault (from another computer). */
  syncedVault: boolean;
  /** ms epoch of the last change this computer sent, and received. */
  lastSentAt?: number;
  lastReceivedAt?: number;
  /** Bytes used in the browser's sync space, of `limit`. */
  bytes: number;
  limit: number;
  /** Whole percent of the sync space used. */
  percent: number;
  /** Accounts in the synced vault. */
  accounts: number;
  problem?: SyncProblem;
  /** Records that were altered, swapped or replayed in the sync space and were ignored. */
  ignored: number;
  /**
   * Only from `sync:enable`: the passphrase opens this computer's vault but not the sync space's
   * header (forged, damaged, or another passphrase's): nothing changed; `replace` may take its place.
   */
  replaceOffered?: boolean;
}

export interface SyncProtocol {
  'sync:status'(): SyncStatusView;
  /**
   * Turn sync on. With no synced vault yet: this computer's passphrase (its vault becomes the
   * synced one). With a synced vault: that vault's passphrase; an empty computer uses it as is,
   * a computer with accounts merges them into it and unlocks with it from then on. `replace`:
   * this computer's vault replaces a header its passphrase does not open (see `replaceOffered`).
   */
  'sync:enable'(data: { passphrase: string; replace?: boolean }): SyncStatusView;
  /** Stop syncing this computer (its accounts stay; the synced vault stays for the others). */
  'sync:disable'(): SyncStatusView;
  /** The synced vault's passphrase changed on another computer: the new one, to keep syncing. */
  'sync:useNewPassphrase'(data: { passphrase: string }): SyncStatusView;
}

export const SYNC_POLICY = {
  'sync:status': 'extension-page',
  'sync:enable': 'extension-page',
  'sync:disable': 'extension-page',
  'sync:useNewPassphrase': 'extension-page',
} as const satisfies PolicyOf<SyncProtocol>;
