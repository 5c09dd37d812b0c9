/**
 * scrypt (RFC 7914), for Aegis's password slots. Its two PBKDF2-HMAC-SHA256 steps run in the
 * browser's WebCrypto; only ROMix (Salsa20/8) is written here. Replaces a WebAssembly build that
 * weighed 11 KB of the zip for one import format; an Aegis import (N=2^15, r=8) is one call.
 */

export interface ScryptParams {
  /** CPU/memory cost: a power of two above 1. */
  n: number;
  /** Block size. */
  r: number;
  /** Parallelism. */
  p: number;
  /** Bytes of output. */
  length: number;
}

export async function scrypt(
  password: Uint8Array<ArrayBuffer>,
  salt: Uint8Array<ArrayBuffer>,
  { n, r, p, length }: ScryptParams,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<Uint8Array<ArrayBuffer>> {
  if (
    !Number.isInteger(Math.log2(n)) ||
    n < 2 ||
    !Number.isInteger(r) ||
    r < 1 ||
    !Number.isInteger(p) ||
    p < 1
  ) {
    throw new RangeError('scrypt: N must be a power of two above 1, r and p positive integers');
  }
  const key = await subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
  const pbkdf2 = async (s: Uint8Array<ArrayBuffer>, bytes: number) =>
    new Uint8Array(
      await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: s, iterations: 1 }, key, bytes * 8),
    );
  const blockBytes = 128 * r;
  const blocks = await pbkdf2(salt, p * blockBytes);
  const words = 32 * r;
  const x = new Uint32Array(words);
  const scratch = new Uint32Array(words);
  const v = new Uint32Array(words * n);
  const view = new DataView(blocks.buffer);
  for (let i = 0; i < p; i++) {
    const offset = i * blockBytes;
    // scrypt reads its blocks as little-endian words, whatever the machine's order.
    for (let w = 0; w < words; w++) x[w] = view.getUint32(offset + 4 * w, true);
    romix(x, v, scratch, r, n);
    for (let w = 0; w < words; w++) view.setUint32(offset + 4 * w, x[w]!, true);
  }
  return pbkdf2(blocks, length);
}

/** ROMix in place on `x` (32·r words), with `v` (N·32·r words) and `scratch` (32·r words). */
function romix(x: Uint32Array, v: Uint32Array, scratch: Uint32Array, r: number, n: number): void {
  const words = 32 * r;
  for (let j = 0; j < n; j++) {
    v.set(x, j * words);
    blockMix(x, scratch, r);
  }
  for (let j = 0; j < n; j++) {
    // Integerify: the first word of the last 64-byte block, modulo N (a power of two).
    const k = x[(2 * r - 1) * 16]! & (n - 1);
    const base = k * words;
    for (let w = 0; w < words; w++) x[w]! ^= v[base + w]!;
    blockMix(x, scratch, r);
  }
}

const salsaState = new Uint32Array(16);

/** BlockMix with Salsa20/8, in place on `b` (2r blocks of 16 words); `y` is scratch. */
function blockMix(b: Uint32Array, y: Uint32Array, r: number): void {
  const state = salsaState;
  state.set(b.subarray((2 * r - 1) * 16, 2 * r * 16));
  for (let i = 0; i < 2 * r; i++) {
    for (let w = 0; w < 16; w++) state[w]! ^= b[i * 16 + w]!;
    salsa20_8(state);
    // Even blocks go to the first half of the output, odd ones to the second.
    y.set(state, ((i & 1) * r + (i >> 1)) * 16);
  }
  b.set(y);
}

/** The Salsa20/8 core, in place on 16 words. */
function salsa20_8(s: Uint32Array): void {
  let x0 = s[0]!,
    x1 = s[1]!,
    x2 = s[2]!,
    x3 = s[3]!,
    x4 = s[4]!,
    x5 = s[5]!,
    x6 = s[6]!,
    x7 = s[7]!;
  let x8 = s[8]!,
    x9 = s[9]!,
    x10 = s[10]!,
    x11 = s[11]!,
    x12 = s[12]!,
    x13 = s[13]!,
    x14 = s[14]!,
    x15 = s[15]!;
  const rotl = (a: number, b: number) => (a << b) | (a >>> (32 - b));
  for (let round = 0; round < 8; round += 2) {
    // Columns.
    x4 ^= rotl((x0 + x12) | 0, 7);
    x8 ^= rotl((x4 + x0) | 0, 9);
    x12 ^= rotl((x8 + x4) | 0, 13);
    x0 ^= rotl((x12 + x8) | 0, 18);
    x9 ^= rotl((x5 + x1) | 0, 7);
    x13 ^= rotl((x9 + x5) | 0, 9);
    x1 ^= rotl((x13 + x9) | 0, 13);
    x5 ^= rotl((x1 + x13) | 0, 18);
    x14 ^= rotl((x10 + x6) | 0, 7);
    x2 ^= rotl((x14 + x10) | 0, 9);
    x6 ^= rotl((x2 + x14) | 0, 13);
    x10 ^= rotl((x6 + x2) | 0, 18);
    x3 ^= rotl((x15 + x11) | 0, 7);
    x7 ^= rotl((x3 + x15) | 0, 9);
    x11 ^= rotl((x7 + x3) | 0, 13);
    x15 ^= rotl((x11 + x7) | 0, 18);
    // Rows.
    x1 ^= rotl((x0 + x3) | 0, 7);
    x2 ^= rotl((x1 + x0) | 0, 9);
    x3 ^= rotl((x2 + x1) | 0, 13);
    x0 ^= rotl((x3 + x2) | 0, 18);
    x6 ^= rotl((x5 + x4) | 0, 7);
    x7 ^= rotl((x6 + x5) | 0, 9);
    x4 ^= rotl((x7 + x6) | 0, 13);
    x5 ^= rotl((x4 + x7) | 0, 18);
    x11 ^= rotl((x10 + x9) | 0, 7);
    x8 ^= rotl((x11 + x10) | 0, 9);
    x9 ^= rotl((x8 + x11) | 0, 13);
    x10 ^= rotl((x9 + x8) | 0, 18);
    x12 ^= rotl((x15 + x14) | 0, 7);
    x13 ^= rotl((x12 + x15) | 0, 9);
    x14 ^= rotl((x13 + x12) | 0, 13);
    x15 ^= rotl((x14 + x13) | 0, 18);
  }
  s[0]! += x0;
  s[1]! += x1;
  s[2]! += x2;
  s[3]! += x3;
  s[4]! += x4;
  s[5]! += x5;
  s[6]! += x6;
  s[7]! += x7;
  s[8]! += x8;
  s[9]! += x9;
  s[10]! += x10;
  s[11]! += x11;
  s[12]! += x12;
  s[13]! += x13;
  s[14]! += x14;
  s[15]! += x15;
}
