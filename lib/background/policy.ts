import type { BackgroundProtocol, PolicyOf } from '../messaging';
import { ACCOUNTS_POLICY } from '../protocol/accounts';
import { AUTOFILL_POLICY } from '../protocol/autofill';
import { CAPTURE_POLICY } from '../protocol/capture';
import { CLOCK_POLICY } from '../protocol/clock';
import { CONTENT_POLICY } from '../protocol/content';
import { MANAGED_POLICY } from '../protocol/managed';
import { PASSKEY_POLICY } from '../protocol/passkey';
import { POPUP_POLICY } from '../protocol/popup';
import { SCAN_POLICY } from '../protocol/scan';
import { SITES_POLICY } from '../protocol/sites';
import { SYNC_POLICY } from '../protocol/sync';
import { TRANSFER_POLICY } from '../protocol/transfer';
import { VAULT_POLICY } from '../protocol/vault';

/**
 * Who may send each background message, joined from the subjects' policies. Exhaustive by
 * type: a new message does not compile until it says who may send it. Secrets never go to
 * content scripts, so nothing here lets a content script read accounts.
 */
export const POLICY = {
  ...VAULT_POLICY,
  ...ACCOUNTS_POLICY,
  ...CAPTURE_POLICY,
  ...AUTOFILL_POLICY,
  ...SCAN_POLICY,
  ...SITES_POLICY,
  ...TRANSFER_POLICY,
  ...PASSKEY_POLICY,
  ...CLOCK_POLICY,
  ...SYNC_POLICY,
  ...CONTENT_POLICY,
  ...MANAGED_POLICY,
  ...POPUP_POLICY,
} as const satisfies PolicyOf<BackgroundProtocol>;
