/**
 * `npm run check:reproducible` (in `npm test`, after `npm run zip:firefox`): unpacks the Firefox
 * sources zip into an empty folder, runs the documented build there (`npm ci`, then
 * `npm run zip:firefox`), and checks the rebuilt Firefox zip holds the same files, byte for byte,
 * as the one in .output/, and is itself the same zip. Prints every difference; exits non-zero on any.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { compareFiles, readZip } from './release-lib.ts';

const OUTPUT = resolve('.output');
const { name, version } = JSON.parse(await readFile('package.json', 'utf8')) as {
  name: string;
  version: string;
};
const firefoxZip = join(OUTPUT, `${name}-${version}-firefox.zip`);
const sourcesZip = join(OUTPUT, `${name}-${version}-sources.zip`);

async function read(path: string): Promise<Buffer> {
  return readFile(path).catch(() => {
    console.error(`${path} is missing: run \`npm run zip:firefox\` first`);
    process.exit(1);
  });
}

const original = await read(firefoxZip);
const sources = readZip(await read(sourcesZip));
const folder = await mkdtemp(join(tmpdir(), 'twofold-rebuild-'));
for (const [file, bytes] of sources) {
  await mkdir(dirname(join(folder, file)), { recursive: true });
  await writeFile(join(folder, file), bytes);
}
console.log(`Unpacked ${sources.size} source files into ${folder}`);

const env = { ...process.env };
// The documented build: no extra origins, nothing from the shell that the release did not have.
delete env.TWOFOLD_EXTRA_ORIGINS;
for (const args of [
  ['ci', '--no-audit', '--no-fund'],
  ['run', 'zip:firefox'],
]) {
  console.log(`\n$ npm ${args.join(' ')}   (in ${folder})`);
  execFileSync('npm', args, { cwd: folder, stdio: 'inherit', env });
}

const rebuilt = await readFile(join(folder, '.output', `${name}-${version}-firefox.zip`));
const differences = compareFiles(readZip(original), readZip(rebuilt));
if (differences.length === 0 && !original.equals(rebuilt)) {
  differences.push('the files are the same but the zips differ (order, timestamps or compression)');
}
if (differences.length) {
  console.error(`\nThe rebuilt Firefox zip differs from ${firefoxZip}:\n- ${differences.join('\n- ')}`);
  console.error(`The rebuild is kept in ${folder} to compare.`);
  process.exit(1);
}
await rm(folder, { recursive: true, force: true });
console.log(
  `\nReproducible: the sources zip rebuilds ${firefoxZip} byte for byte (${readZip(original).size} files, same zip).`,
);
