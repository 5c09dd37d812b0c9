/**
 * Byte helpers for every context: base64 (storage and messages hold JSON, so bytes travel as
 * base64), UTF-8, concatenation, random bytes. One encoder, one strict and one lenient decoder.
 */

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Strict standard base64; throws a plain Error on anything else. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Base64 as export data arrives after its journey: the URL-safe alphabet (`-`, `_`), missing or
 * extra `=` padding, line breaks, and `+` turned into a space by a form decoder or a copy-paste.
 * Anything else is refused (null) rather than guessed.
 */
export function decodeBase64Lenient(text: string): Uint8Array<ArrayBuffer> | null {
  const clean = text
    .replace(/ /g, '+')
    .replace(/[\t\r\n]/g, '')
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) return null;
  const padded = clean + '='.repeat((4 - (clean.length % 4)) % 4);
  return fromBase64(padded);
}

/** base64url without padding: 4 characters per 3 bytes, nothing JSON needs to escape. */
export function toB64u(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Strict base64url without padding; throws on any other character or an impossible length. */
export function fromB64u(text: string): Uint8Array<ArrayBuffer> {
  if (text.length % 4 === 1) throw new Error('bad base64url length');
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  return fromBase64(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
}

export const utf8 = {
  encode: (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text),
  decode: (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes),
};

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The same bytes; compared in constant time, as keys and key checks are. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
