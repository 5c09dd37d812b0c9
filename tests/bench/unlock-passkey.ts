/**
 * Unlock with a passkey against unlock with the passphrase, in the same run and through the same
 * popup: from the click on "Unlock with passkey" (WebAuthn ceremony with PRF on a DevTools
 * virtual authenticator, HKDF in the page, ECDH + AES-GCM unwrap in the worker) or on "Unlock"
 * (Argon2id in the worker) to the unlocked popup.
 */
import type { ExtensionBrowser } from '../e2e/fixtures/extension';
import { VirtualAuthenticators } from '../e2e/pages/virtual-authenticator';
import { judge, stats, type Figure, type Progress } from './figures';
import { BENCH_PASSPHRASE } from './vault-node';

export async function benchUnlockPasskey(
  twofold: ExtensionBrowser,
  opts: { runs: number; onProgress?: Progress },
): Promise<Figure> {
  const page = await twofold.context.newPage();
  const authenticators = await VirtualAuthenticators.attach(page);
  await authenticators.add({ transport: 'internal' });
  const send = (type: string, data?: unknown) =>
    page.evaluate(
      ([t, d]) =>
        chrome.runtime.sendMessage({
          id: Math.floor(Math.random() * 1e9),
          type: t,
          data: d,
          timestamp: Date.now(),
        }),
      [type, data] as const,
    );
  await page.goto(twofold.extensionUrl('options.html'));
  await send('vault:unlock', { passphrase: BENCH_PASSPHRASE });
  await page.reload();
  await page.getByLabel('Passkey name').fill('Bench');
  await page.getByRole('button', { name: 'Set up passkey unlock' }).click();
  await page.getByText('Passkey “Bench” added.').waitFor({ timeout: 30_000 });

  const lockButton = page.getByRole('button', { name: 'Lock', exact: true });
  const timeUnlock = async (unlock: () => Promise<void>, prepare?: () => Promise<void>): Promise<number> => {
    await send('vault:lock');
    await page.goto(twofold.extensionUrl('popup.html'));
    await page.getByRole('button', { name: 'Unlock with passkey' }).waitFor();
    await prepare?.();
    const t = performance.now();
    await unlock();
    await lockButton.waitFor({ timeout: 30_000 });
    return performance.now() - t;
  };
  const passkey: number[] = [];
  const passphrase: number[] = [];
  try {
    for (let i = 0; i < opts.runs; i++) {
      passkey.push(await timeUnlock(() => page.getByRole('button', { name: 'Unlock with passkey' }).click()));
      passphrase.push(
        await timeUnlock(
          () => page.getByRole('button', { name: 'Unlock', exact: true }).click(),
          async () => {
            await page.getByRole('button', { name: 'Use passphrase instead' }).click();
            await page.getByLabel('Passphrase', { exact: true }).fill(BENCH_PASSPHRASE);
          },
        ),
      );
      opts.onProgress?.(
        `unlock with passkey run ${i + 1}/${opts.runs}: ${passkey.at(-1)!.toFixed(0)} ms, passphrase ${passphrase.at(-1)!.toFixed(0)} ms`,
      );
    }
  } finally {
    // Later benchmarks lock and unlock with the passphrase only.
    const options = (await send('passkey:options')) as { res?: { credentials: { credentialId: string }[] } };
    for (const { credentialId } of options.res?.credentials ?? [])
      await send('passkey:remove', { credentialId });
    await page.close();
  }
  return judge({
    id: 'unlock-passkey-chromium',
    group: 'Unlock',
    name: 'Unlock with passkey, Chromium popup (WebAuthn PRF ceremony + HKDF + ECDH/AES-GCM unwrap)',
    unit: 'ms',
    stats: stats(passkey),
    baseline: {
      name: 'Unlock with the passphrase, same popup (Argon2id as configured), same run',
      stats: stats(passphrase),
    },
    notes:
      'Click to unlocked popup, timed by Playwright around the clicks; the passphrase run starts at the click on "Unlock", the passphrase already typed. DevTools virtual authenticator (internal, PRF, user verified): a real authenticator adds the time the user takes to touch it.',
  });
}
