/**
 * Issuer and account-name handling shared by otpauth URIs and migration payloads.
 *
 * Key URI format: the label is `accountname` or `issuer ":" *spaces accountname`, and the colon
 * may arrive as `%3A`, so splitting happens after percent-decoding. Names are trimmed and put in
 * Unicode NFC so that the same name typed or encoded differently compares equal.
 *
 * Representability (what `joinLabel` writes and `splitLabel` reads back unchanged): any trimmed
 * NFC issuer and account name, including colons. An issuer is written both as the label prefix
 * and as `issuer=`, and the reader matches the prefix against the parameter before falling back
 * to the first colon; an account name with a colon but no issuer is written with an empty prefix
 * (":a:b"), which reads back as issuer "" and name "a:b".
 */
import { TwofoldError } from '../errors';
import { quote } from './params';

export function cleanName(value: string): string {
  return value.normalize('NFC').trim();
}

function sameIssuer(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Splits a decoded label into issuer and account name.
 * @param explicitIssuer the `issuer=` parameter (or the migration issuer field), cleaned; '' if none.
 * @param strict URIs refuse a prefix that disagrees with the parameter; migration payloads,
 *   which carry the issuer separately, keep such a name whole instead.
 */
export function splitLabel(
  rawLabel: string,
  explicitIssuer: string,
  strict: boolean,
): { issuer: string; label: string } {
  const label = cleanName(rawLabel);
  if (explicitIssuer !== '') {
    const head = label.slice(0, explicitIssuer.length + 1);
    if (head.length === explicitIssuer.length + 1 && sameIssuer(head, `${explicitIssuer}:`)) {
      return { issuer: explicitIssuer, label: cleanName(label.slice(head.length)) };
    }
  }
  const colon = label.indexOf(':');
  if (colon < 0) return { issuer: explicitIssuer, label };
  const prefix = cleanName(label.slice(0, colon));
  const rest = cleanName(label.slice(colon + 1));
  if (explicitIssuer === '' || prefix === '' || sameIssuer(prefix, explicitIssuer)) {
    // The parameter wins over the prefix when both exist: the spec calls it the preferred one.
    return { issuer: explicitIssuer || prefix, label: rest };
  }
  if (!strict) return { issuer: explicitIssuer, label };
  throw new TwofoldError('ISSUER_MISMATCH', [quote(prefix), quote(explicitIssuer)]);
}

/** The inverse of `splitLabel`, before percent-encoding (the caller encodes each part). */
export function labelParts(issuer: string, label: string): string[] {
  if (issuer !== '') return [issuer, label];
  return label.includes(':') ? ['', label] : [label];
}

/**
 * How every message and screen names an account: "M2Mmanager (jane.doe@example.com)". Never
 * with its secret; a dash, which needs no translation, when it has no name at all.
 */
export function accountName(account: { issuer: string; label: string }): string {
  if (account.issuer && account.label) return `${account.issuer} (${account.label})`;
  return account.issuer || account.label || '—';
}
