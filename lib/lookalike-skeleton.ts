/**
 * What a host name looks like: its punycode labels decoded (RFC 3492) and reduced to Unicode's
 * confusable skeleton (UTS #39) over ASCII, so `xn--gthub-n4a` (gíthub), Cyrillic `gіthub` and
 * `g1thub` all read `glthub`-like strings that compare with the enrolled host's own skeleton.
 */
import { CONFUSABLE_GROUPS } from './lookalike-confusables';

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 22; // 0-9 → 26-35
  if (code >= 0x61 && code <= 0x7a) return code - 0x61; // a-z → 0-25
  if (code >= 0x41 && code <= 0x5a) return code - 0x41;
  return BASE;
}

/** Decodes one punycode label (without its `xn--`); undefined when it is not valid punycode. */
export function decodePunycode(input: string): string | undefined {
  const output: number[] = [];
  const lastDash = input.lastIndexOf('-');
  for (let j = 0; j < Math.max(lastDash, 0); j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return undefined;
    output.push(c);
  }
  let n = 128;
  let i = 0;
  let bias = 72;
  for (let at = lastDash > 0 ? lastDash + 1 : 0; at < input.length;) {
    const oldI = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (at >= input.length) return undefined;
      const d = digit(input.charCodeAt(at++));
      if (d >= BASE) return undefined;
      i += d * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (d < t) break;
      w *= BASE - t;
      if (i > 0x7fffffff || w > 0x7fffffff) return undefined;
    }
    bias = adapt(i - oldI, output.length + 1, oldI === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n > 0x10ffff) return undefined;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

/** A host as people read it: each `xn--` label decoded (left as it is when it does not decode). */
export function unicodeHost(asciiHost: string): string {
  return asciiHost
    .split('.')
    .map((label) => (label.startsWith('xn--') ? (decodePunycode(label.slice(4)) ?? label) : label))
    .join('.');
}

const MARKS = /\p{M}/gu;

let table: Map<string, string> | undefined;
function confusables(): Map<string, string> {
  if (!table) {
    table = new Map();
    for (const line of CONFUSABLE_GROUPS.split('\n')) {
      const [prototype, sources] = line.split('\t');
      if (!prototype || !sources) continue;
      for (const source of sources) table.set(source, prototype);
    }
  }
  return table;
}

/**
 * The confusable skeleton of a (decoded) host or label: accents dropped, every character replaced by
 * its ASCII prototype (`m` itself reads `rn`, as in UTS #39, so `rnicrosoft` meets `microsoft`),
 * lowercase. Characters with no ASCII prototype stay as they are, so they never match.
 */
export function skeleton(text: string): string {
  const map = confusables();
  let out = '';
  for (const char of text.normalize('NFD').replace(MARKS, '').toLowerCase()) out += map.get(char) ?? char;
  return out;
}
