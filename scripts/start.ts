/**
 * `npm start`: build Twofold for the sandbox, serve the M2Mmanager sandbox, and
 * open Chromium with the extension on its login page.
 *   npm start                 a browser window (needs a display)
 *   npm start -- --headless   no window: loads the extension, checks it runs, saves a screenshot
 *   npm start -- --port N     sandbox port (default 4100)
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startSandbox } from '../tests/sandbox/server.ts';
import { chromiumExecutable, launchOptions } from '../tests/e2e/fixtures/chromium.ts';

const args = process.argv.slice(2);
const headless = args.includes('--headless');
const portArg = args[args.indexOf('--port') + 1];
const port = args.includes('--port') ? Number(portArg) : 4100;
const extensionDir = resolve('.output/chrome-mv3-sandbox');
const profileDir = resolve('.output/start-profile');

console.log('Building Twofold for the sandbox…');
const build = spawnSync('npx', ['wxt', 'build', '--mode', 'sandbox'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const sandbox = await startSandbox({ port });
console.log(`\nM2Mmanager sandbox: ${sandbox.url}`);
for (const user of sandbox.users) console.log(`  ${user.email}  password: ${user.password}`);

if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`
No display found, so no browser window can open here. The sandbox keeps running.
  - Run \`npm start -- --headless\` to load Twofold in headless Chromium and check it starts.
  - Or load the extension yourself: chrome://extensions → Developer mode → Load unpacked →
    ${extensionDir}
    then open ${sandbox.url}
Press Ctrl-C to stop.`);
} else {
  if (!chromiumExecutable()) {
    console.log(
      'No system Chromium found (set CHROMIUM_PATH, or `apt-get install chromium`); trying Playwright’s own.',
    );
  }
  await mkdir(profileDir, { recursive: true });
  const options = launchOptions([
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ]);
  const context = await chromium.launchPersistentContext(profileDir, {
    ...options,
    headless,
    viewport: null,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(sandbox.url);
  console.log(`\nTwofold loaded (${new URL(worker.url()).host}) on ${sandbox.url}`);
  if (headless) {
    const shot = resolve('.output/start.png');
    await page.screenshot({ path: shot });
    console.log(`Headless check done: the login page is at ${shot}. Press Ctrl-C to stop the sandbox.`);
    await context.close();
  } else {
    console.log('Close the browser window (or press Ctrl-C) to stop.');
    context.on('close', () => void sandbox.close().then(() => process.exit(0)));
  }
}

const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
