/**
 * Strict-but-forgiving base32 (RFC 4648) for OTP secrets.
 *
 * Forgiving about presentation: any case, whitespace and hyphens (secrets are often shown in
 * groups like "JBSW Y3DP" or "JBSW-Y3DP"), and trailing `=` padding.
 * Strict about content: only A–Z and 2–7, no `=` in the middle, and a length that a real byte
 * string can have (a leftover of 1, 3 or 6 characters means a character is missing or extra).
 * The result is canonical: re-encoded from the bytes, so two spellings of one key compare equal.
 * Error messages never repeat the secret or any part of it.
 */
import { TwofoldError } from '../errors';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 16 bits. Real secrets are 80–160 bits; Proton's and Aegis's test data use 40-bit ones
 * ("MYSECRET"), so the floor only catches truncated or placeholder input, not weak keys. */
export const MIN_SECRET_BYTES = 2;

/** Lengths (mod 8) that no whole number of bytes encodes to. */
const IMPOSSIBLE_REMAINDERS = new Set([1, 3, 6]);

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff; // keep at most 12 bits: enough for one pending char
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET.charAt((buffer >> bits) & 31);
    }
  }
  if (bits > 0) out += ALPHABET.charAt((buffer << (5 - bits)) & 31);
  return out;
}

/** Decodes already-clean base32 (A–Z, 2–7, no padding); trailing partial bits are dropped,
 * as every authenticator does. Throws on any other character. */
export function base32Decode(clean: string): Uint8Array {
  const out = new Uint8Array(Math.floor((clean.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of clean) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new TwofoldError('SECRET_NOT_BASE32');
    buffer = ((buffer << 5) | value) & 0xfff; // at most 7 + 5 bits pending
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/** Turns what a user or a URI gave into key bytes, or throws a message fit for the user. */
export function secretToBytes(input: string): Uint8Array {
  const compact = input.replace(/[\s-]+/g, '').toUpperCase();
  const unpadded = compact.replace(/=+$/, '');
  if (unpadded === '') throw new TwofoldError('SECRET_EMPTY');
  if (!/^[A-Z2-7]+$/.test(unpadded)) {
    throw new TwofoldError('SECRET_NOT_BASE32');
  }
  if (IMPOSSIBLE_REMAINDERS.has(unpadded.length % 8)) {
    throw new TwofoldError('SECRET_BAD_LENGTH');
  }
  const bytes = base32Decode(unpadded);
  if (bytes.length < MIN_SECRET_BYTES) throw new TwofoldError('SECRET_TOO_SHORT');
  return bytes;
}

/** Canonical form stored in accounts: uppercase base32 without padding or separators. */
export function normaliseSecret(input: string): string {
  return base32Encode(secretToBytes(input));
}

/** RFC 4226 asks for at least 128 bits and recommends 160; below 80 a key is guessable offline. */
export const WEAK_SECRET_BITS = 80;

/** Size of a secret in bits (what the user is warned about below `WEAK_SECRET_BITS`). */
export function secretBits(input: string): number {
  return secretToBytes(input).length * 8;
}
