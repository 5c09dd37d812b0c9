/**
 * Recently deleted accounts: a delete moves the whole account (secret, counter, replaced keys,
 * site) into the vault's `deleted` list, where it stays restorable for as long as a replaced key
 * is (`UNDO_REPLACE_MS`, 30 days). Pure: the time is a parameter, the vault payload goes in and out.
 *
 * A restore gives the account a new id. With sync, the delete already travelled as a tombstone of
 * the old id, and a tombstone beats any later edit of its id; under a new id the restored account
 * is simply a new account on every computer, which its own tombstone can never remove.
 */
import type { DeletedAccount, DeletedAccountView, StoredAccount } from '../otp';
import type { ImportedDeletedAccount } from '../transfer/types';
import type { VaultPayload } from '../vault/store';
import { findDuplicate, newStoredAccount, UNDO_REPLACE_MS } from './accounts';

/** How long a deleted account stays restorable: as long as a replaced key's undo. */
export const DELETED_RETENTION_MS = UNDO_REPLACE_MS;

/** The payload's deleted accounts; a damaged list (not an array, entries without a date) reads as what is sound. */
export function deletedOf(payload: VaultPayload): DeletedAccount[] {
  const list: unknown = payload.deleted;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (d): d is DeletedAccount =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as DeletedAccount).id === 'string' &&
      typeof (d as DeletedAccount).secret === 'string' &&
      Number.isFinite((d as DeletedAccount).deletedAt),
  );
}

/**
 * What is still kept at `now`: entries deleted within the last 30 days, and not held again by a
 * live account (same key, same site: the account was restored, here or on another computer, or
 * added again). Newest first.
 */
export function keptDeleted(
  deleted: readonly DeletedAccount[],
  accounts: readonly StoredAccount[],
  now: number,
): DeletedAccount[] {
  return deleted
    .filter((d) => now - d.deletedAt < DELETED_RETENTION_MS)
    .filter((d) => !findDuplicate(accounts, d, d.origin))
    .sort((a, b) => b.deletedAt - a.deletedAt);
}

/** The payload with its deleted list purged at `now` (the field left out when empty). */
export function purgeDeleted(payload: VaultPayload, now: number): VaultPayload {
  const { deleted: _old, ...rest } = payload;
  const kept = keptDeleted(deletedOf(payload), payload.accounts, now);
  return kept.length ? { ...rest, deleted: kept } : rest;
}

/** Accounts `before` held that `after` does not are kept as deleted at `now` (with their place). */
export function keepRemoved(
  payload: VaultPayload,
  before: readonly StoredAccount[],
  after: StoredAccount[],
  now: number,
): VaultPayload {
  const stays = new Set(after.map((a) => a.id));
  const removed = before.flatMap((account, position) =>
    stays.has(account.id) ? [] : [{ ...account, deletedAt: now, position }],
  );
  return purgeDeleted({ ...payload, accounts: after, deleted: [...removed, ...deletedOf(payload)] }, now);
}

/** The payload without account `id`, kept as deleted at `now`; undefined when no account has that id. */
export function deleteAccount(payload: VaultPayload, id: string, now: number): VaultPayload | undefined {
  if (!payload.accounts.some((a) => a.id === id)) return undefined;
  return keepRemoved(
    payload,
    payload.accounts,
    payload.accounts.filter((a) => a.id !== id),
    now,
  );
}

/**
 * Deleted account `id` back in the list, at its old place, under a new id (see above); undefined
 * when it is no longer kept. The key, counter, replaced keys, site and pin come back as they were.
 */
export function restoreDeleted(
  payload: VaultPayload,
  id: string,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
): { payload: VaultPayload; account: StoredAccount } | undefined {
  const kept = keptDeleted(deletedOf(payload), payload.accounts, now);
  const entry = kept.find((d) => d.id === id);
  if (!entry) return undefined;
  const { deletedAt: _deletedAt, position, ...rest } = entry;
  const account: StoredAccount = { ...rest, id: newId(), updatedAt: now };
  const accounts = [...payload.accounts];
  accounts.splice(Math.min(position ?? accounts.length, accounts.length), 0, account);
  const deleted = kept.filter((d) => d !== entry);
  const { deleted: _old, ...others } = payload;
  return { payload: { ...others, accounts, ...(deleted.length ? { deleted } : {}) }, account };
}

/** The payload without deleted account `id` (deleted for good); undefined when it is not kept. */
export function forgetDeleted(payload: VaultPayload, id: string, now: number): VaultPayload | undefined {
  const kept = keptDeleted(deletedOf(payload), payload.accounts, now);
  if (!kept.some((d) => d.id === id)) return undefined;
  const { deleted: _old, ...others } = payload;
  const deleted = kept.filter((d) => d.id !== id);
  return { ...others, ...(deleted.length ? { deleted } : {}) };
}

/**
 * A backup's recently deleted accounts join this vault's (under new ids), unless this vault
 * already keeps or holds the same key for the same site. Entries past 30 days at `now` are left out.
 */
export function importDeleted(
  payload: VaultPayload,
  incoming: readonly ImportedDeletedAccount[],
  now: number,
  newId: () => string = () => crypto.randomUUID(),
): VaultPayload {
  const deleted = deletedOf(payload);
  for (const entry of incoming) {
    if (findDuplicate(deleted, entry, entry.origin)) continue;
    const {
      deletedAt,
      origin,
      pinned,
      createdAt,
      previousKeys,
      websiteHint: _hint,
      note: _note,
      ...otp
    } = entry;
    deleted.push({
      ...newStoredAccount(otp, origin, now, newId()),
      ...(pinned ? { pinned: true } : {}),
      ...(createdAt !== undefined ? { createdAt } : {}),
      ...(previousKeys ? { previousKeys } : {}),
      deletedAt,
    });
  }
  return purgeDeleted({ ...payload, deleted }, now);
}

/** What the settings page and the popup may see of a deleted account: names and dates, no secret. */
export function deletedView(d: DeletedAccount): DeletedAccountView {
  return {
    id: d.id,
    type: d.type,
    issuer: typeof d.issuer === 'string' ? d.issuer : '',
    label: typeof d.label === 'string' ? d.label : '',
    ...(d.origin ? { origin: d.origin } : {}),
    deletedAt: d.deletedAt,
    purgeAt: d.deletedAt + DELETED_RETENTION_MS,
  };
}
