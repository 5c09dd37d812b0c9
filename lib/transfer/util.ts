/** Small, total helpers for reading untrusted JSON and bytes: they return undefined, never throw. */
import { decodeBase64Lenient } from '../bytes';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Bounds the work done on a pasted or dropped file (real exports are well under 1 MB). */
export const MAX_IMPORT_CHARS = 8 * 1024 * 1024;

export function parseJson(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field, trimmed; '' when absent or not a string. */
export function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

export function hexToBytes(hex: unknown): Uint8Array<ArrayBuffer> | undefined {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Standard or URL-safe base64, with or without padding; JSON's escaped `\/` is already `/`. */
export function base64ToBytes(text: unknown): Uint8Array<ArrayBuffer> | undefined {
  if (typeof text !== 'string') return undefined;
  const bytes = decodeBase64Lenient(text.trim());
  return bytes === null ? undefined : new Uint8Array(bytes);
}

/** AES-256-GCM open with a raw key; undefined when it does not authenticate. */
export async function gcmOpen(
  rawKey: Uint8Array<ArrayBuffer>,
  iv: Uint8Array<ArrayBuffer>,
  ciphertextAndTag: Uint8Array<ArrayBuffer>,
  aad?: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (rawKey.length !== 32 || iv.length === 0 || ciphertextAndTag.length < 16) return undefined;
  try {
    const key = await crypto.subtle.importKey('raw', rawKey, 'AES-GCM', false, ['decrypt']);
    const params: AesGcmParams = aad ? { name: 'AES-GCM', iv, additionalData: aad } : { name: 'AES-GCM', iv };
    return new Uint8Array(await crypto.subtle.decrypt(params, key, ciphertextAndTag));
  } catch {
    return undefined;
  }
}

export async function pbkdf2(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  hash: 'SHA-1' | 'SHA-256',
  bytes = 32,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = await crypto.subtle.importKey('raw', utf8Encode(password), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash, salt, iterations }, key, bytes * 8),
  );
}

export function utf8Encode(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

/** Strict UTF-8 (a wrong key that slipped through would give garbage, not text). */
export function utf8Decode(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
