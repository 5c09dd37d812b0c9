/**
 * What each field of a stored account is to sync. Every field of `StoredAccount` is listed (the
 * `satisfies` below fails type checking when one is added without being placed here), so a new
 * field cannot silently stay on one computer: it must get a concern, a merge rule and a place in
 * the codec (the codec's property test then checks it round-trips).
 */
import type { PreviousKey, StoredAccount } from '../otp/account';

/**
 * The parts of an account that are versioned apart: a change of one never rolls back another.
 * `key` is the key material; the others are what the user names, pins, orders and binds.
 */
export const CONCERNS = ['key', 'names', 'pin', 'rank', 'site'] as const;
export type Concern = (typeof CONCERNS)[number];

export type FieldRole =
  | Concern
  /** Merged as the maximum when the secrets are equal (an HOTP code never comes back). */
  | 'counter'
  /** Merged as a union: newest first, bounded, each kept its 30 days. */
  | 'previous'
  /** Fixed when the account is added: the earliest is kept. */
  | 'created'
  /** The record's id. */
  | 'id'
  /** Kept on this computer only: not carried by sync. */
  | 'local';

export const FIELD_ROLES = {
  type: 'key',
  secret: 'key',
  algorithm: 'key',
  digits: 'key',
  period: 'key',
  encoder: 'key',
  counter: 'counter',
  issuer: 'names',
  label: 'names',
  pinned: 'pin',
  origin: 'site',
  previousKeys: 'previous',
  createdAt: 'created',
  id: 'id',
  updatedAt: 'local',
} as const satisfies Record<keyof StoredAccount, FieldRole>;

/** Fields sync does not carry (documented in docs/sync.md). */
export const LOCAL_ONLY_FIELDS = (Object.keys(FIELD_ROLES) as (keyof StoredAccount)[]).filter(
  (k) => FIELD_ROLES[k] === 'local',
);

/** The fields of one concern (rank lives beside the account, not in it). */
export function fieldsOf(concern: Concern): (keyof StoredAccount)[] {
  return (Object.keys(FIELD_ROLES) as (keyof StoredAccount)[]).filter((k) => FIELD_ROLES[k] === concern);
}

/**
 * The fields of a replaced key, all carried by sync (the `satisfies` fails type checking when one
 * is added to `PreviousKey` without being listed; the codec's property test then checks it
 * round-trips).
 */
export const PREVIOUS_KEY_FIELDS = {
  type: true,
  secret: true,
  algorithm: true,
  digits: true,
  period: true,
  counter: true,
  encoder: true,
  replacedAt: true,
} as const satisfies Record<keyof PreviousKey, true>;
