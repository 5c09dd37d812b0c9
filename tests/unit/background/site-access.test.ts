import { describe, expect, it } from 'vitest';
import type { browser as extensionBrowser } from 'wxt/browser';
import {
  ENABLED_ORIGINS_KEY,
  enabledSitePatterns,
  noteGrantedOrigins,
  SITES_SCRIPT_ID,
  syncSiteScripts,
} from '@/lib/background/site-access';
import { enabledSiteLabel, type EnabledOrigins } from '@/lib/origins';

interface Script {
  id: string;
  matches?: string[];
  js?: string[];
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
}

/** The slice of the extension API site access uses, with the browser's bookkeeping. */
function fakeBrowser(granted: string[], activeTabUrl?: string) {
  let origins = [...granted];
  const scripts = new Map<string, Script>();
  const local: Record<string, unknown> = {};
  const api = {
    storage: {
      local: {
        get: (key: string) => Promise.resolve(key in local ? { [key]: local[key] } : {}),
        set: (items: Record<string, unknown>) => Promise.resolve(void Object.assign(local, items)),
      },
    },
    runtime: { getManifest: () => ({ host_permissions: ['https://*.matooma.com/*'] }) },
    // The active tab, its URL seen only where Twofold may see it (undefined otherwise).
    tabs: { query: () => Promise.resolve([{ id: 7, url: activeTabUrl }]) },
    permissions: {
      getAll: () => Promise.resolve({ origins: [...origins] }),
      remove: ({ origins: gone }: { origins: string[] }) => {
        origins = origins.filter((o) => !gone.includes(o));
        return Promise.resolve(true);
      },
    },
    scripting: {
      getRegisteredContentScripts: ({ ids }: { ids: string[] }) =>
        Promise.resolve(ids.flatMap((id) => (scripts.has(id) ? [scripts.get(id)!] : []))),
      registerContentScripts: (list: Script[]) => {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error('duplicate id');
          scripts.set(s.id, s);
        }
        return Promise.resolve();
      },
      updateContentScripts: (list: Script[]) => {
        for (const s of list) scripts.set(s.id, { ...scripts.get(s.id)!, ...s });
        return Promise.resolve();
      },
      unregisterContentScripts: ({ ids }: { ids: string[] }) => {
        ids.forEach((id) => scripts.delete(id));
        return Promise.resolve();
      },
    },
  };
  return {
    api: api as unknown as typeof extensionBrowser,
    scripts,
    grant: (o: string) => origins.push(o),
    local,
    raw: api,
  };
}

describe('site access', () => {
  it('lists only sites granted at run time, not the manifest preset', async () => {
    const { api } = fakeBrowser(['https://*.matooma.com/*', 'https://b.example/*', 'https://a.example/*']);
    expect(await enabledSitePatterns(api)).toEqual(['https://a.example/*', 'https://b.example/*']);
  });

  it('registers one persistent script for the enabled sites, updates it, and removes it when none is left', async () => {
    const fake = fakeBrowser(['https://*.matooma.com/*']);
    await syncSiteScripts(fake.api);
    expect(fake.scripts.size).toBe(0);

    fake.grant('https://a.example/*');
    await syncSiteScripts(fake.api);
    expect(fake.scripts.get(SITES_SCRIPT_ID)).toMatchObject({
      matches: ['https://a.example/*'],
      js: ['content-loader.js'],
      allFrames: true,
      persistAcrossSessions: true,
    });

    fake.grant('http://b.example:8080/*');
    await syncSiteScripts(fake.api);
    expect(fake.scripts.get(SITES_SCRIPT_ID)?.matches).toEqual([
      'http://b.example:8080/*',
      'https://a.example/*',
    ]);

    await fake.raw.permissions.remove({ origins: ['https://a.example/*', 'http://b.example:8080/*'] });
    await syncSiteScripts(fake.api);
    expect(fake.scripts.size).toBe(0);
  });
});

describe('noteGrantedOrigins: the origin a site was enabled from, as the Sites list names it', () => {
  it.each([
    ['a local port is kept', 'http://localhost:4100/login', 'http://localhost/*', 'http://localhost:4100'],
    [
      'a default https port is dropped',
      'https://bank.example:443/otp',
      'https://bank.example/*',
      'https://bank.example',
    ],
    ['a plain https site', 'https://bank.example/otp', 'https://bank.example/*', 'https://bank.example'],
    ['a host without a dot, with its port', 'http://nas:5000/', 'http://nas/*', 'http://nas:5000'],
    ['an intranet name', 'http://intranet/sign-in', 'http://intranet/*', 'http://intranet'],
  ])('%s: %s', async (_case, tabUrl, pattern, origin) => {
    const fake = fakeBrowser([pattern], tabUrl);
    await noteGrantedOrigins(fake.api, [pattern]);
    const remembered = fake.local[ENABLED_ORIGINS_KEY] as EnabledOrigins;
    expect(remembered).toEqual({ [pattern]: [origin] });
    expect(enabledSiteLabel(pattern, remembered)).toBe(origin);
    // Granted again from the same tab: still named once.
    await noteGrantedOrigins(fake.api, [pattern]);
    expect(fake.local[ENABLED_ORIGINS_KEY]).toEqual({ [pattern]: [origin] });
  });

  it.each([
    ['the active tab is another site', 'https://other.example/', 'https://bank.example/*'],
    ['the active tab cannot be seen', undefined, 'https://bank.example/*'],
    ['the active tab is not a web page', 'chrome://extensions/', 'https://bank.example/*'],
  ])('nothing is remembered when %s', async (_case, tabUrl, pattern) => {
    const fake = fakeBrowser([pattern], tabUrl);
    await noteGrantedOrigins(fake.api, [pattern]);
    expect(fake.local[ENABLED_ORIGINS_KEY]).toBeUndefined();
  });

  it('a second port of the same host joins the first', async () => {
    const fake = fakeBrowser(['http://localhost/*'], 'http://localhost:4100/');
    await noteGrantedOrigins(fake.api, ['http://localhost/*']);
    const other = fakeBrowser(['http://localhost/*'], 'http://localhost:5173/');
    Object.assign(other.local, fake.local);
    await noteGrantedOrigins(other.api, ['http://localhost/*']);
    expect(other.local[ENABLED_ORIGINS_KEY]).toEqual({
      'http://localhost/*': ['http://localhost:4100', 'http://localhost:5173'],
    });
  });
});
