import { describe, expect, it } from 'vitest';
import type { browser as extensionBrowser } from 'wxt/browser';
import { enabledSitePatterns, SITES_SCRIPT_ID, syncSiteScripts } from '@/lib/background/site-access';

interface Script {
  id: string;
  matches?: string[];
  js?: string[];
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
}

/** The slice of the extension API site access uses, with the browser's bookkeeping. */
function fakeBrowser(granted: string[]) {
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
      js: ['content-scripts/m2mmanager.js'],
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
