/**
 * A deterministic model check of sync convergence: 2–4 computers run random interleavings of
 * every operation (add, replace a key, undo it, rename, pin, reorder, set or clear the website,
 * delete, restore of a deleted account (under a new id), HOTP use, a passphrase change (a new data
 * key and epoch, as the settings make one: the other computers stop on "key changed" until a
 * later step gives them the new passphrase), lock and unlock, long offline periods, duplicated,
 * late and reordered delivery, service-worker restarts, quota errors) with the real engine,
 * merge, codec, records and header functions and the popup's own account functions, over the
 * fake sync network. After settling (every computer given the newest passphrase) it checks:
 * every computer equal; no key that was ever current lost (but one the 30-day rule of
 * `keepPreviousKeys` let go); no HOTP counter back; nothing deleted back unless it holds a key
 * its deletes never saw.
 *
 * Everything that decides an outcome comes from the seed (the computers' clock ids too), so a
 * failing seed replays: `MODEL_SEED=<seed> npx vitest run tests/unit/sync/model-check.test.ts`
 * or `npm run bench:model -- --seed <seed>`.
 */
import { replaceKey, restorePreviousKey, reorderAccounts } from '@/lib/background/accounts';
import type { OtpAccount, StoredAccount } from '@/lib/otp/account';
import { SyncEngine, type SyncState } from '@/lib/sync/engine';
import { changedHeader, createHeader, openChangedHeader, type SyncHeader } from '@/lib/sync/header';
import { keyIdentity, keysOf } from '@/lib/sync/merge';
import { HEADER_KEY } from '@/lib/sync/pack';
import { MAX_PREVIOUS_KEYS, PREVIOUS_KEY_RETENTION_MS } from '@/lib/sync/previous-keys';
import { canonicalJson } from '@/lib/sync/quota';
import { randomBytes } from '@/lib/bytes';
import { FAST_KDF } from '../helpers/vault-fixtures';
import { FakeSyncNetwork, MemoryState, MemoryVault, type FakeSyncArea } from './fake-sync';
// The same small seeded generator the QR corpus uses: one history per seed, on every machine.
import { prng } from '../../corpus/qr/image';

const MINUTE = 60_000;
const DAY = 24 * 3600_000;
/**
 * Replacements per account in one history: past the 5 newest kept whatever their age, so the
 * 30-day rule (`keepPreviousKeys`) decides which stay, as it does for the popup and the merge.
 */
const MAX_REPLACEMENTS = 9;
const PASSPHRASE = 'model check';

export interface HistoryResult {
  seed: number;
  computers: number;
  steps: number;
  keysLost: number;
  countersBack: number;
  divergent: number;
  revived: number;
  /** The most key replacements one account saw. */
  mostReplacements: number;
  /** Data key changes made (each stopped the other computers until they took the new passphrase). */
  keyChanges: number;
  /** Times a stopped computer took the new passphrase and synced again. */
  rejoined: number;
  /** Keys let go by the 30-day rule (beyond the 5 newest): not lost. */
  agedOut: number;
  /** What went wrong, for the report (never a secret: key numbers only). */
  problems: string[];
}

/** Wraps a computer's sync area to fail the next write as the browser does when over quota. */
class FlakyArea {
  failNext = false;
  constructor(readonly inner: FakeSyncArea) {}
  get(_keys: null) {
    return this.inner.get();
  }
  async set(items: Record<string, unknown>) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('QUOTA_BYTES quota exceeded');
    }
    await this.inner.set(items);
  }
  remove(keys: string[]) {
    return this.inner.remove(keys);
  }
}

interface Computer {
  area: FlakyArea;
  /** The data key this computer's vault and sync use. */
  dek: Uint8Array<ArrayBuffer>;
  /** Sync stopped: the data key changed elsewhere; the new passphrase was not given here yet. */
  stopped: boolean;
  vault: MemoryVault;
  state: MemoryState;
  engine: SyncEngine;
  locked: boolean;
  /** Steps left offline: it neither syncs nor receives. */
  offline: number;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export async function runHistory(seed: number, options: { steps?: number } = {}): Promise<HistoryResult> {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const clock = { now: Date.UTC(2026, 5, 1) + int(DAY) };
  const start = clock.now;
  const network = new FakeSyncNetwork(clock, true);
  const dek = randomBytes(32);
  const header: SyncHeader = await createHeader({
    dek,
    passphrase: PASSPHRASE,
    vaultId: 'vault-m',
    epoch: 1,
    rev: 1,
    kdf: FAST_KDF,
  });
  const count = 2 + int(3);
  const computers: Computer[] = [];
  const engineOf = (c: Omit<Computer, 'engine'>) =>
    new SyncEngine({ area: c.area, vault: c.vault, state: c.state, dek: c.dek, now: () => clock.now });
  /** Each header's passphrase (by its check), as the user who changed it knows it. */
  const passphrases = new Map([[header.check, PASSPHRASE]]);
  for (let i = 0; i < count; i++) {
    const device = Array.from({ length: 4 }, () => BASE32[int(32)]!.toUpperCase()).join('');
    const state: SyncState = {
      device: device.replace(/[^A-Za-z0-9]/g, 'A'),
      header,
      records: {},
      purged: [],
    };
    const base = {
      area: new FlakyArea(network.area()),
      vault: new MemoryVault(),
      state: new MemoryState(state),
      dek,
      stopped: false,
      locked: false,
      offline: 0,
    };
    computers.push({ ...base, engine: engineOf(base) });
  }

  // What the model remembers to judge the end state.
  let serial = 0;
  let keySerial = 0;
  const everCurrent = new Map<string, Set<string>>(); // account id → key identities ever current
  const counters = new Map<string, number>(); // account id + key → highest counter seen
  const deletedKnowing = new Map<string, Set<string>>(); // account id → keys its deletes saw
  const replacements = new Map<string, number>();
  const replacedAt = new Map<string, number>(); // account id + key → latest replacement seen
  let keyChanges = 0;
  let rejoined = 0;
  const problems: string[] = [];
  // Recently deleted accounts per computer (its own deletes), restored under a new id as the popup's
  // Undo does; drawn from their own stream, so the other steps of a seed stay as they were.
  const trash = new Map<Computer, StoredAccount[]>();
  const restoreDraw = prng(seed ^ 0x7e57);

  const newKey = (): OtpAccount => {
    const n = keySerial++;
    const kind = int(3);
    const secret =
      Array.from({ length: 32 }, (_, i) => BASE32[(n * 7 + i * (n + 3)) % 32]!).join('') + BASE32[n % 32]!;
    if (kind === 2)
      return {
        type: 'totp',
        issuer: '',
        label: '',
        secret,
        algorithm: 'SHA1',
        digits: 5,
        period: 30,
        counter: 0,
        encoder: 'steam',
      };
    return {
      type: kind === 1 ? 'hotp' : 'totp',
      issuer: '',
      label: '',
      secret,
      algorithm: (['SHA1', 'SHA256', 'SHA512'] as const)[int(3)]!,
      digits: 6 + int(3),
      period: [30, 60][int(2)]!,
      counter: kind === 1 ? int(20) : 0,
    };
  };

  const observe = (c: Computer) => {
    for (const a of c.vault.accounts) {
      let set = everCurrent.get(a.id);
      if (!set) everCurrent.set(a.id, (set = new Set()));
      set.add(keyIdentity(a));
      for (const key of keysOf(a)) {
        const id = `${a.id}|${keyIdentity(key)}`;
        counters.set(id, Math.max(counters.get(id) ?? 0, key.counter));
      }
      for (const key of a.previousKeys ?? []) {
        const id = `${a.id}|${keyIdentity(key)}`;
        replacedAt.set(id, Math.max(replacedAt.get(id) ?? 0, key.replacedAt));
      }
    }
  };

  const sync = async (c: Computer) => {
    if (c.locked || c.offline > 0) return;
    try {
      // The settings show "key changed" and ask for the new passphrase; until then nothing syncs.
      if ((await c.engine.run()).status === 'key-changed') c.stopped = true;
    } catch {
      // A quota error or a vault that kept changing: the next run catches up.
    }
    observe(c);
  };

  /**
   * The user types the new passphrase in this computer's settings (SyncService.useNewPassphrase):
   * the header its sync space holds, opened with it, gives the new data key, and sync resumes.
   */
  const takeNewPassphrase = async (c: Computer) => {
    const stored = (await c.area.get(null))[HEADER_KEY] as SyncHeader | undefined;
    const state = c.state.state!;
    const passphrase = stored && passphrases.get(stored.check);
    const opened = passphrase && (await openChangedHeader(stored, state.header.vaultId, passphrase));
    if (!opened) return;
    c.state.state = { ...state, header: opened.header, localRev: opened.header.rev };
    c.dek = opened.dek;
    c.engine = engineOf(c);
    c.stopped = false;
    rejoined++;
  };

  const notes: Promise<void>[] = [];
  const steps = options.steps ?? 20 + int(40);
  for (let s = 0; s < steps; s++) {
    const c = computers[int(count)]!;
    const list = c.vault.accounts;
    const at = list.length ? int(list.length) : -1;
    const target = at >= 0 ? list[at]! : undefined;
    const canEdit = !c.locked;
    const set = (next: StoredAccount[]) => {
      c.vault.accounts = next;
      observe(c);
      // As the vault's write path does: sync notes what every local save holds.
      notes.push(c.engine.noteLocal(next));
    };
    const update = (change: (a: StoredAccount) => StoredAccount | undefined) => {
      if (!target || !canEdit) return;
      const changed = change(target);
      if (changed) set(list.map((a, i) => (i === at ? changed : a)));
    };
    const held = trash.get(c) ?? [];
    if (canEdit && held.length && restoreDraw() < 0.25) {
      const [back, ...rest] = held;
      trash.set(c, rest);
      const id = `5f0c2a1e-8b3d-4c7a-9e21-${(serial++).toString(16).padStart(12, '0')}`;
      set([...list, { ...back!, id, updatedAt: clock.now }]);
      continue;
    }
    const roll = int(100);
    if (process.env.MODEL_DEBUG)
      console.log(
        `step ${s} computer ${computers.indexOf(c)} roll ${roll} t=${clock.now}`,
        JSON.stringify(
          c.vault.accounts.map((a) => [
            a.id.slice(-2),
            a.secret.slice(0, 4),
            a.counter,
            (a.previousKeys ?? []).map((k) => k.secret.slice(0, 4) + ':' + k.counter),
          ]),
        ),
      );
    if (roll < 8) {
      if (canEdit) {
        const key = newKey();
        const id = `5f0c2a1e-8b3d-4c7a-9e21-${(serial++).toString(16).padStart(12, '0')}`;
        set([
          ...list,
          {
            ...key,
            id,
            issuer: 'Issuer',
            label: `user${serial}`,
            createdAt: clock.now,
            updatedAt: clock.now,
          },
        ]);
      }
    } else if (roll < 15) {
      if (target && canEdit) {
        // A site re-enrolled, sometimes several times over days: past 5 replacements, the
        // 30-day rule decides which replaced keys stay.
        let account = target;
        for (let n = 1 + int(3); n > 0 && (replacements.get(target.id) ?? 0) < MAX_REPLACEMENTS; n--) {
          replacements.set(target.id, (replacements.get(target.id) ?? 0) + 1);
          account = replaceKey(account, newKey(), clock.now);
          // Days apart, within the 90 days a tombstone is kept (a computer away longer is beyond
          // what sync promises).
          const days = int(2) * int(12);
          if (clock.now + days * DAY < start + 60 * DAY) clock.now += days * DAY;
        }
        update(() => account);
      }
    } else if (roll < 19) update((a) => restorePreviousKey(a, clock.now));
    else if (roll < 23) update((a) => ({ ...a, label: `renamed ${int(1000)}`, updatedAt: clock.now }));
    else if (roll < 26) update((a) => ({ ...a, pinned: !a.pinned, updatedAt: clock.now }));
    else if (roll < 29) {
      if (target && canEdit) {
        const ids = list.map((a) => a.id).filter((id) => id !== target.id);
        ids.splice(int(ids.length + 1), 0, target.id);
        set(reorderAccounts(list, ids));
      }
    } else if (roll < 32)
      update(({ origin: _o, ...a }) =>
        int(2)
          ? { ...a, origin: `https://site${int(5)}.example`, updatedAt: clock.now }
          : { ...a, updatedAt: clock.now },
      );
    else if (roll < 36) {
      if (target && canEdit) {
        let seen = deletedKnowing.get(target.id);
        if (!seen) deletedKnowing.set(target.id, (seen = new Set()));
        for (const key of keysOf(target)) seen.add(keyIdentity(key));
        trash.set(c, [target, ...(trash.get(c) ?? [])]);
        set(list.filter((_, i) => i !== at));
      }
    } else if (roll < 42)
      update((a) => (a.type === 'hotp' ? { ...a, counter: a.counter + 1, updatedAt: clock.now } : undefined));
    else if (roll < 60) await sync(c);
    else if (roll < 74) {
      const deliverable = network.inFlight.map((m, i) => [m, i] as const).filter(([m]) => !offlineArea(m.to));
      const pick = deliverable[int(deliverable.length)];
      if (pick) network.deliver(pick[1], int(4) === 0); // late, out of order, sometimes twice
    } else if (roll < 80)
      clock.now += int(2) ? int(10_000) - 2_000 : int(30) * MINUTE; // clocks may step back
    else if (roll < 83) {
      c.offline = 3 + int(10);
      clock.now += (1 + int(12)) * DAY; // a long time away
    } else if (roll < 87) c.locked = !c.locked;
    else if (roll < 90) {
      // The service worker restarts: a new engine from what storage holds.
      c.engine = engineOf(c);
    } else if (roll < 93) c.area.failNext = true;
    else if (roll < 94 && c === computers[0] && !c.locked) {
      // A passphrase change on one computer, as the settings make it: a new data key, the next
      // epoch, the records resealed by its next run (SyncService.onPassphraseChanged).
      const before = c.dek;
      const passphrase = `${PASSPHRASE} ${s}`;
      c.dek = randomBytes(32);
      const state = c.state.state!;
      const header = await changedHeader(state.header, { dek: c.dek, before, passphrase, kdf: FAST_KDF });
      passphrases.set(header.check, passphrase);
      c.state.state = { ...state, header, localRev: header.rev };
      c.engine = engineOf(c);
      keyChanges++;
    } else if (roll < 97 && c.stopped && !c.locked) {
      await takeNewPassphrase(c);
      await sync(c);
    } else await sync(c);
    await Promise.all(notes.splice(0));
    for (const x of computers) if (x.offline > 0) x.offline--;
  }

  function offlineArea(area: FakeSyncArea): boolean {
    return computers.some((x) => x.area.inner === area && x.offline > 0);
  }

  // Settle: everyone back, unlocked, every message delivered, runs until nobody writes.
  for (const c of computers) Object.assign(c, { offline: 0, locked: false });
  let settled = false;
  for (let round = 0; round < 30 && !settled; round++) {
    clock.now += 2 * MINUTE; // past the per-minute write budget
    network.deliverAll();
    let writes = 0;
    for (const c of computers) {
      if (process.env.MODEL_DEBUG)
        console.log(
          `settle ${round} computer ${computers.indexOf(c)}`,
          JSON.stringify(
            c.vault.accounts.map((a) => [
              a.id.slice(-2),
              a.secret.slice(0, 4),
              a.counter,
              (a.previousKeys ?? []).map((k) => k.secret.slice(0, 4) + ':' + k.counter),
            ]),
          ),
        );
      try {
        // The user gives the new passphrase on every computer that stopped for it.
        if (c.stopped) await takeNewPassphrase(c);
        const report = await c.engine.run();
        if (report.status === 'key-changed') {
          c.stopped = true;
          writes++;
        }
        if (process.env.MODEL_DEBUG)
          console.log(JSON.stringify(report), JSON.stringify(c.state.state?.records), [
            ...c.area.inner.data.keys(),
          ]);
        writes += report.writes;
      } catch (error) {
        writes++;
        if (round > 25) problems.push(`run failed: ${String(error)}`);
      }
      observe(c);
    }
    settled = writes === 0 && network.inFlight.length === 0;
  }

  const view = (c: Computer) => canonicalJson(c.vault.accounts.map(({ updatedAt: _u, ...a }) => a));
  const first = computers[0]!;
  const divergent = settled && computers.every((c) => view(c) === view(first)) ? 0 : 1;
  if (divergent) problems.push(settled ? 'computers differ after settling' : 'did not settle');
  if (divergent && process.env.MODEL_DEBUG) for (const c of computers) console.log(view(c));

  let keysLost = 0;
  let countersBack = 0;
  let revived = 0;
  let agedOut = 0;
  const final = new Map(first.vault.accounts.map((a) => [a.id, a]));
  for (const [id, keys] of everCurrent) {
    const account = final.get(id);
    const held = new Set(account ? keysOf(account).map((k) => keyIdentity(k)) : []);
    const seenByDelete = deletedKnowing.get(id) ?? new Set<string>();
    for (const key of keys) {
      // A key the user deleted with its account is gone on purpose, even when the account came
      // back for another key its delete never saw.
      if (held.has(key) || seenByDelete.has(key)) continue;
      // Let go by the rule every computer follows: beyond the 5 newest, replaced more than 30
      // days before the newest replacement. Judged on every replacement seen, not on the end
      // state: an undo since may have made the newest replaced key current again.
      const at = replacedAt.get(`${id}|${key}`);
      const later = [...replacedAt]
        .filter(
          ([k, when]) => k.startsWith(`${id}|`) && k !== `${id}|${key}` && at !== undefined && when >= at,
        )
        .map(([, when]) => when);
      if (
        at !== undefined &&
        later.length >= MAX_PREVIOUS_KEYS &&
        at < Math.max(...later) - PREVIOUS_KEY_RETENTION_MS
      ) {
        agedOut++;
        continue;
      }
      keysLost++;
      problems.push(`account ${id.slice(-4)}: a key that was current is lost`);
      if (process.env.MODEL_DEBUG) console.log('lost', key, account, [...seenByDelete]);
    }
    if (account && deletedKnowing.has(id) && [...held].every((k) => seenByDelete.has(k))) {
      revived++;
      problems.push(`account ${id.slice(-4)}: deleted, came back holding no key its deletes missed`);
    }
    if (account)
      for (const key of keysOf(account)) {
        const highest = counters.get(`${id}|${keyIdentity(key)}`) ?? 0;
        if (key.counter < highest) {
          countersBack++;
          problems.push(`account ${id.slice(-4)}: HOTP counter back from ${highest} to ${key.counter}`);
        }
      }
  }
  const mostReplacements = Math.max(0, ...replacements.values());
  return {
    seed,
    computers: count,
    steps,
    keysLost,
    countersBack,
    divergent,
    revived,
    mostReplacements,
    keyChanges,
    rejoined,
    agedOut,
    problems,
  };
}

export interface ModelSummary {
  histories: number;
  keysLost: number;
  countersBack: number;
  divergent: number;
  revived: number;
  /** The most key replacements one account saw, over all histories. */
  mostReplacements: number;
  /** Histories with a data key change, and those where a computer stopped for it then rejoined. */
  keyChanges: number;
  rejoined: number;
  agedOut: number;
  failures: HistoryResult[];
}

/**
 * Runs `histories` seeds from `firstSeed`; failing ones are kept (with their seed) for replay.
 * `onHistory` hears each result and how many have run (the bench's progress).
 */
export async function modelCheck(
  histories: number,
  firstSeed = 1,
  onHistory?: (result: HistoryResult, done: number) => void,
): Promise<ModelSummary> {
  const summary: ModelSummary = {
    histories,
    keysLost: 0,
    countersBack: 0,
    divergent: 0,
    revived: 0,
    mostReplacements: 0,
    keyChanges: 0,
    rejoined: 0,
    agedOut: 0,
    failures: [],
  };
  for (let seed = firstSeed; seed < firstSeed + histories; seed++) {
    const result = await runHistory(seed);
    summary.keysLost += result.keysLost;
    summary.countersBack += result.countersBack;
    summary.divergent += result.divergent;
    summary.revived += result.revived;
    summary.mostReplacements = Math.max(summary.mostReplacements, result.mostReplacements);
    if (result.keyChanges) summary.keyChanges++;
    if (result.rejoined) summary.rejoined++;
    summary.agedOut += result.agedOut;
    if (result.problems.length) summary.failures.push(result);
    onHistory?.(result, seed - firstSeed + 1);
  }
  return summary;
}

/** The line docs/BENCHMARKS.md carries. */
export function modelLine(summary: ModelSummary): string {
  return `sync model check: ${summary.histories.toLocaleString('en-US')} histories, ${summary.keysLost} keys lost, ${summary.countersBack} counters back, ${summary.divergent} divergent`;
}
