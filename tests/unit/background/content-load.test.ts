import { afterEach, describe, expect, it } from 'vitest';
import { loadFeatures } from '../../../lib/background/content-load';

type Injection = { target: { tabId: number; frameIds?: number[] }; func?: () => unknown; files?: string[] };

/** scripting.executeScript for one frame, whose isolated world is this test's globalThis. */
function fakeScripting() {
  const files: Injection[] = [];
  return {
    files,
    scripting: {
      executeScript: async (injection: Injection) => {
        await Promise.resolve();
        if (injection.func) return [{ frameId: 0, result: injection.func() }];
        files.push(injection);
        return [{ frameId: 0, result: undefined }];
      },
    } as unknown as Parameters<typeof loadFeatures>[0],
  };
}

const world = globalThis as Record<string, unknown>;
afterEach(() => {
  delete world.__twofoldLoader;
  delete world.__twofoldFeatures;
});

describe('loadFeatures', () => {
  it('injects capture and autofill into the frame whose loader asked', async () => {
    world.__twofoldLoader = true;
    const { scripting, files } = fakeScripting();
    expect(await loadFeatures(scripting, { tabId: 4, frameId: 2 })).toBe(true);
    expect(files).toEqual([
      { target: { tabId: 4, frameIds: [2] }, files: ['/content-scripts/m2mmanager.js'] },
    ]);
  });

  it('injects them once, even when two requests cross', async () => {
    world.__twofoldLoader = true;
    const { scripting, files } = fakeScripting();
    const frame = { tabId: 4, frameId: 0 };
    const results = await Promise.all([loadFeatures(scripting, frame), loadFeatures(scripting, frame)]);
    expect(results.sort()).toEqual([false, true]);
    expect(await loadFeatures(scripting, frame)).toBe(false);
    expect(files).toHaveLength(1);
  });

  it('injects nothing into a frame where no loader runs (a site Twofold does not serve)', async () => {
    const { scripting, files } = fakeScripting();
    expect(await loadFeatures(scripting, { tabId: 4, frameId: 0 })).toBe(false);
    expect(files).toEqual([]);
  });
});
