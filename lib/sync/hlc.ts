/**
 * Hybrid logical clock: physical milliseconds plus a counter, so a version is always newer than
 * every version its device has seen even when clocks disagree; the device id breaks ties, so two
 * devices never produce equal versions and every device orders them the same way.
 */
import { fromB64u, toB64u } from './bytes';

export interface Hlc {
  /** Milliseconds since the Unix epoch (the largest seen, not necessarily this device's clock). */
  wall: number;
  count: number;
  /** 4 base64url characters (3 random bytes), fixed per device. */
  device: string;
}

const WALL_CHARS = 7; // 42 bits of milliseconds: until the year 2109
const DEVICE_CHARS = 4;
const MAX_WALL = 2 ** 42 - 1;
const MAX_COUNT = 0xffff;

export function newDeviceId(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  return toB64u(random(3));
}

/** A version for a change made now on `device`, after everything `last` has seen. */
export function tick(last: Hlc | undefined, device: string, physical: number): Hlc {
  const wall = Math.max(last?.wall ?? 0, Math.floor(physical));
  const count = last && wall === last.wall ? last.count + 1 : 0;
  return bounded({ wall, count, device });
}

/** The local clock after seeing `remote`: never behind anything received. */
export function observe(last: Hlc | undefined, remote: Hlc, device: string, physical: number): Hlc {
  const base = last && compareHlc(last, remote) >= 0 ? last : { ...remote, device };
  const wall = Math.max(base.wall, Math.floor(physical));
  return { wall, count: wall === base.wall ? base.count : 0, device };
}

function bounded(hlc: Hlc): Hlc {
  if (hlc.count > MAX_COUNT || hlc.wall > MAX_WALL) throw new Error('clock out of range');
  return hlc;
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a.wall - b.wall || a.count - b.count || (a.device < b.device ? -1 : a.device > b.device ? 1 : 0);
}

/** Fixed-width wall and device, then the counter only when it is not zero: 11 characters mostly. */
export function encodeHlc(hlc: Hlc): string {
  const wall = new Uint8Array(6);
  let rest = hlc.wall;
  for (let i = 5; i >= 0; i--) {
    wall[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  // 6 bytes are 8 characters whose first is always 'A' below 2^42: drop it.
  return toB64u(wall).slice(1) + hlc.device + (hlc.count ? hlc.count.toString(36) : '');
}

export function decodeHlc(text: string): Hlc {
  if (text.length < WALL_CHARS + DEVICE_CHARS || text.length > WALL_CHARS + DEVICE_CHARS + 4) {
    throw new Error('bad version');
  }
  const bytes = fromB64u(`A${text.slice(0, WALL_CHARS)}`);
  let wall = 0;
  for (const b of bytes) wall = wall * 256 + b;
  const device = text.slice(WALL_CHARS, WALL_CHARS + DEVICE_CHARS);
  fromB64u(device);
  const countText = text.slice(WALL_CHARS + DEVICE_CHARS);
  if (!/^[0-9a-z]*$/.test(countText) || countText.startsWith('0')) throw new Error('bad version');
  const count = countText ? parseInt(countText, 36) : 0;
  return bounded({ wall, count, device });
}
