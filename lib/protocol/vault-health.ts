/**
 * The user's answers to what the popup says about the vault itself after an unlock:
 * damaged copies set aside, and a vault older than one already seen (a rollback).
 */
import type { SenderKind, VaultState } from '../messaging';

export interface VaultHealthProtocol {
  /** "Delete the set-aside copies": only done while both stored copies are healthy. */
  'vault:clearQuarantine'(): VaultState;
  /** "Keep this vault": the older vault becomes the reference; the warning goes away. */
  'vault:acceptRollback'(): VaultState;
}

export const VAULT_HEALTH_POLICY = {
  'vault:clearQuarantine': 'extension-page',
  'vault:acceptRollback': 'extension-page',
} as const satisfies { readonly [K in keyof VaultHealthProtocol]: SenderKind };
