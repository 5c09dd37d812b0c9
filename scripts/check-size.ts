/**
 * `npm run check:size`, after `npm run zip`: fails when the Chromium zip or a content script the built
 * manifest declares passes its limit (scripts/size-budget.ts), and prints the sizes and
 * how far the zip is from its 250 KB target.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  declaredContentScripts,
  kb,
  sizeProblems,
  ZIP_LIMIT,
  ZIP_TARGET,
  CONTENT_SCRIPT_LIMIT,
  CONTENT_SCRIPT_TARGET,
} from './size-budget.ts';

const BUILD = '.output/chrome-mv3';
const version = (JSON.parse(await readFile('package.json', 'utf8')) as { version: string }).version;
const zipFile = `.output/twofold-${version}-chrome.zip`;

const sized = async (file: string) => ({ file, bytes: (await stat(file)).size });
const zip = await sized(zipFile);
const manifest = JSON.parse(await readFile(join(BUILD, 'manifest.json'), 'utf8')) as {
  content_scripts?: { js?: string[] }[];
};
const scripts = await Promise.all(
  declaredContentScripts(manifest).map(async (js) => ({ ...(await sized(join(BUILD, js))), file: js })),
);

console.log(`${zip.file}: ${kb(zip.bytes)} (limit ${kb(ZIP_LIMIT)})`);
if (zip.bytes > ZIP_TARGET)
  console.warn(
    `The zip is ${kb(zip.bytes - ZIP_TARGET)} over its ${kb(ZIP_TARGET)} target (not reached yet).`,
  );
for (const s of scripts) {
  console.log(`content script ${s.file}: ${kb(s.bytes)} (limit ${kb(CONTENT_SCRIPT_LIMIT)})`);
  if (s.bytes > CONTENT_SCRIPT_TARGET)
    console.warn(`${s.file} is over its ${kb(CONTENT_SCRIPT_TARGET)} target (not reached yet).`);
}
const problems = sizeProblems(zip, scripts);
if (problems.length) {
  console.error(`Size check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('Sizes: within the budget');
