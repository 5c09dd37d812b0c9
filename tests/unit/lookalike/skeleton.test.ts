// @vitest-environment node
import { domainToASCII, domainToUnicode } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePunycode, skeleton, unicodeHost } from '../../../lib/lookalike-skeleton';
import { typoDistance } from '../../../lib/lookalike-distance';

describe('punycode', () => {
  it.each([
    ['xn--gthub-zsa.com', 'gíthub.com'],
    ['xn--gthub-n2e.com', 'gіthub.com'],
    ['www.xn--mnchen-3ya.de', 'www.münchen.de'],
    ['xn--fiqs8s.xn--fiqs8s', '中国.中国'],
    ['github.com', 'github.com'],
    // Not valid punycode: left as it is rather than guessed.
    ['xn--99999999999.com', 'xn--99999999999.com'],
  ])('%s reads %s', (ascii, unicode) => {
    expect(unicodeHost(ascii)).toBe(unicode);
  });

  it('decodes what the URL parser encodes, like Node’s own decoder (property)', () => {
    const letters = [...'abcgilmnoprstu019-аеорсухіјԁɡɑοσνíéèüöçßłøæ中文'];
    const label = fc
      .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 12 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(label, (text) => {
        const ascii = domainToASCII(`${text}.com`);
        fc.pre(ascii !== '');
        expect(unicodeHost(ascii)).toBe(domainToUnicode(ascii));
      }),
    );
  });

  it('rejects what is not punycode', () => {
    expect(decodePunycode('ab!')).toBeUndefined();
    expect(decodePunycode('é-abc')).toBeUndefined();
  });
});

describe('skeleton (UTS #39 confusables, accents dropped)', () => {
  it.each([
    ['Cyrillic а, р, у', 'раураl', 'paypal'],
    ['Greek ο', 'gοοgle', 'google'],
    ['Latin script ɡ', 'ɡoogle', 'google'],
    ['dotless ı', 'gıthub', 'github'],
    ['accents', 'gíthüb', 'github'],
    ['digits that look like letters', 'g00g1e', 'google'],
    ['m reads rn, both ways', 'rnicrosoft', skeleton('microsoft')],
    ['dashes that look like a hyphen', 'git‐hub', 'git-hub'],
  ])('%s: %s', (_kind, text, expected) => {
    expect(skeleton(text)).toBe(expected);
  });

  it('leaves letters with no ASCII lookalike as they are, so they never match', () => {
    expect(skeleton('中国')).toBe('中国');
  });
});

describe('typoDistance', () => {
  it.each([
    ['github', 'github', 0],
    ['github', 'githb', 1],
    ['github', 'gihtub', 1],
    ['github', 'gitlab', 2],
    ['github', 'microsoft', 3],
  ])('%s → %s: %i (capped at 2)', (a, b, d) => {
    expect(typoDistance(a, b, 2)).toBe(d);
  });
});
