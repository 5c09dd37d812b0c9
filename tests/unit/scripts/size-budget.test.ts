import { describe, expect, it } from 'vitest';
import {
  CONTENT_SCRIPT_LIMIT,
  declaredContentScripts,
  sizeProblems,
  ZIP_LIMIT,
} from '../../../scripts/size-budget';

describe('declaredContentScripts', () => {
  it('lists the js of every content_scripts entry once, and nothing without them', () => {
    const manifest = {
      content_scripts: [
        { js: ['content-scripts/loader.js'] },
        { js: ['content-scripts/loader.js', 'content-scripts/other.js'] },
        {},
      ],
    };
    expect(declaredContentScripts(manifest)).toEqual([
      'content-scripts/loader.js',
      'content-scripts/other.js',
    ]);
    expect(declaredContentScripts({})).toEqual([]);
  });
});

describe('sizeProblems', () => {
  const zip = (bytes: number) => ({ file: 'twofold-chrome.zip', bytes });
  const script = (bytes: number) => ({ file: 'content-scripts/loader.js', bytes });

  it.each([
    ['both at their limit', ZIP_LIMIT, CONTENT_SCRIPT_LIMIT, []],
    ['the zip one byte over', ZIP_LIMIT + 1, 100, ['the zip twofold-chrome.zip']],
    [
      'the content script one byte over',
      100,
      CONTENT_SCRIPT_LIMIT + 1,
      ['the content script content-scripts/loader.js'],
    ],
    [
      'both over',
      305_000,
      95_000,
      ['the zip twofold-chrome.zip', 'the content script content-scripts/loader.js'],
    ],
  ])('%s', (_, zipBytes, scriptBytes, expected) => {
    const problems = sizeProblems(zip(zipBytes), [script(scriptBytes)]);
    expect(problems.map((p) => p.replace(/ is .*/, ''))).toEqual(expected);
  });

  it('says the size and the limit', () => {
    expect(sizeProblems(zip(305_012), [])).toEqual([
      'the zip twofold-chrome.zip is 305.01 KB (305,012 bytes), over 250.00 KB (250,000 bytes)',
    ]);
  });
});
