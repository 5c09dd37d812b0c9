import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AccountView } from './otp/account';

/** Who may send a message; the background checks this against the browser's `sender`. */
export type SenderKind = 'extension-page' | 'content-script';

export interface VaultState {
  /** No vault has been created yet. */
  exists: boolean;
  unlocked: boolean;
  /** A stored copy failed to authenticate and was set aside (never deleted). */
  quarantined: number;
  /** The vault was written by a newer Twofold: open read-only. */
  readOnly: boolean;
}

export interface ContentHello {
  /** The origin the background saw in `sender` (never what the page claims). */
  origin: string;
  /** This origin is in the M2Mmanager preset or was enabled by the user. */
  enrolledSite: boolean;
}

/**
 * Messages the background handles. Who may send each one is declared in
 * lib/background/policy.ts, checked against the browser's `sender` before any handler runs.
 */
export interface BackgroundProtocol {
  // From content scripts.
  'content:hello'(): ContentHello;
  // From extension pages (popup, options).
  'vault:state'(): VaultState;
  'vault:create'(data: { passphrase: string }): VaultState;
  'vault:unlock'(data: { passphrase: string }): VaultState;
  'vault:lock'(): VaultState;
  'accounts:list'(): AccountView[];
  'accounts:addUri'(data: { uri: string; website?: string }): AccountView;
  'accounts:delete'(data: { id: string }): void;
}

/** Messages content scripts handle (sent by the background with tabs.sendMessage). */
export interface ContentProtocol {
  /** Is Twofold alive in this frame? Also proves the content -> background round trip. */
  'content:ping'(): { origin: string; hello: ContentHello };
}

/** The one protocol map of Twofold: every message any context sends. */
export type ProtocolMap = BackgroundProtocol & ContentProtocol;

export const messenger = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messenger;
