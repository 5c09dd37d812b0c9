/**
 * `npm run release -- <version>`: bumps package.json, names the changelogs' "Unreleased" sections
 * after the version, builds the Chrome, Edge and Firefox zips and the Firefox sources zip, checks
 * them (manifests, addons-linter, sizes) and writes their SHA-256 sums to .output/SHA256SUMS.
 * Run again with the same version, it skips the bump and rebuilds.
 */
import { execFileSync } from 'node:child_process';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  bumpPackageJson,
  checkNewVersion,
  parseVersion,
  releaseChangelog,
  sha256Sums,
} from './release-lib.ts';
import { ZIP_LIMIT } from './size-budget.ts';

const OUTPUT = '.output';
/** The most a browser's zip may weigh: the budget `npm run check:size` holds the Chromium zip to. */
const EXTENSION_ZIP_LIMIT = ZIP_LIMIT;
const SOURCES_ZIP_LIMIT = 5_000_000;
const CHANGELOGS = [
  { file: 'CHANGELOG.md', unreleased: '## [Unreleased]' },
  { file: 'CHANGELOG.fr.md', unreleased: '## [Non publié]' },
];

function run(command: string, args: string[]): void {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const env = { ...process.env };
  // A release matches only the real platform: no extra origins from the shell.
  delete env.TWOFOLD_EXTRA_ORIGINS;
  execFileSync(command, args, { stdio: 'inherit', env });
}

const version = process.argv[2];
if (!version) {
  console.error('Usage: npm run release -- <version>   (for example 0.2.0)');
  process.exit(2);
}
parseVersion(version);

const packageText = await readFile('package.json', 'utf8');
const current = (JSON.parse(packageText) as { version: string; name: string }).version;
const name = (JSON.parse(packageText) as { name: string }).name;
checkNewVersion(current, version);
const today = new Date().toISOString().slice(0, 10);

for (const { file, unreleased } of CHANGELOGS) {
  const text = await readFile(file, 'utf8');
  if (text.includes(`## [${version}]`)) {
    console.log(`${file} already has its ${version} section`);
  } else {
    await writeFile(file, releaseChangelog(text, version, today, unreleased));
    console.log(`${file}: "Unreleased" is now ${version} (${today})`);
  }
}
if (current !== version) {
  await writeFile('package.json', bumpPackageJson(packageText, version));
  console.log(`package.json: ${current} → ${version}`);
}

const zips = [
  `${name}-${version}-chrome.zip`,
  `${name}-${version}-edge.zip`,
  `${name}-${version}-firefox.zip`,
];
const sources = `${name}-${version}-sources.zip`;
for (const file of [...zips, sources, 'SHA256SUMS']) await rm(join(OUTPUT, file), { force: true });

run('npx', ['wxt', 'zip']);
run('npx', ['wxt', 'zip', '-b', 'edge', '--mv3']);
run('npx', ['wxt', 'zip', '-b', 'firefox', '--mv3']);
run('npx', ['tsx', 'scripts/check-manifests.ts']);
run('npx', ['tsx', 'scripts/check-size.ts']);
run('npx', ['tsx', 'scripts/lint-firefox.ts']);

const problems: string[] = [];
const files: { name: string; bytes: Uint8Array }[] = [];
for (const file of [...zips, sources]) {
  const size = (await stat(join(OUTPUT, file))).size;
  const limit = file === sources ? SOURCES_ZIP_LIMIT : EXTENSION_ZIP_LIMIT;
  console.log(`${file}: ${size.toLocaleString('en')} bytes (limit ${limit.toLocaleString('en')})`);
  if (size > limit) problems.push(`${file} is ${size} bytes, over ${limit}`);
  files.push({ name: file, bytes: await readFile(join(OUTPUT, file)) });
}
if (problems.length) {
  console.error(`Release check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
await writeFile(join(OUTPUT, 'SHA256SUMS'), sha256Sums(files));
console.log(`\n${OUTPUT}/SHA256SUMS:\n${sha256Sums(files)}`);
console.log(
  `Release ${version} is ready in ${OUTPUT}/. Commit package.json and the changelogs, tag v${version}, push the tag.`,
);
