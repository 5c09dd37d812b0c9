/**
 * Pure parts of `npm run release` and `npm run check:reproducible`: version checks, the changelog's
 * heading, SHA-256 sums, reading a zip and comparing two of them file by file.
 */
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** Browsers take dotted numbers only (no pre-release tags), so a release version is plain x.y.z. */
export function parseVersion(text: string): [number, number, number] {
  const match = SEMVER.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a release version (x.y.z, numbers only)`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** A release never goes back: the stores refuse a version lower than the published one. */
export function checkNewVersion(current: string, next: string): void {
  const a = parseVersion(current);
  const b = parseVersion(next);
  const order = b[0] - a[0] || b[1] - a[1] || b[2] - a[2];
  if (order < 0) throw new Error(`${next} is lower than the current version ${current}`);
}

/** package.json's text with its version replaced, everything else (order, indentation) kept. */
export function bumpPackageJson(text: string, version: string): string {
  parseVersion(version);
  const pattern = /^(\s*"version"\s*:\s*")[^"]*(")/m;
  if (!pattern.test(text)) throw new Error('package.json has no "version" field');
  return text.replace(pattern, `$1${version}$2`);
}

export const UNRELEASED = '## [Unreleased]';

/**
 * The changelog with its "Unreleased" section named after the release (Keep a Changelog:
 * `## [x.y.z] - YYYY-MM-DD`), and a new empty "Unreleased" heading above it. Releasing a version the
 * changelog already names is refused, as is a release with nothing under "Unreleased".
 */
export function releaseChangelog(
  text: string,
  version: string,
  date: string,
  unreleased: string = UNRELEASED,
): string {
  parseVersion(version);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`"${date}" is not a YYYY-MM-DD date`);
  if (text.includes(`## [${version}]`)) throw new Error(`the changelog already has a ${version} section`);
  const start = text.indexOf(unreleased);
  if (start < 0) throw new Error(`the changelog has no "${unreleased}" heading`);
  const after = start + unreleased.length;
  const next = text.indexOf('\n## ', after);
  const body = text.slice(after, next < 0 ? undefined : next);
  if (!/^\s*- /m.test(body)) throw new Error(`nothing is listed under "${unreleased}"`);
  return `${text.slice(0, start)}${unreleased}\n\n## [${version}] - ${date}${text.slice(after)}`;
}

/** One line per file, as `sha256sum` writes and `sha256sum -c` reads them. */
export function sha256Sums(files: { name: string; bytes: Uint8Array }[]): string {
  return files
    .map(({ name, bytes }) => `${createHash('sha256').update(bytes).digest('hex')}  ${name}\n`)
    .join('');
}

/**
 * The files of a zip, by name, read from its central directory. Only what zip writers use for
 * extensions: stored (0) and deflated (8) entries, no zip64, no encryption.
 */
export function readZip(zip: Uint8Array): Map<string, Buffer> {
  const data = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file (no end of central directory)');
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error('damaged zip central directory');
    const method = data.readUInt16LE(at + 10);
    const size = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + size);
    if (method === 0) files.set(name, Buffer.from(raw));
    else if (method === 8) files.set(name, inflateRawSync(raw));
    else throw new Error(`${name}: zip method ${method} is not supported`);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** Every difference between two sets of files, in words: missing, extra, or different bytes. */
export function compareFiles(expected: Map<string, Uint8Array>, actual: Map<string, Uint8Array>): string[] {
  const differences: string[] = [];
  const names = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  for (const name of names) {
    const a = expected.get(name);
    const b = actual.get(name);
    if (!b) differences.push(`${name}: missing from the rebuilt zip`);
    else if (!a) differences.push(`${name}: only in the rebuilt zip`);
    else if (!Buffer.from(a).equals(Buffer.from(b))) {
      const first = Buffer.from(a).findIndex((byte, i) => byte !== b[i]);
      const at = first < 0 ? Math.min(a.length, b.length) : first;
      differences.push(`${name}: ${a.length} bytes vs ${b.length} bytes, first difference at byte ${at}`);
    }
  }
  return differences;
}
