import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bumpPackageJson,
  checkNewVersion,
  compareFiles,
  parseVersion,
  readZip,
  releaseChangelog,
  sha256Sums,
} from '../../../scripts/release-lib';

describe('parseVersion', () => {
  it.each([
    ['0.2.0', [0, 2, 0]],
    ['1.10.3', [1, 10, 3]],
    [' 2.0.0\n', [2, 0, 0]],
  ])('reads %j', (text, expected) => {
    expect(parseVersion(text)).toEqual(expected);
  });

  it.each(['0.2', 'v0.2.0', '0.2.0-beta.1', '01.2.0', '0.2.0.1', ''])('refuses %j', (text) => {
    expect(() => parseVersion(text)).toThrow(/not a release version/);
  });
});

describe('checkNewVersion', () => {
  it.each([
    ['0.1.0', '0.2.0'],
    ['0.1.0', '0.1.0'],
    ['0.9.9', '1.0.0'],
    ['0.2.9', '0.10.0'],
  ])('%s → %s is allowed', (current, next) => {
    expect(() => checkNewVersion(current, next)).not.toThrow();
  });

  it.each([
    ['0.2.0', '0.1.9'],
    ['1.0.0', '0.99.99'],
    ['0.10.0', '0.9.0'],
  ])('%s → %s goes back and is refused', (current, next) => {
    expect(() => checkNewVersion(current, next)).toThrow(/lower than the current version/);
  });
});

describe('bumpPackageJson', () => {
  const text = '{\n  "name": "twofold",\n  "version": "0.1.0",\n  "private": true\n}\n';

  it('changes the version only, keeping the rest of the text', () => {
    expect(bumpPackageJson(text, '0.2.0')).toBe(text.replace('0.1.0', '0.2.0'));
  });

  it('leaves a dependency that says "version" alone', () => {
    const nested = '{\n  "version": "0.1.0",\n  "x": { "version": "9.9.9" }\n}\n';
    expect(bumpPackageJson(nested, '0.2.0')).toContain('"version": "9.9.9"');
  });

  it.each([
    ['no version field', '{ "name": "x" }', '0.2.0', /no "version" field/],
    ['a bad version', text, '0.2', /not a release version/],
  ])('refuses %s', (_name, input, version, error) => {
    expect(() => bumpPackageJson(input, version)).toThrow(error);
  });
});

describe('releaseChangelog', () => {
  const changelog = [
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    '### Added',
    '',
    '- A welcome.',
    '',
    '## [0.1.0] - 2026-11-28',
    '',
    '- First build.',
    '',
  ].join('\n');

  it('names the Unreleased section after the version and date, with an empty Unreleased above', () => {
    expect(releaseChangelog(changelog, '0.2.0', '2026-12-05')).toBe(
      changelog.replace('## [Unreleased]', '## [Unreleased]\n\n## [0.2.0] - 2026-12-05'),
    );
  });

  it('works with the French heading', () => {
    const french = changelog.replace('[Unreleased]', '[Non publié]');
    expect(releaseChangelog(french, '0.2.0', '2026-12-05', '## [Non publié]')).toContain(
      '## [Non publié]\n\n## [0.2.0] - 2026-12-05\n\n### Added\n\n- A welcome.',
    );
  });

  it.each([
    ['a version it already names', changelog, '0.1.0', '2026-12-05', /already has a 0.1.0 section/],
    [
      'no Unreleased heading',
      '# Changelog\n\n## [0.1.0]\n\n- x\n',
      '0.2.0',
      '2026-12-05',
      /no "## \[Unreleased\]"/,
    ],
    [
      'nothing under Unreleased',
      '## [Unreleased]\n\n## [0.1.0] - 2026-11-28\n\n- x\n',
      '0.2.0',
      '2026-12-05',
      /nothing is listed/,
    ],
    ['a date that is not YYYY-MM-DD', changelog, '0.2.0', '5/12/2026', /not a YYYY-MM-DD date/],
  ])('refuses %s', (_name, text, version, date, error) => {
    expect(() => releaseChangelog(text, version, date)).toThrow(error);
  });

  it.each(['CHANGELOG.md', 'CHANGELOG.fr.md'])('%s in the repository can be released', (file) => {
    const text = readFileSync(file, 'utf8');
    const heading = file.endsWith('.fr.md') ? '## [Non publié]' : '## [Unreleased]';
    expect(releaseChangelog(text, '99.0.0', '2026-12-05', heading)).toContain('## [99.0.0] - 2026-12-05');
  });
});

describe('sha256Sums', () => {
  it('writes lines sha256sum -c reads', () => {
    const bytes = new TextEncoder().encode('abc');
    expect(sha256Sums([{ name: 'a.zip', bytes }])).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a.zip\n',
    );
  });
});

/** A zip with one stored and one deflated entry, made by Python's zipfile. */
const ZIP_BASE64 =
  'UEsDBBQAAAAAAAAAIQDCQSQ1AwAAAAMAAAAFAAAAYS50eHRhYmNQSwMEFAAAAAgAAAAhAAD7hAIFAAAAGQAAAAkAAABkaXIvYi50eHRLTMQBAFBLAQIUAxQAAAAAAAAAIQDCQSQ1AwAAAAMAAAAFAAAAAAAAAAAAAACAAQAAAABhLnR4dFBLAQIUAxQAAAAIAAAAIQAA+4QCBQAAABkAAAAJAAAAAAAAAAAAAACAASYAAABkaXIvYi50eHRQSwUGAAAAAAIAAgBqAAAAUgAAAAAA';

describe('readZip', () => {
  it('reads stored and deflated entries by name', () => {
    const files = readZip(Buffer.from(ZIP_BASE64, 'base64'));
    expect([...files.keys()]).toEqual(['a.txt', 'dir/b.txt']);
    expect(files.get('a.txt')?.toString()).toBe('abc');
    expect(files.get('dir/b.txt')?.toString()).toBe('a'.repeat(25));
  });

  it('refuses what is not a zip', () => {
    expect(() => readZip(new TextEncoder().encode('not a zip at all, just text'))).toThrow(/not a zip/);
  });
});

describe('compareFiles', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const files = (entries: Record<string, string>) =>
    new Map(Object.entries(entries).map(([name, text]) => [name, bytes(text)]));

  it.each([
    ['the same files', { a: 'x', b: 'y' }, { a: 'x', b: 'y' }, []],
    ['a missing file', { a: 'x', b: 'y' }, { a: 'x' }, ['b: missing from the rebuilt zip']],
    ['an extra file', { a: 'x' }, { a: 'x', c: 'z' }, ['c: only in the rebuilt zip']],
    [
      'different bytes',
      { a: 'built at 10:00' },
      { a: 'built at 10:01' },
      ['a: 14 bytes vs 14 bytes, first difference at byte 13'],
    ],
    ['a longer file', { a: 'abc' }, { a: 'abcd' }, ['a: 3 bytes vs 4 bytes, first difference at byte 3']],
  ])('%s', (_name, expected, actual, differences) => {
    expect(compareFiles(files(expected), files(actual))).toEqual(differences);
  });
});
