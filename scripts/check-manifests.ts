/**
 * Checks the production manifests after `npm run zip` and `npm run zip:firefox`:
 * least privilege (no <all_urls>, host access limited to the preset), the
 * WebAssembly-only CSP, and a gecko id for Firefox. Exits non-zero on any breach.
 */
import { access, readFile } from 'node:fs/promises';
import { M2MMANAGER_PRESET } from '../lib/origins.ts';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string };
  browser_specific_settings?: { gecko?: { id?: string } };
  content_scripts?: { matches: string[] }[];
  storage?: { managed_schema?: string };
  key?: string;
}

const EXPECTED_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";
const problems: string[] = [];

// Edge's build is made by `npm run release` only; checked when it is there.
const edge = await access('.output/edge-mv3/manifest.json').then(
  () => ['.output/edge-mv3'],
  () => [],
);
for (const dir of ['.output/chrome-mv3', ...edge, '.output/firefox-mv3']) {
  const manifest = JSON.parse(await readFile(`${dir}/manifest.json`, 'utf8')) as Manifest;
  const check = (ok: boolean, what: string) => ok || problems.push(`${dir}: ${what}`);
  const text = JSON.stringify(manifest);
  check(!text.includes('<all_urls>'), 'asks for <all_urls>');
  check(
    JSON.stringify(manifest.host_permissions) === JSON.stringify(M2MMANAGER_PRESET),
    `host_permissions are ${JSON.stringify(manifest.host_permissions)}, not the preset`,
  );
  check(
    manifest.content_scripts?.every((cs) => cs.matches.every((m) => M2MMANAGER_PRESET.includes(m))) ?? true,
    'a content script matches more than the preset',
  );
  check(
    manifest.content_security_policy?.extension_pages === EXPECTED_CSP,
    'CSP is not the WebAssembly-only one',
  );
  check(!(manifest.permissions ?? []).some((p) => p === 'tabs' || p.includes('://')), 'broad permissions');
  // The pinned-ID key belongs to the policy-test build only: a release must keep its store ID.
  check(manifest.key === undefined, 'carries a manifest key (the policy-test build leaked)');
  if (!dir.includes('firefox')) {
    // Without the schema, Chrome and Edge give Twofold none of the organisation's policies.
    check(manifest.storage?.managed_schema === 'managed_schema.json', 'no storage.managed_schema');
  }
  if (dir.includes('firefox')) {
    check(Boolean(manifest.browser_specific_settings?.gecko?.id), 'no gecko id');
    // Firefox has no favicon cache for extensions: the permission would only be an unknown one.
    check(!(manifest.permissions ?? []).includes('favicon'), 'asks for the Chromium-only favicon permission');
  }
}

if (problems.length) {
  console.error(`Manifest check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('Manifests: least privilege, preset-only host access, WebAssembly-only CSP, gecko id: OK');
