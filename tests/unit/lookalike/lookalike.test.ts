// @vitest-environment node
import { domainToASCII } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookalikeOf } from '../../../lib/lookalike';

const M2M = 'https://m2mmanager.matooma.com';
const GITHUB = 'https://github.com';
const PAYPAL = 'https://paypal.com';
const GOOGLE = 'https://google.com';
const MICROSOFT = 'https://microsoft.com';
const SANDBOX = 'http://m2mmanager.localhost:4100';
const ENROLLED = [M2M, GITHUB, PAYPAL, GOOGLE, MICROSOFT];

/** The origin a browser reports for a host typed in Unicode (punycode, as URL parsing leaves it). */
const idn = (host: string, scheme = 'https') => `${scheme}://${domainToASCII(host)}`;

describe('lookalikeOf flags', () => {
  it.each([
    // Homoglyphs and mixed scripts, as the browser reports them (xn-- punycode).
    ['an accented letter (gíthub)', idn('gíthub.com'), GITHUB],
    ['one Cyrillic letter in a Latin name (gіthub)', idn('gіthub.com'), GITHUB],
    ['a whole-Cyrillic name (раураl)', idn('раураl.com'), PAYPAL],
    ['a Latin script g (ɡoogle)', idn('ɡoogle.com'), GOOGLE],
    ['a Cyrillic o (micrоsoft)', idn('micrоsoft.com'), MICROSOFT],
    ['a Greek omicron in the M2Mmanager host', idn('m2mmanager.matοoma.com'), M2M],
    ['digits for letters (g00gle)', 'https://g00gle.com', GOOGLE],
    ['a one for an l (paypa1)', 'https://paypa1.com', PAYPAL],
    ['rn for m (rnicrosoft)', 'https://rnicrosoft.com', MICROSOFT],
    // Typos.
    ['an insertion', 'https://gitjhub.com', GITHUB],
    ['an omission', 'https://githb.com', GITHUB],
    ['a repetition', 'https://gitthub.com', GITHUB],
    ['a replacement', 'https://gothub.com', GITHUB],
    ['a transposition', 'https://gihtub.com', GITHUB],
    ['a vowel swap', 'https://paypel.com', PAYPAL],
    ['a bit flip (u → t)', 'https://githtb.com', GITHUB],
    ['a bit flip (g → f)', 'https://goofle.com', GOOGLE],
    ['a typo in the M2Mmanager domain', 'https://m2mmanager.matoma.com', M2M],
    ['a typo in the M2Mmanager name', 'https://m2mmanagr.com', M2M],
    // Hyphens and dots.
    ['a hyphen inside the name', 'https://git-hub.com', GITHUB],
    ['a dot inside the name', 'https://git.hub.com', GITHUB],
    ['the TLD run into the name', 'https://githubcom.com', GITHUB],
    ['www run into the name', 'https://wwwpaypal.com', PAYPAL],
    // Another TLD or registrable domain.
    ['another TLD', 'https://github.co', GITHUB],
    ['a country TLD with a second level', 'https://paypal.co.uk', PAYPAL],
    ['the M2Mmanager host on another TLD', 'https://m2mmanager.matooma.fr', M2M],
    ['a private suffix (blogspot)', 'https://paypal.blogspot.com', PAYPAL],
    // The brand inside another domain.
    ['both names joined by a hyphen', 'https://m2mmanager-matooma.com', M2M],
    ['the whole host as a subdomain', 'https://m2mmanager.matooma.com.secure-login.io', M2M],
    ['the enrolled subdomain name alone', 'https://m2mmanager.login-portal.com', M2M],
    ['the brand after a word', 'https://login-github.com', GITHUB],
    ['the brand before words', 'https://paypal-secure-login.com', PAYPAL],
    ['the brand in a subdomain', 'https://github.attacker.dev', GITHUB],
    ['the brand with a typo in a subdomain', 'https://githib.session-check.io', GITHUB],
    // Scheme and port do not make it another site.
    ['an http lookalike of an https site', 'http://githuh.com', GITHUB],
    ['a lookalike on another port', 'https://github-login.com:8443', GITHUB],
  ])('%s: %s imitates %s', (_kind, page, imitated) => {
    expect(lookalikeOf(page, ENROLLED)).toBe(imitated);
  });

  // The local sandbox plays the real platform in tests (sandbox builds enrol it).
  it.each([
    ['a lookalike of the sandbox host', 'http://m2mmanager-login.localhost:4100'],
    ['a homoglyph of the sandbox host', 'http://rn2mmanager.localhost:4100'],
    ['a typo of the sandbox host on another port', 'http://m2manager.localhost:4200'],
  ])('%s: %s imitates the sandbox', (_kind, page) => {
    expect(lookalikeOf(page, [GITHUB, SANDBOX])).toBe(SANDBOX);
  });

  it.each([
    ['another TLD', 'https://mega.co'],
    ['a homoglyph', 'https://rnega.nz'],
    ['the name as a label of another domain', 'https://mega.login-check.com'],
  ])('a short name exactly, through %s: %s', (_kind, page) => {
    expect(lookalikeOf(page, ['https://mega.nz'])).toBe('https://mega.nz');
  });

  it('names the enrolled origin that is imitated, not the first of the list', () => {
    expect(lookalikeOf('https://paypa1.com', [GITHUB, GOOGLE, PAYPAL])).toBe(PAYPAL);
    expect(lookalikeOf('https://githvb.com', [PAYPAL, GITHUB])).toBe(GITHUB);
  });

  it('prefers the closest imitation when a name resembles two enrolled sites', () => {
    // Exactly gitlab's name on another TLD, one edit from neither: gitlab wins over github.
    expect(lookalikeOf('https://gitlab.co', [GITHUB, 'https://gitlab.com'])).toBe('https://gitlab.com');
  });

  it('returns the enrolled origin as it was given', () => {
    expect(lookalikeOf('https://githubb.com', ['https://github.com:443'])).toBe('https://github.com:443');
  });
});

describe('lookalikeOf never flags', () => {
  it.each([
    ['the enrolled origin itself', GITHUB],
    ['the M2Mmanager origin itself', M2M],
    ['another host of the registrable domain', 'https://gist.github.com'],
    ['a deeper host of the registrable domain', 'https://api.eu.m2mmanager.matooma.com'],
    ['the registrable domain of a subdomain enrolment', 'https://www.matooma.com'],
    ['the same host over http', 'http://github.com'],
    ['the same host on another port', 'https://github.com:8443'],
    ['a popular unrelated site close to a brand (gitlab)', 'https://gitlab.com'],
    ['a popular unrelated site (bitbucket)', 'https://bitbucket.org'],
    ['a popular site of another enrolled brand', 'https://www.google.com'],
    ['Google’s own popular domains', 'https://google.de'],
    ['an unrelated site', 'https://example.org'],
    ['an unrelated name sharing a word', 'https://hub.docker.com'],
    ['an unrelated sandbox host', 'http://phish.localhost:4100'],
    ['the sandbox host itself', SANDBOX],
    ['localhost', 'http://localhost:4100'],
    ['an IPv4 address', 'http://127.0.0.1:4100'],
    ['an IPv6 address', 'http://[::1]:4100'],
    ['an opaque origin', 'null'],
    ['an empty string', ''],
    ['a non-URL', 'github dot com'],
    ['an extension page', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop'],
    ['a file URL', 'file:///home/user/github.com.html'],
    ['about:blank', 'about:blank'],
  ])('%s: %s', (_kind, page) => {
    expect(lookalikeOf(page, [...ENROLLED, SANDBOX])).toBeUndefined();
  });

  it.each([
    ['one letter off a short name', 'https://meta.com', 'https://mega.nz'],
    ['one letter off a three-letter name', 'https://ovn.com', 'https://ovh.com'],
    ['a short name inside a longer word', 'https://megalopolis.org', 'https://mega.nz'],
  ])('%s: %s is not %s (short names match only exactly)', (_kind, page, enrolled) => {
    expect(lookalikeOf(page, [enrolled])).toBeUndefined();
  });

  it('with nothing enrolled, or only origins that are not web names', () => {
    expect(lookalikeOf('https://githubb.com', [])).toBeUndefined();
    expect(
      lookalikeOf('http://127.0.0.2:4100', ['http://127.0.0.1:4100', 'http://localhost', 'not a url']),
    ).toBeUndefined();
  });

  it('the enrolled origin, and any host, scheme or port of its registrable domain (property)', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    fc.assert(
      fc.property(
        fc.constantFrom(...ENROLLED, SANDBOX),
        fc.array(label, { maxLength: 3 }),
        fc.constantFrom('http', 'https'),
        fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
        (enrolled, sub, scheme, port) => {
          const host = new URL(enrolled).hostname;
          // A subdomain of the enrolled host's registrable domain (matooma.com for M2Mmanager).
          const base = host.split('.').slice(-2).join('.');
          const page = `${scheme}://${[...sub, base].join('.')}${port ? `:${port}` : ''}`;
          expect(lookalikeOf(page, [...ENROLLED, SANDBOX])).toBeUndefined();
          expect(lookalikeOf(enrolled, [...ENROLLED, SANDBOX])).toBeUndefined();
        },
      ),
    );
  });

  it('throws on nothing a page can send (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }).map((s) => `https://${s}`),
          fc.string().map((s) => `http://xn--${s}.com:8080`),
        ),
        (page) => {
          expect(() => lookalikeOf(page, ENROLLED)).not.toThrow();
          expect(() => lookalikeOf(ENROLLED[0]!, [page])).not.toThrow();
        },
      ),
    );
  });
});
