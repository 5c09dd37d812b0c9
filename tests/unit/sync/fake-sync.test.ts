import { describe, expect, it } from 'vitest';
import { FakeSyncNetwork } from './fake-sync';

/** The fake must refuse what Chrome refuses, or the other sync tests prove nothing. */
describe('fake sync area', () => {
  it.each<[string, (set: (items: Record<string, unknown>) => Promise<void>) => Promise<void>, string]>([
    ['an item over 8,192 bytes', (set) => set({ big: 'x'.repeat(8_190) }), 'QUOTA_BYTES_PER_ITEM'],
    [
      'more than 102,400 bytes in all',
      async (set) => {
        for (let i = 0; i < 13; i++) await set({ [`k${i}`]: 'x'.repeat(8_000) });
      },
      'QUOTA_BYTES quota',
    ],
    [
      'more than 512 items',
      async (set) => {
        for (let i = 0; i < 5; i++) {
          await set(Object.fromEntries(Array.from({ length: 110 }, (_, j) => [`k${i}-${j}`, 1])));
        }
      },
      'MAX_ITEMS',
    ],
    [
      'more than 120 writes a minute',
      async (set) => {
        for (let i = 0; i < 121; i++) await set({ k: i });
      },
      'MAX_WRITE_OPERATIONS_PER_MINUTE',
    ],
  ])('refuses %s', async (_name, attempt, message) => {
    const area = new FakeSyncNetwork().area();
    await expect(attempt((items) => area.set(items))).rejects.toThrow(message);
  });

  it('refuses more than 1,800 writes an hour', async () => {
    const network = new FakeSyncNetwork({ now: 0 });
    const area = network.area();
    for (let i = 0; i < 1_800; i++) {
      network.clock.now += 1_900; // under 120 a minute
      await area.set({ k: i });
    }
    network.clock.now += 1_900; // under 120 a minute
    await expect(area.set({ k: 0 })).rejects.toThrow('MAX_WRITE_OPERATIONS_PER_HOUR');
  });

  it('delivers to the other computers late, out of order and twice, as the test chooses', async () => {
    const network = new FakeSyncNetwork();
    const [a, b] = [network.area(), network.area()];
    await a.set({ k: 1 });
    await a.set({ k: 2 });
    expect(b.data.get('k')).toBeUndefined(); // late
    network.deliver(1, true); // the newer first, and kept to deliver again
    network.deliver(0); // then the older
    expect(b.data.get('k')).toBe(1);
    network.deliver(0); // the newer, a second time
    expect(b.data.get('k')).toBe(2);
  });
});
