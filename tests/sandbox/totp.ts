import { Secret, TOTP } from 'otpauth';

/** What the platform puts in its QR code: SHA1, 6 digits, 30 s, issuer M2Mmanager. */
export const ISSUER = 'M2Mmanager';

function totpFor(email: string, secret: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: email,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  });
}

/** A fresh random 160-bit secret, base32 as authenticator apps expect. */
export function newSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function otpauthUri(email: string, secret: string): string {
  return totpFor(email, secret).toString();
}

export type TotpCheck = { ok: true; counter: number } | { ok: false; reason: 'invalid' | 'replayed' };

/**
 * One period of drift either way is accepted, as real servers do for clock skew; a period whose
 * code was accepted once is never accepted again for that user (replay protection).
 */
export function verifyTotp(
  email: string,
  secret: string,
  code: string,
  now: number,
  usedCounters: ReadonlySet<number>,
): TotpCheck {
  const totp = totpFor(email, secret);
  const delta = totp.validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return { ok: false, reason: 'invalid' };
  const counter = totp.counter({ timestamp: now }) + delta;
  if (usedCounters.has(counter)) return { ok: false, reason: 'replayed' };
  return { ok: true, counter };
}
