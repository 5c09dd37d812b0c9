import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { jsqrWithoutShiftJisTable } from './lib/build/jsqr';
import { minifyBuiltJson } from './lib/build/minify-json';
import { LOADER_FILE } from './lib/content-files';
import { m2mmanagerMatches } from './lib/origins';

// `--mode sandbox` builds for the local M2Mmanager sandbox (tests, `npm start`).
// Production builds match only the real platform unless TWOFOLD_EXTRA_ORIGINS says otherwise.
const SANDBOX_ORIGINS = 'http://m2mmanager.localhost/*';

function presetMatches(mode: string): string[] {
  const extra = [process.env.TWOFOLD_EXTRA_ORIGINS, mode === 'sandbox' ? SANDBOX_ORIGINS : '']
    .filter(Boolean)
    .join(',');
  return m2mmanagerMatches(extra);
}

// TWOFOLD_POLICY_TEST=1 (with `--mode sandbox`): the build the managed-policy e2e tests load. Its
// manifest `key` pins the extension ID the test policy file names, so no other build (and no
// other test) ever receives that policy; it goes to its own folder beside the normal e2e build.
const POLICY_TEST = process.env.TWOFOLD_POLICY_TEST === '1';
const policyTestKey = () => readFileSync('tests/e2e/policy/extension-key.txt', 'utf8').trim();

export default defineConfig({
  modules: ['@wxt-dev/i18n/module'],
  // Every UI string, typed and with plural forms; built into _locales/<lang>/messages.json.
  i18n: { localesDir: 'lib/i18n/locales' },
  // Explicit imports everywhere: what a file uses is written at its top.
  imports: false,
  outDirTemplate: `{{browser}}-mv{{manifestVersion}}{{modeSuffix}}${POLICY_TEST ? '-policy' : ''}`,
  // Before the zip: the built JSON files lose their indentation (lib/build/minify-json.ts).
  hooks: { 'build:done': (wxt) => minifyBuiltJson(wxt.config.outDir) },
  // The sources zip (sent to addons.mozilla.org with the Firefox zip) holds what the build reads and
  // nothing else, so unpacking it and running `npm ci && npm run zip:firefox` gives the same zip
  // (scripts/check-reproducible.ts proves it). `.nvmrc` names the Node version the build is made with.
  zip: {
    dotSources: true,
    includeSources: [
      '.nvmrc',
      'CHANGELOG.md',
      'CHANGELOG.fr.md',
      'LICENSE',
      'README.md',
      'components/**',
      'entrypoints/**',
      'lib/**',
      'package-lock.json',
      'package.json',
      'public/**',
      'tsconfig.json',
      'wxt.config.ts',
    ],
  },
  vite: (env) => {
    return {
      plugins: [preact(), jsqrWithoutShiftJisTable()],
      define: {
        // Read once at build time; lib/preset.ts exposes the resulting list.
        __TWOFOLD_M2M_MATCHES__: JSON.stringify(presetMatches(env.mode)),
        __TWOFOLD_SANDBOX__: JSON.stringify(env.mode === 'sandbox'),
      },
      build: { sourcemap: false },
    };
  },
  manifest: (env) => {
    const matches = presetMatches(env.mode);
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      action: { default_title: '__MSG_extName__' },
      // Changeable at the browser's shortcuts page (chrome://extensions/shortcuts, about:addons).
      commands: {
        // Fill the focused field with the site's code.
        'fill-code': {
          suggested_key: { default: 'Alt+Shift+O' },
          description: '__MSG_commandFillCode__',
        },
        // The in-page card's primary button, for keyboards a page's focus trap keeps from the card.
        'card-action': {
          suggested_key: { default: 'Alt+Shift+K' },
          description: '__MSG_commandCardAction__',
        },
        // Opens the toolbar popup.
        _execute_action: {
          suggested_key: { default: 'Alt+Shift+U' },
        },
      },
      permissions: [
        'storage',
        'activeTab',
        'scripting',
        'alarms',
        'idle',
        'contextMenus',
        // Chromium only: site icons from the browser's own favicon cache (Twofold fetches none).
        ...(env.browser === 'firefox' ? [] : ['favicon']),
      ],
      // The preset only: captureVisibleTab fallback and QR watching on the platform.
      host_permissions: matches,
      // The loader alone runs at page load; it brings capture and autofill in when it finds work.
      content_scripts: [{ matches, js: [LOADER_FILE], all_frames: true, run_at: 'document_idle' }],
      // Every other site is asked for at run time, one origin at a time.
      optional_host_permissions: ['https://*/*', 'http://*/*'],
      // Chrome and Edge serve an administrator's policy through storage.managed only when a
      // schema is declared; Firefox reads policies.json's 3rdparty section without one.
      ...(env.browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
      ...(POLICY_TEST && env.browser !== 'firefox' ? { key: policyTestKey() } : {}),
      content_security_policy: {
        extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
      },
      browser_specific_settings:
        env.browser === 'firefox'
          ? {
              gecko: {
                id: 'twofold@twofold.dev',
                strict_min_version: '140.0',
                // Twofold sends nothing anywhere: no data leaves the browser.
                data_collection_permissions: { required: ['none'] },
              },
              // Firefox for Android reads data_collection_permissions from 142 on.
              gecko_android: { strict_min_version: '142.0' },
            }
          : undefined,
    };
  },
});
