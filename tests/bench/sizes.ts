/**
 * Sizes of the production build for Chromium: the zip `npm run zip` makes, and each bundle in
 * .output/chrome-mv3/ (raw and gzip -9), with a check of which heavy libraries each bundle carries,
 * so that code no entrypoint uses shows up (e.g. Argon2id in a content script).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FEATURES_FILE, LOADER_FILE } from '../../lib/content-files';
import { CONTENT_SCRIPT_TARGET } from '../../scripts/size-budget';
import { judge, single, type Figure } from './figures';

export const PROD_DIR = resolve('.output/chrome-mv3');

export interface BundleSize {
  file: string;
  bytes: number;
  gzip: number;
  /** Heavy libraries recognised in it (heuristic signatures). */
  contains: string[];
  /** Libraries found where no entrypoint of that bundle needs them. */
  unexpected: string[];
}

/** Signatures of the libraries that dominate the size. */
const LIBRARIES: { name: string; test: (code: string) => boolean; allowed: RegExp }[] = [
  {
    // jsQR decodes Kanji-mode segments; nothing else in Twofold says "Kanji".
    name: 'jsQR',
    test: (code) => code.includes('Kanji'),
    // Every entrypoint decodes QR codes: the background (screenshot crops), the enrolled-site content
    // script and the scanner (page pixels), the options page (Google Authenticator export images).
    allowed: /./,
  },
  {
    // hash-wasm ships its WebAssembly inline as base64 ("\0asm" = AGFzbQ).
    name: 'hash-wasm (Argon2id)',
    test: (code) => code.includes('AGFzbQ'),
    // The background (the vault) and chunks it or the options page share (encrypted backups).
    // Never a content script.
    allowed: /^(background\.js|chunks\/.*)$/,
  },
  {
    // Preact's hooks state slot.
    name: 'Preact',
    test: (code) => /\.__H\b/.test(code),
    // The popup and options pages (through shared chunks); never the background or a content script.
    allowed: /^(chunks\/.*|popup.*|options.*)$/,
  },
];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function zipPath(): string | undefined {
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  const path = resolve(`.output/twofold-${version}-chrome.zip`);
  return existsSync(path) ? path : undefined;
}

export function bundleSizes(dir = PROD_DIR): BundleSize[] {
  return walk(dir)
    .filter((path) => /\.(js|css|html|wasm)$/.test(path))
    .map((path) => {
      const file = relative(dir, path).split('\\').join('/');
      const bytes = readFileSync(path);
      const code = bytes.toString('utf8');
      const contains = path.endsWith('.js') ? LIBRARIES.filter((l) => l.test(code)) : [];
      return {
        file,
        bytes: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        contains: contains.map((l) => l.name),
        unexpected: contains.filter((l) => !l.allowed.test(file)).map((l) => l.name),
      };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

export function sizeFigures(): { figures: Figure[]; bundles: BundleSize[] } {
  const figures: Figure[] = [];
  const zip = zipPath();
  const zipBase = {
    id: 'size-zip',
    group: 'Size',
    name: 'Chromium production zip (npm run zip)',
    unit: 'bytes' as const,
    target: { on: 'median' as const, op: '<' as const, value: 250_000, text: '< 250 KB', issue: 8 },
  };
  if (zip) {
    const bundles = existsSync(PROD_DIR) ? bundleSizes() : [];
    const largest = bundles
      .slice(0, 4)
      .map((b) => `${b.file} ${(b.gzip / 1000).toFixed(1)} KB`)
      .join(', ');
    const jsqr = bundles.filter((b) => b.contains.includes('jsQR')).map((b) => b.file);
    figures.push(
      judge({
        ...zipBase,
        stats: single(statSync(zip).size),
        notes: `${relative('.', zip)}. Largest bundles compressed (gzip -9): ${largest}. jsQR is bundled ${jsqr.length}× (${jsqr.join(', ')}); hash-wasm's Argon2id WebAssembly is inline base64 in the background.`,
      }),
    );
  } else {
    figures.push({ ...zipBase, unavailable: 'no zip in .output/ (npm run zip failed?)' });
  }
  if (!existsSync(PROD_DIR)) return { figures, bundles: [] };
  const bundles = bundleSizes();
  const loader = bundles.find((b) => b.file === LOADER_FILE);
  if (loader) {
    figures.push(
      judge({
        id: 'size-content-loader',
        group: 'Size',
        name: `Content script at every page load of enrolled sites (${LOADER_FILE})`,
        unit: 'bytes',
        stats: single(loader.bytes),
        target: { on: 'median', op: '<=', value: CONTENT_SCRIPT_TARGET, text: '≤ 8 KB', issue: 28 },
        notes: `gzip -9: ${loader.gzip} bytes; the loader: it watches for a field or a QR candidate, then asks the background for ${FEATURES_FILE}`,
      }),
    );
  }
  const features = bundles.find((b) => b.file === FEATURES_FILE);
  if (features) {
    figures.push({
      id: 'size-content-script',
      group: 'Size',
      name: `Capture and autofill, injected where the loader finds work (${FEATURES_FILE})`,
      unit: 'bytes',
      stats: single(features.bytes),
      notes: `gzip -9: ${features.gzip} bytes; contains ${features.contains.join(', ') || 'no heavy library'}`,
    });
  }
  const total = bundles.reduce((sum, b) => sum + b.bytes, 0);
  figures.push({
    id: 'size-bundles-total',
    group: 'Size',
    name: 'All code bundles, unpacked (.js .css .html in .output/chrome-mv3)',
    unit: 'bytes',
    stats: single(total),
    notes: `${bundles.length} files; the zip also holds icons, locales and the manifest`,
  });
  return { figures, bundles };
}
