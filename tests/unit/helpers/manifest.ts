import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * A minimal manifest for the fake browser. SiteIcon reads it when its module loads, so call this
 * before importing any popup component that draws rows.
 */
export function fakeManifest(): void {
  fakeBrowser.runtime.getManifest = () => ({
    manifest_version: 3,
    name: 'Twofold',
    version: '0',
    permissions: [],
  });
}
