import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changelogBlocks, plainText } from '@/lib/release/changelog';

describe('plainText', () => {
  it.each([
    ['[Keep a Changelog](https://keepachangelog.com/)', 'Keep a Changelog'],
    ['host names without a dot (`nas:5000`)', 'host names without a dot (nas:5000)'],
    ['**bold** words', 'bold words'],
    ['[0.2.0] - 2026-12-05', '0.2.0 - 2026-12-05'],
    ['a  line\nwrapped', 'a line wrapped'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ])('%j → %j', (markdown, text) => {
    expect(plainText(markdown)).toBe(text);
  });
});

describe('changelogBlocks', () => {
  it('reads headings, list items over several lines, paragraphs; skips comments', () => {
    const markdown = [
      '# Changelog',
      '',
      'Intro text',
      'on two lines.',
      '',
      '<!-- a note for maintainers',
      'over two lines -->',
      '## [Unreleased]',
      '',
      '### Added',
      '',
      '- One item',
      '  continued.',
      '- Two',
      '',
    ].join('\n');
    expect(changelogBlocks(markdown)).toEqual([
      { kind: 'heading', level: 1, text: 'Changelog' },
      { kind: 'paragraph', text: 'Intro text on two lines.' },
      { kind: 'heading', level: 2, text: 'Unreleased' },
      { kind: 'heading', level: 3, text: 'Added' },
      { kind: 'item', text: 'One item continued.' },
      { kind: 'item', text: 'Two' },
    ]);
  });

  it.each([
    ['CHANGELOG.md', '0.1.0 - 2026-11-28', 'Added'],
    ['CHANGELOG.fr.md', '0.1.0 - 2026-11-28', 'Ajouté'],
  ])(
    '%s: every version and its sections are read, no Markdown left in the text',
    (file, version, section) => {
      const blocks = changelogBlocks(readFileSync(file, 'utf8'));
      const headings = blocks.filter((block) => block.kind === 'heading').map((block) => block.text);
      expect(headings).toContain(version);
      expect(headings).toContain(section);
      expect(blocks.filter((block) => block.kind === 'item').length).toBeGreaterThan(20);
      for (const block of blocks) expect(block.text).not.toMatch(/\[|\]|`|\*\*|<!--/);
    },
  );
});
