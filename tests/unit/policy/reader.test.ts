import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  effectiveSettings,
  isBlockedSite,
  managedSettings,
  passphraseMeetsPolicy,
  settingBounds,
  shouldShowWelcome,
} from '@/lib/policy/effective';
import { POLICY_NAMES, parseOrigin, readPolicies, type PolicyName } from '@/lib/policy/reader';
import { DEFAULT_SETTINGS, LIMITS } from '@/lib/settings';

describe('readPolicies: every policy, every type', () => {
  it.each<[PolicyName, unknown, unknown]>([
    ['autofillSites', ['https://intranet.example.com'], ['https://intranet.example.com']],
    [
      'autofillSites',
      ['https://A.example.com/', 'http://localhost:8080'],
      ['https://a.example.com', 'http://localhost:8080'],
    ],
    ['autofillSites', [], []],
    ['blockedSites', ['https://bank.example', 'https://bank.example/'], ['https://bank.example']],
    ['autolockMinutes', 1, 1],
    ['autolockMinutes', 240, 240],
    ['maxAutolockMinutes', 30, 30],
    ['maxClipboardClearSeconds', 5, 5],
    ['minPassphraseLength', 8, 8],
    ['minPassphraseLength', 16, 16],
    ['passkeyUnlock', 'allowed', 'allowed'],
    ['passkeyUnlock', 'required', 'required'],
    ['passkeyUnlock', 'forbidden', 'forbidden'],
    ['sync', 'allowed', 'allowed'],
    ['sync', 'forbidden', 'forbidden'],
    ['plainExport', 'forbidden', 'forbidden'],
    ['import', 'allowed', 'allowed'],
    ['import', 'forbidden', 'forbidden'],
    ['backupReminderDays', 7, 7],
    ['clockCheck', 'on', 'on'],
    ['clockCheck', 'off', 'off'],
    ['clockCheck', 'user', 'user'],
    ['rememberDevice', 'allowed', 'allowed'],
    ['rememberDevice', 'forbidden', 'forbidden'],
    ['welcomePage', false, false],
    ['welcomePage', true, true],
    ['supportUrl', 'https://help.example.com/twofold', 'https://help.example.com/twofold'],
  ])('%s = %j reads as %j', (name, raw, expected) => {
    expect(readPolicies({ [name]: raw })).toEqual({ policies: { [name]: expected }, invalid: [] });
  });

  it.each<[PolicyName, unknown]>([
    ['autofillSites', 'https://intranet.example.com'],
    ['autofillSites', ['https://ok.example', 'not an origin']],
    ['autofillSites', ['https://example.com/login']],
    ['autofillSites', ['ftp://example.com']],
    ['autofillSites', ['https://user@example.com']],
    ['autofillSites', ['https://*.example.com']],
    ['autofillSites', [42]],
    ['blockedSites', {}],
    ['blockedSites', ['javascript:alert(1)']],
    ['blockedSites', ['https://example.com?x=1']],
    ['autolockMinutes', 0],
    ['autolockMinutes', -5],
    ['autolockMinutes', 1.5],
    ['autolockMinutes', '15'],
    ['autolockMinutes', Number.NaN],
    ['autolockMinutes', Number.POSITIVE_INFINITY],
    ['maxAutolockMinutes', 0],
    ['maxClipboardClearSeconds', 4],
    ['maxClipboardClearSeconds', null],
    ['minPassphraseLength', 7],
    ['minPassphraseLength', true],
    ['passkeyUnlock', 'Required'],
    ['passkeyUnlock', 1],
    ['sync', 'off'],
    ['sync', false],
    ['plainExport', 'no'],
    ['import', ''],
    ['backupReminderDays', 0],
    ['clockCheck', 'auto'],
    ['rememberDevice', true],
    ['welcomePage', 'false'],
    ['welcomePage', 0],
    ['supportUrl', 'http://help.example.com'],
    ['supportUrl', 'javascript:alert(1)'],
    ['supportUrl', 'help.example.com'],
    ['supportUrl', 'https://user:pw@help.example.com'],
    ['supportUrl', ['https://help.example.com']],
  ])('%s = %j is invalid: ignored and named', (name, raw) => {
    expect(readPolicies({ sync: 'allowed', [name]: raw })).toEqual({
      policies: name === 'sync' ? {} : { sync: 'allowed' },
      invalid: [name],
    });
  });

  it.each([undefined, null, 'sync', 42, [], ['sync']])(
    '%j (no managed storage) reads as no policy',
    (raw) => {
      expect(readPolicies(raw)).toEqual({ policies: {}, invalid: [] });
    },
  );

  it('leaves unknown names alone and lists several invalid ones in table order', () => {
    expect(readPolicies({ futurePolicy: 1, sync: 'nope', autolockMinutes: 0, import: 'forbidden' })).toEqual({
      policies: { import: 'forbidden' },
      invalid: ['autolockMinutes', 'sync'],
    });
  });

  it('reads a whole policy file', () => {
    const all = {
      autofillSites: ['https://intranet.example.com'],
      blockedSites: ['https://bank.example.com'],
      autolockMinutes: 5,
      maxAutolockMinutes: 60,
      maxClipboardClearSeconds: 20,
      minPassphraseLength: 14,
      passkeyUnlock: 'required',
      sync: 'forbidden',
      plainExport: 'forbidden',
      import: 'forbidden',
      backupReminderDays: 30,
      clockCheck: 'off',
      rememberDevice: 'forbidden',
      welcomePage: false,
      supportUrl: 'https://help.example.com/',
    };
    expect(readPolicies(all)).toEqual({ policies: all, invalid: [] });
  });

  it('matches the managed schema the manifest declares, name for name', () => {
    const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_NAMES].sort());
  });
});

describe('parseOrigin', () => {
  it.each([
    ['https://example.com', 'https://example.com'],
    [' https://example.com/ ', 'https://example.com'],
    ['https://example.com:443', 'https://example.com'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
  ])('%j is the origin %j', (raw, origin) => {
    expect(parseOrigin(raw)).toBe(origin);
  });
});

describe('effectiveSettings: the user settings clamped by policy', () => {
  it('a fixed auto-lock wins over the user', () => {
    const settings = { ...DEFAULT_SETTINGS, autoLockMinutes: 0 };
    expect(effectiveSettings(settings, { autolockMinutes: 5, maxAutolockMinutes: 60 }).autoLockMinutes).toBe(
      5,
    );
  });

  it.each([
    [0, 30, 30],
    [45, 30, 30],
    [10, 30, 10],
  ])('auto-lock %i under a maximum of %i is %i ("never" is not offered)', (user, max, effective) => {
    const settings = { ...DEFAULT_SETTINGS, autoLockMinutes: user };
    expect(effectiveSettings(settings, { maxAutolockMinutes: max }).autoLockMinutes).toBe(effective);
  });

  it.each([
    [0, 10, 10],
    [60, 10, 10],
    [7, 10, 7],
  ])('clipboard clear %i under a maximum of %i is %i', (user, max, effective) => {
    const settings = { ...DEFAULT_SETTINGS, clipboardClearSeconds: user };
    expect(effectiveSettings(settings, { maxClipboardClearSeconds: max }).clipboardClearSeconds).toBe(
      effective,
    );
  });

  it('rememberDevice forbidden turns the tick off; allowed keeps the user choice', () => {
    const settings = { ...DEFAULT_SETTINGS, rememberDevice: true };
    expect(effectiveSettings(settings, { rememberDevice: 'forbidden' }).rememberDevice).toBe(false);
    expect(effectiveSettings(settings, { rememberDevice: 'allowed' }).rememberDevice).toBe(true);
  });

  it('no policy leaves the settings as they are', () => {
    const settings = { ...DEFAULT_SETTINGS, autoLockMinutes: 0, clipboardClearSeconds: 0 };
    expect(effectiveSettings(settings, {})).toEqual(settings);
  });

  it('names the settings a policy fixes', () => {
    expect(managedSettings({})).toEqual([]);
    expect(managedSettings({ autolockMinutes: 3, rememberDevice: 'forbidden', clockCheck: 'off' })).toEqual([
      'autoLockMinutes',
      'rememberDevice',
      'clockCheck',
    ]);
    expect(managedSettings({ clockCheck: 'user', rememberDevice: 'allowed' })).toEqual([]);
  });

  it('bounds the numeric fields by the maxima', () => {
    expect(settingBounds('autoLockMinutes', LIMITS.autoLockMinutes, { maxAutolockMinutes: 30 })).toEqual({
      min: 1,
      max: 30,
    });
    expect(settingBounds('clipboardClearSeconds', LIMITS.clipboardClearSeconds, {})).toEqual(
      LIMITS.clipboardClearSeconds,
    );
  });

  it('blocks listed origins only', () => {
    expect(isBlockedSite({ blockedSites: ['https://bank.example'] }, 'https://bank.example')).toBe(true);
    expect(isBlockedSite({ blockedSites: ['https://bank.example'] }, 'https://other.example')).toBe(false);
    expect(isBlockedSite({}, 'https://bank.example')).toBe(false);
  });

  it.each([
    ['short-pass', 12, false],
    ['twelve chars', 12, true],
    ['ééééééééééé', 11, true],
  ])('%j against a minimum of %i: %s', (passphrase, min, ok) => {
    expect(passphraseMeetsPolicy(passphrase, { minPassphraseLength: min })).toBe(ok);
  });
});

describe('shouldShowWelcome: the welcomePage policy gates the welcome on install', () => {
  it.each([
    ['install', {}, true],
    ['install', { welcomePage: true }, true],
    ['install', { welcomePage: false }, false],
    ['update', {}, false],
  ] as const)('%s with %j: %s', (reason, policies, shown) => {
    expect(shouldShowWelcome(reason, policies)).toBe(shown);
  });
});
