/**
 * Keys remembered by digest (`keyDigest`: 8 bytes of SHA-256, nothing to find a key from). A
 * tombstone lists the keys its delete saw as `<digest>` or `<digest>.<counter>` (the HOTP counter
 * when it is not 0). The digest's binary form is shared with the let-go keys (`let-go.ts`).
 */
import type { ByteReader, ByteWriter } from './bytes';
import { fromB64u, toB64u } from './bytes';

const DIGEST_BYTES = 8;

/** `digest` or `digest.counter` → [digest, counter]. */
export function parseKeyEntry(entry: string): [string, number] {
  const [digest = '', counter] = entry.split('.');
  return [digest, counter ? Number(counter) : 0];
}

export function keyEntry(digest: string, counter: number): string {
  return counter ? `${digest}.${counter}` : digest;
}

/** One entry per key, its highest counter, sorted: the same on every computer. */
export function joinKeyEntries(entries: readonly string[]): string[] {
  const byDigest = new Map<string, number>();
  for (const entry of entries) {
    const [digest, counter] = parseKeyEntry(entry);
    byDigest.set(digest, Math.max(counter, byDigest.get(digest) ?? 0));
  }
  return [...byDigest].map(([digest, counter]) => keyEntry(digest, counter)).sort();
}

export function writeDigest(out: ByteWriter, digest: string): ByteWriter {
  const bytes = fromB64u(digest);
  if (bytes.length !== DIGEST_BYTES) throw new Error('bad key digest');
  return out.raw(bytes);
}

export function readDigest(read: ByteReader): string {
  return toB64u(read.raw(DIGEST_BYTES));
}

/** An entry in the sync area's binary form: the digest's 8 bytes, then the counter (a varint). */
export function writeKeyEntry(out: ByteWriter, entry: string): void {
  const [digest, counter] = parseKeyEntry(entry);
  writeDigest(out, digest).varint(counter);
}

export function readKeyEntry(read: ByteReader): string {
  const digest = readDigest(read);
  return keyEntry(digest, read.varint());
}
