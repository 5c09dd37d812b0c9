/**
 * `npm run bench:sync`: figures of end-to-end encrypted sync.
 *   - bytes in the browser's sync space per typical account, and for 500 accounts (Node, the
 *     real engine and codec over a fake sync area that enforces Chrome's quotas);
 *   - write operations per change (add, edit, delete, reorder);
 *   - time from a change in one Chromium profile to its appearance in the other, through the
 *     test relay (needs `npm run build:e2e` first). `--node-only` skips the browsers.
 */
import { SyncRelay } from '../e2e/fixtures/sync-relay';
import { ExtensionBrowser } from '../e2e/fixtures/extension';
import { sendFromPage } from '../e2e/pages/options-page';
import { PopupPage } from '../e2e/pages/popup-page';
import { SYNC_QUOTA } from '../../lib/sync/quota';
import { devices } from '../unit/sync/devices';
import { typicalAccount } from '../unit/sync/fake-sync';

const nodeOnly = process.argv.includes('--node-only');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function spaceAndWrites(): Promise<void> {
  const { devices: all, network } = await devices(2);
  const [a, b] = all as [NonNullable<(typeof all)[0]>, NonNullable<(typeof all)[0]>];
  a.vault.accounts = [typicalAccount(0)];
  const one = await a.engine.run();
  a.vault.accounts = Array.from({ length: 500 }, (_, i) => typicalAccount(i));
  const full = await a.engine.run();
  console.log(`bytes, 1 account (with header):  ${one.bytes}`);
  console.log(
    `bytes, 500 accounts:              ${full.bytes} (${((full.bytes / SYNC_QUOTA.totalBytes) * 100).toFixed(1)} % of ${SYNC_QUOTA.totalBytes})`,
  );
  console.log(`bytes per account:                ${((full.bytes - one.bytes) / 499).toFixed(1)}`);
  network.deliverAll();
  await b.engine.run();
  const changes: [string, () => void][] = [
    ['add', () => (a.vault.accounts = [...a.vault.accounts, typicalAccount(1000)])],
    [
      'edit',
      () => (a.vault.accounts = a.vault.accounts.map((x, i) => (i === 7 ? { ...x, label: 'renamed' } : x))),
    ],
    ['delete', () => (a.vault.accounts = a.vault.accounts.filter((_, i) => i !== 9))],
    [
      'move one',
      () => (a.vault.accounts = [a.vault.accounts[300]!, ...a.vault.accounts.filter((_, i) => i !== 300)]),
    ],
  ];
  for (const [name, change] of changes) {
    change();
    const sent = await a.engine.run();
    network.deliverAll();
    const received = await b.engine.run();
    console.log(
      `${name.padEnd(9)} writes on the changing computer: ${sent.writes}, records sealed: ${sent.sent}; writes on the receiver: ${received.writes}`,
    );
  }
}

async function relayLatency(runs = 5): Promise<void> {
  const pass = 'purple otter sings at noon';
  const office = await ExtensionBrowser.launch();
  const laptop = await ExtensionBrowser.launch();
  try {
    await new PopupPage(await office.openPopup()).createVault(pass);
    const p1 = await office.openOptions();
    const p2 = await laptop.openOptions();
    await sendFromPage(p1, 'sync:enable', { passphrase: pass });
    const relay = new SyncRelay([p1, p2]).start(50);
    for (
      let i = 0;
      i < 100 && !(await sendFromPage<{ syncedVault: boolean }>(p2, 'sync:status')).syncedVault;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await sendFromPage(p2, 'sync:enable', { passphrase: pass });
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const label = `bench${i}@example.com`;
      const start = performance.now();
      await sendFromPage(p1, 'accounts:addUri', {
        uri: `otpauth://totp/Bench:${label}?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PX${'ABCDEFGH'[i]}&issuer=Bench`,
      });
      for (;;) {
        const list = await sendFromPage<{ label: string }[]>(p2, 'accounts:list');
        if (list.some((a) => a.label === label)) break;
        if (performance.now() - start > 30_000) throw new Error('the change never arrived');
        await new Promise((r) => setTimeout(r, 25));
      }
      times.push(performance.now() - start);
    }
    await relay.stop();
    console.log(
      `change in profile 1 -> visible in profile 2 (relay every 50 ms): median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)} (${runs} runs; includes the 2 s debounce of local saves)`,
    );
  } finally {
    await office.close();
    await laptop.close();
  }
}

await spaceAndWrites();
if (!nodeOnly) await relayLatency();
