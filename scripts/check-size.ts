/**
 * `npm run check:size`, after `npm run zip`: fails when the Chromium zip passes 250 KB or a content
 * script the built manifest declares passes 8 KB (scripts/size-budget.ts), and prints the sizes.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { declaredContentScripts, kb, sizeProblems, ZIP_LIMIT, CONTENT_SCRIPT_LIMIT } from './size-budget.ts';

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
for (const s of scripts)
  console.log(`content script ${s.file}: ${kb(s.bytes)} (limit ${kb(CONTENT_SCRIPT_LIMIT)})`);
const problems = sizeProblems(zip, scripts);
if (problems.length) {
  console.error(`Size check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('Sizes: within the budget');
