/**
 * The one protocol map of Twofold: every message any context sends, joined from one file per
 * subject in lib/protocol/ (each with its messages and who may send them).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AccountsProtocol } from './protocol/accounts';
import type { AutofillProtocol } from './protocol/autofill';
import type { CaptureProtocol } from './protocol/capture';
import type { ClockProtocol } from './protocol/clock';
import type { ContentHelloProtocol, ContentProtocol } from './protocol/content';
import type { ManagedProtocol } from './protocol/managed';
import type { PasskeyProtocol } from './protocol/passkey';
import type { PopupProtocol } from './protocol/popup';
import type { ScanProtocol } from './protocol/scan';
import type { SitesProtocol } from './protocol/sites';
import type { SyncProtocol } from './protocol/sync';
import type { TransferProtocol } from './protocol/transfer';
import type { VaultProtocol } from './protocol/vault';

export type * from './protocol/accounts';
export type * from './protocol/autofill';
export type * from './protocol/capture';
export type * from './protocol/clock';
export type * from './protocol/content';
export type * from './protocol/managed';
export type * from './protocol/passkey';
export type * from './protocol/policy';
export type * from './protocol/popup';
export type * from './protocol/scan';
export type * from './protocol/sites';
export type * from './protocol/sync';
export type * from './protocol/transfer';
export type * from './protocol/vault';

/** Every message the background handles; lib/background/policy.ts says who may send each. */
export type BackgroundProtocol = VaultProtocol &
  AccountsProtocol &
  CaptureProtocol &
  AutofillProtocol &
  ScanProtocol &
  SitesProtocol &
  TransferProtocol &
  PasskeyProtocol &
  ClockProtocol &
  SyncProtocol &
  ContentHelloProtocol &
  ManagedProtocol &
  PopupProtocol;

/** The one protocol map: what the background handles and what content scripts handle. */
export type ProtocolMap = BackgroundProtocol & ContentProtocol;

export const messenger = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messenger;
