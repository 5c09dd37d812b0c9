/**
 * Mozilla's add-on linter (addons-linter, what `web-ext lint` runs) on the Firefox zip.
 * Fails on any error, and on any warning that docs/firefox.md does not explain by its code.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const OUTPUT = resolve('.output');
const DOC = resolve('docs/firefox.md');

async function firefoxZip(): Promise<string> {
  const zips = (await readdir(OUTPUT)).filter((name) => name.endsWith('-firefox.zip'));
  const dated = await Promise.all(
    zips.map(async (name) => ({ path: join(OUTPUT, name), mtime: (await stat(join(OUTPUT, name))).mtimeMs })),
  );
  const newest = dated.sort((a, b) => b.mtime - a.mtime)[0];
  if (!newest) throw new Error('no Firefox zip in .output/: run `npm run zip:firefox` first');
  return newest.path;
}

async function lint(zip: string): Promise<LintReport> {
  const bin = resolve('node_modules/.bin/addons-linter');
  // The linter exits non-zero when it finds errors: its JSON report is what counts.
  const { stdout } = await promisify(execFile)(bin, ['--output', 'json', '--boring', zip], {
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return JSON.parse(stdout) as LintReport;
}

function show(kind: string, message: LintMessage): string {
  const where = message.file ? ` (${message.file}${message.line ? `:${message.line}` : ''})` : '';
  return `  ${kind} ${message.code}: ${message.message}${where}`;
}

const zip = await firefoxZip();
const report = await lint(zip);
const explained = await readFile(DOC, 'utf8');
const unexplained = report.warnings.filter((warning) => !explained.includes(`\`${warning.code}\``));

console.log(
  `addons-linter ${zip}: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`,
);
for (const error of report.errors) console.log(show('error', error));
for (const warning of report.warnings) console.log(show('warning', warning));
for (const warning of unexplained) {
  console.log(`  ${warning.code} is not explained in docs/firefox.md`);
}
if (report.errors.length > 0 || unexplained.length > 0) process.exit(1);
