/**
 * The size budget of a build: what `npm run check:size` and `npm run release` hold the zips and the
 * content scripts to. A content script runs at every load of the pages it matches, so it must stay a
 * small loader; the zip is what every user downloads and every update re-downloads.
 */

/** What a browser's zip should weigh at most, in bytes: 250 KB. */
export const ZIP_TARGET = 250_000;
/** What the build is held to: the target itself, reached (248 KB without webextension-polyfill). */
export const ZIP_LIMIT = ZIP_TARGET;
/** What a content script declared in the manifest should weigh at most, in bytes: a loader of 8 KB. */
export const CONTENT_SCRIPT_TARGET = 8_000;
/**
 * What it is held to: the target itself, reached by the loader (entrypoints/content-loader.ts); capture
 * and autofill are injected only into frames where it finds work, so they are not declared.
 */
export const CONTENT_SCRIPT_LIMIT = CONTENT_SCRIPT_TARGET;

export interface SizedFile {
  file: string;
  bytes: number;
}

/** The script files of the manifest's `content_scripts` (those the browser runs at page load), once each. */
export function declaredContentScripts(manifest: { content_scripts?: { js?: string[] }[] }): string[] {
  return [...new Set((manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []))];
}

/** One line per file over its limit; empty when the build fits. */
export function sizeProblems(zip: SizedFile, contentScripts: readonly SizedFile[]): string[] {
  const over = (f: SizedFile, limit: number, what: string) =>
    f.bytes > limit ? [`${what} ${f.file} is ${kb(f.bytes)}, over ${kb(limit)}`] : [];
  return [
    ...over(zip, ZIP_LIMIT, 'the zip'),
    ...contentScripts.flatMap((f) => over(f, CONTENT_SCRIPT_LIMIT, 'the content script')),
  ];
}

/** Bytes as the build prints them (1 KB = 1,000 bytes), with the exact count. */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(2)} KB (${bytes.toLocaleString('en')} bytes)`;
}
