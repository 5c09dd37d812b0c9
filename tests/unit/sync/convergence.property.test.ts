import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { devices, settle, view } from './devices';
import { typicalAccount } from './fake-sync';

type Step =
  | { op: 'add'; device: number }
  | { op: 'edit'; device: number; pick: number; label: string }
  | { op: 'delete'; device: number; pick: number }
  | { op: 'move'; device: number; pick: number; to: number }
  | { op: 'pin'; device: number; pick: number }
  | { op: 'sync'; device: number }
  | { op: 'deliver'; pick: number; twice: boolean }
  | { op: 'wait'; ms: number };

const device = fc.integer({ min: 0, max: 2 });
const pick = fc.nat(1000);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), device }),
  fc.record({ op: fc.constant('edit' as const), device, pick, label: fc.string({ maxLength: 12 }) }),
  fc.record({ op: fc.constant('delete' as const), device, pick }),
  fc.record({ op: fc.constant('move' as const), device, pick, to: pick }),
  fc.record({ op: fc.constant('pin' as const), device, pick }),
  fc.record({ op: fc.constant('sync' as const), device }),
  fc.record({ op: fc.constant('sync' as const), device }),
  fc.record({ op: fc.constant('deliver' as const), pick, twice: fc.boolean() }),
  fc.record({ op: fc.constant('deliver' as const), pick, twice: fc.boolean() }),
  fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: -2_000, max: 5_000 }) }),
);

describe('sync convergence (property)', () => {
  it('three computers with random edits and random delivery always converge, no add lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), async (steps) => {
        const clock = { now: Date.UTC(2026, 5, 1) };
        // Delivery is late, reordered and repeated, but each copy ends on the server's last write.
        const { network, devices: all } = await devices(3, clock, true);
        const added = new Set<string>();
        const deleted = new Set<string>();
        let n = 0;
        for (const s of steps) {
          const d = 'device' in s ? all[s.device]! : undefined;
          const list = d?.vault.accounts ?? [];
          const at = 'pick' in s && list.length ? s.pick % list.length : -1;
          switch (s.op) {
            case 'add': {
              const account = typicalAccount(n++, clock.now);
              added.add(account.id);
              d!.vault.accounts = [...list, account];
              break;
            }
            case 'edit':
              if (at >= 0) d!.vault.accounts = list.map((a, i) => (i === at ? { ...a, label: s.label } : a));
              break;
            case 'delete':
              if (at >= 0) {
                deleted.add(list[at]!.id);
                d!.vault.accounts = list.filter((_, i) => i !== at);
              }
              break;
            case 'move':
              if (at >= 0) {
                const rest = list.filter((_, i) => i !== at);
                rest.splice(s.to % (rest.length + 1), 0, list[at]!);
                d!.vault.accounts = rest;
              }
              break;
            case 'pin':
              if (at >= 0)
                d!.vault.accounts = list.map((a, i) => (i === at ? { ...a, pinned: !a.pinned } : a));
              break;
            case 'sync':
              await d!.engine.run();
              break;
            case 'deliver':
              if (network.inFlight.length) network.deliver(s.pick % network.inFlight.length, s.twice);
              break;
            case 'wait':
              clock.now += s.ms; // a physical clock may also step back
              break;
          }
        }
        await settle(network, all);
        const [first, ...others] = all.map((x) => view(x.vault));
        for (const other of others) expect(other).toEqual(first);
        const present = new Set(first!.map((a) => a.id));
        for (const id of added) if (!deleted.has(id)) expect(present.has(id)).toBe(true);
        for (const id of present) expect(added.has(id)).toBe(true);
      }),
      // Seed 1821311037 once failed here: a reordered first write stuck in one copy for good,
      // which the fake network allowed before it was told to keep the last write.
      { numRuns: 60 },
    );
  }, 120_000);
});
