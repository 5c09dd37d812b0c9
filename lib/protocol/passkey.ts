/**
 * Passkey unlock (WebAuthn PRF). The ceremony runs in an extension page (popup, options):
 * `navigator.credentials` needs a document. The page turns the PRF output into the slot's
 * key-encryption key (HKDF, bound to vault id and credential id) and sends only that key,
 * as base64, in `passkey:add` or `passkey:unlock`; the data key never leaves the background.
 */
import type { PolicyOf } from './policy';
import type { VaultState } from './vault';

/** One passkey slot as pages see it: no key material. */
export interface PasskeyInfo {
  credentialId: string;
  name: string;
  createdAt: number;
}

/** What a page needs to ask the authenticator (all public). */
export interface PasskeyCeremony {
  vaultId: string;
  /** base64 PRF input, one per vault. */
  prfSalt: string;
  credentials: PasskeyInfo[];
}

export interface PasskeyProtocol {
  /** Locked or not: the credentials to offer for unlock (empty when none is set up). */
  'passkey:options'(): PasskeyCeremony;
  /** Unlocked: the passkeys set up, for Settings. */
  'passkey:list'(): PasskeyInfo[];
  /** Unlocked: add a slot for a credential the page just created (with PRF, UV required). */
  'passkey:add'(data: { credentialId: string; name: string; prfSalt: string; kek: string }): PasskeyInfo[];
  /** Unlocked: remove one slot from both stored copies. */
  'passkey:remove'(data: { credentialId: string }): PasskeyInfo[];
  /** Unlock with the key derived from the credential's PRF output. */
  'passkey:unlock'(data: { credentialId: string; kek: string }): VaultState;
}

export const PASSKEY_POLICY = {
  'passkey:options': 'extension-page',
  'passkey:list': 'extension-page',
  'passkey:add': 'extension-page',
  'passkey:remove': 'extension-page',
  'passkey:unlock': 'extension-page',
} as const satisfies PolicyOf<PasskeyProtocol>;
