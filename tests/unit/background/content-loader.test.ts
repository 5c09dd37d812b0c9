import { describe, expect, it, vi } from 'vitest';
import { FEATURES_FILE, loadFeatures } from '@/lib/background/content-loader';
import { classifySender } from '@/lib/background/sender';

const SELF = { id: 'twofold', baseUrl: 'chrome-extension://twofold/' };

function scripting() {
  const executeScript = vi.fn((_details: unknown) => Promise.resolve([]));
  return { browser: { scripting: { executeScript } } as never, executeScript };
}

describe('loadFeatures: capture and autofill go to the frame the browser names, nowhere else', () => {
  it.each([
    [
      'Chromium: exactly the sending document',
      { id: 'twofold', origin: 'https://m2m.matooma.com', frameId: 3, documentId: 'DOC', tab: { id: 7 } },
      { tabId: 7, documentIds: ['DOC'] },
    ],
    [
      'Firefox (no documentId): the sending frame',
      { id: 'twofold', origin: 'https://m2m.matooma.com', frameId: 3, tab: { id: 7 } },
      { tabId: 7, frameIds: [3] },
    ],
    [
      'the top frame',
      { id: 'twofold', origin: 'https://m2m.matooma.com', frameId: 0, tab: { id: 9 } },
      { tabId: 9, frameIds: [0] },
    ],
  ])('%s', async (_name, sender, target) => {
    const classified = classifySender(sender, SELF);
    if (classified.kind !== 'content-script') throw new Error(`refused: ${JSON.stringify(classified)}`);
    const { browser, executeScript } = scripting();
    await expect(loadFeatures(browser, classified)).resolves.toBe(true);
    expect(executeScript).toHaveBeenCalledExactlyOnceWith({ target, files: [FEATURES_FILE] });
  });

  it('fails (and the loader may ask again) when the browser refuses the injection', async () => {
    const { browser, executeScript } = scripting();
    executeScript.mockRejectedValueOnce(new Error('Frame with ID 3 was removed.'));
    await expect(loadFeatures(browser, { tabId: 7, frameId: 3 })).rejects.toThrow(/removed/);
  });
});
