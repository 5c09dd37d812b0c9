/**
 * Unlock in Chromium: the real "Unlock" (a `vault:unlock` round trip from an extension page to the
 * service worker: Argon2id in hash-wasm, unwrap, decrypt, session key) against PBKDF2-SHA256
 * 600 000 iterations run by WebCrypto inside the same service worker.
 */
import type { ExtensionBrowser } from '../e2e/fixtures/extension';
import type { Messenger } from './browser';
import { judge, stats, type Figure, type Progress } from './figures';
import { BENCH_PASSPHRASE, PBKDF2_ITERATIONS } from './vault-node';
import { DEFAULT_KDF } from '../../lib/vault/kdf';

export async function benchUnlockBrowser(
  twofold: ExtensionBrowser,
  messenger: Messenger,
  opts: { runs: number; onProgress?: Progress },
): Promise<Figure> {
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    await messenger.send('vault:lock');
    ours.push(await messenger.timed('vault:unlock', { passphrase: BENCH_PASSPHRASE }));
    base.push(
      await twofold.serviceWorker.evaluate(async (iterations) => {
        const t = performance.now();
        const material = await crypto.subtle.importKey(
          'raw',
          new TextEncoder().encode('bench otter sings at noon'),
          'PBKDF2',
          false,
          ['deriveBits'],
        );
        const salt = crypto.getRandomValues(new Uint8Array(16));
        await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256);
        return performance.now() - t;
      }, PBKDF2_ITERATIONS),
    );
    opts.onProgress?.(
      `unlock (Chromium) run ${i + 1}/${opts.runs}: ${ours.at(-1)!.toFixed(0)} ms, PBKDF2 in the worker ${base.at(-1)!.toFixed(0)} ms`,
    );
  }
  return judge({
    id: 'unlock-chromium',
    group: 'Unlock',
    name: `Unlock, Chromium (vault:unlock round trip: Argon2id m=${DEFAULT_KDF.memory / 1024} MiB, t=${DEFAULT_KDF.iterations}, p=${DEFAULT_KDF.parallelism})`,
    unit: 'ms',
    stats: stats(ours),
    baseline: {
      name: `PBKDF2-SHA256 ${PBKDF2_ITERATIONS / 1000}k iterations (WebCrypto, in the service worker)`,
      stats: stats(base),
    },
    notes:
      'Timed in the extension page around chrome.runtime.sendMessage: what the popup waits for after "Unlock".',
  });
}
