/**
 * The popup's start: everything its first screen shows, in one answer, so opening the popup costs
 * one round trip and one decryption of the vault.
 */
import type { AccountView } from '../otp';
import type { Policies } from '../policy/reader';
import type { Settings } from '../settings';
import type { PolicyOf } from './policy';
import type { LookalikeWarning } from './sites';
import type { VaultState } from './vault';

export interface PopupStart {
  /** As `vault:state` answers it (with what the organisation asks of the vault). */
  state: VaultState;
  /**
   * Unlocked only: as `accounts:list` answers it, or, when `partial`, the views of the popup's
   * first screen alone, in the order it shows them (`lib/order/first-screen.ts`).
   */
  accounts?: AccountView[];
  /** `accounts` is the first screen only: `accounts:list` gives them all. */
  partial?: true;
  /** The active tab's web origin, as `tabs:activeOrigin` answers it. */
  origin?: string;
  /** Unlocked only: `tabs:lookalike`'s verdict on the page the popup is about; null: none. */
  lookalike?: LookalikeWarning | null;
  /** Unlocked only: the user's own settings, as stored (the popup applies the policies to them). */
  settings?: Settings;
  /** Unlocked only: the organisation's policies ({} without any). */
  policies?: Policies;
}

export interface PopupProtocol {
  'popup:start'(): PopupStart;
}

export const POPUP_POLICY = {
  'popup:start': 'extension-page',
} as const satisfies PolicyOf<PopupProtocol>;
