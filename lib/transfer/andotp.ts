/**
 * andOTP plain JSON backups (github.com/andOTP/andOTP, wiki "Backup formats"): a top-level array
 * of `{ secret, issuer, label, digits, type (TOTP/HOTP/STEAM/MOTP), algorithm, period, counter,
 * tags, ... }`. Secrets are padded base32. Old versions had no `issuer` and a label
 * "Issuer - Name", which is split here.
 */
import { buildAccount, nameOf } from './entry';
import type { ImportedAccount, ImportResult, SkippedEntry } from './types';
import { isObject, str } from './util';

export function isAndotp(json: unknown): json is unknown[] {
  return (
    Array.isArray(json) &&
    json.length > 0 &&
    json.every(
      (e) => isObject(e) && typeof e.secret === 'string' && typeof e.type === 'string' && 'label' in e,
    )
  );
}

export function importAndotp(entries: unknown[]): ImportResult {
  const accounts: ImportedAccount[] = [];
  const skipped: SkippedEntry[] = [];
  for (const entry of entries) {
    if (!isObject(entry)) continue;
    let issuer = str(entry.issuer);
    let label = str(entry.label);
    if (!('issuer' in entry)) {
      const dash = label.indexOf(' - ');
      if (dash > 0) [issuer, label] = [label.slice(0, dash).trim(), label.slice(dash + 3).trim()];
    }
    const outcome = buildAccount({
      type: entry.type,
      issuer,
      label,
      secret: entry.secret,
      algorithm: entry.algorithm,
      digits: entry.digits,
      period: entry.period,
      counter: entry.counter,
    });
    if ('account' in outcome) accounts.push(outcome.account);
    else skipped.push({ ...outcome.skipped, name: nameOf(issuer, label) });
  }
  return { format: 'andotp', accounts, skipped };
}
