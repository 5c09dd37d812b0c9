import { describe, expect, it } from 'vitest';
import {
  enabledSiteLabel,
  keepEnabledOrigins,
  rememberEnabledOrigin,
  m2mmanagerMatches,
  normalizeWebsite,
  parseExtraOrigins,
  patternMatchesOrigin,
  webOriginOf,
} from '@/lib/origins';

describe('match patterns', () => {
  it.each([
    ['https://*.matooma.com/*', 'https://m2mmanager.matooma.com', true],
    ['https://*.matooma.com/*', 'https://matooma.com', true],
    ['https://*.matooma.com/*', 'https://evilmatooma.com', false],
    ['https://*.matooma.com/*', 'https://matooma.com.evil.example', false],
    ['https://*.matooma.com/*', 'http://m2mmanager.matooma.com', false],
    ['http://m2mmanager.localhost/*', 'http://m2mmanager.localhost:4100', true],
    ['http://m2mmanager.localhost/*', 'http://phish.localhost:4100', false],
    ['http://m2mmanager.localhost:4100/*', 'http://m2mmanager.localhost:4101', false],
    ['*://example.com/*', 'https://example.com', true],
    ['not a pattern', 'https://example.com', false],
  ])('%s covers %s: %s', (pattern, origin, expected) => {
    expect(patternMatchesOrigin(pattern, origin)).toBe(expected);
  });

  it('adds TWOFOLD_EXTRA_ORIGINS to the preset, without duplicates', () => {
    expect(m2mmanagerMatches(undefined)).toEqual(['https://*.matooma.com/*']);
    expect(m2mmanagerMatches(' http://m2mmanager.localhost/* ,https://*.matooma.com/*')).toEqual([
      'https://*.matooma.com/*',
      'http://m2mmanager.localhost/*',
    ]);
  });

  it.each(['<all_urls>', 'm2mmanager.localhost', 'ftp://x/*'])('refuses %s as an extra origin', (bad) => {
    expect(() => parseExtraOrigins(bad)).toThrow(/TWOFOLD_EXTRA_ORIGINS/);
  });
});

describe('origins', () => {
  it.each([
    ['https://a.example.com/login?x=1', 'https://a.example.com'],
    ['http://m2mmanager.localhost:4100/', 'http://m2mmanager.localhost:4100'],
    ['chrome-extension://abc/popup.html', undefined],
    ['about:blank', undefined],
    ['', undefined],
  ])('webOriginOf(%s) = %s', (url, origin) => {
    expect(webOriginOf(url)).toBe(origin);
  });

  it.each([
    ['example.com', 'https://example.com'],
    ['https://example.com/login', 'https://example.com'],
    ['http://m2mmanager.localhost:4100/x', 'http://m2mmanager.localhost:4100'],
    ['  sub.example.org  ', 'https://sub.example.org'],
    // Host names without a dot: a NAS, an intranet name, this computer.
    ['http://nas:5000', 'http://nas:5000'],
    ['http://nas:5000/login', 'http://nas:5000'],
    ['intranet', 'https://intranet'],
    ['localhost', 'https://localhost'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['http://192.168.1.10:8443/', 'http://192.168.1.10:8443'],
    ['https://[::1]:4100', 'https://[::1]:4100'],
  ])('normalizeWebsite(%s) = %s', (input, origin) => {
    expect(normalizeWebsite(input)).toBe(origin);
  });

  it.each([
    '',
    'not a site',
    'javascript:alert(1)',
    'ftp://nas',
    'http://',
    'https://-nas-',
    'a..b',
    'x'.repeat(64),
    'http://exa mple.com',
    'https://nas:99999',
  ])('normalizeWebsite refuses %j', (input) => {
    expect(() => normalizeWebsite(input)).toThrow(/is not a website address/);
  });
});

describe('enabled sites keep the origin (and port) they were enabled from', () => {
  it.each([
    [
      'a port-less grant for a site on a port',
      {},
      ['http://localhost/*'],
      'http://localhost:4100',
      { 'http://localhost/*': ['http://localhost:4100'] },
    ],
    [
      'the exact grant',
      {},
      ['http://nas:5000/*'],
      'http://nas:5000',
      { 'http://nas:5000/*': ['http://nas:5000'] },
    ],
    [
      'a second port under one pattern',
      { 'http://localhost/*': ['http://localhost:4100'] },
      ['http://localhost/*'],
      'http://localhost:8080',
      { 'http://localhost/*': ['http://localhost:4100', 'http://localhost:8080'] },
    ],
    ['no active site (the settings page)', {}, ['http://localhost/*'], undefined, {}],
    ['a grant that does not cover the active tab', {}, ['https://a.example/*'], 'https://b.example', {}],
  ])('%s', (_name, before, granted, origin, after) => {
    expect(rememberEnabledOrigin(before, granted, origin)).toEqual(after);
  });

  it.each([
    ['http://localhost/*', { 'http://localhost/*': ['http://localhost:4100'] }, 'http://localhost:4100'],
    ['http://localhost/*', {}, 'http://localhost'],
    ['http://nas:5000/*', {}, 'http://nas:5000'],
    // A remembered origin the pattern no longer covers is not shown for it.
    ['https://a.example/*', { 'https://a.example/*': ['https://b.example'] }, 'https://a.example'],
  ])('%s is shown as %j', (pattern, remembered, label) => {
    expect(enabledSiteLabel(pattern, remembered)).toBe(label);
  });

  it('forgets the origins of a site turned off', () => {
    const remembered = {
      'http://localhost/*': ['http://localhost:4100'],
      'https://a.example/*': ['https://a.example'],
    };
    expect(keepEnabledOrigins(remembered, ['https://a.example/*'])).toEqual({
      'https://a.example/*': ['https://a.example'],
    });
  });
});
