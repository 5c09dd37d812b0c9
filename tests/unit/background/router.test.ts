import { describe, expect, it } from 'vitest';
import { createRouter, RefusedSenderError } from '@/lib/background/router';
import { TwofoldError } from '@/lib/errors';

const SELF = { id: 'twofold', baseUrl: 'chrome-extension://twofold/' };
const PAGE = { id: 'twofold', url: 'chrome-extension://twofold/popup.html' };
const CONTENT = {
  id: 'twofold',
  url: 'https://m2m.matooma.com/',
  origin: 'https://m2m.matooma.com',
  tab: { id: 3 },
  frameId: 0,
};

type Listener = (message: { data: unknown; sender: unknown }) => Promise<unknown>;

/** A router over a fake `onMessage` that records each listener by message type. */
function routerWithListeners() {
  const listeners = new Map<string, Listener>();
  let pageMessages = 0;
  const router = createRouter({
    self: SELF,
    localize: (error) =>
      error instanceof TwofoldError ? new TwofoldError(error.code, error.params, `fr: ${error.code}`) : error,
    onPageMessage: () => pageMessages++,
    listen: ((type: string, listener: Listener) => {
      listeners.set(type, listener);
      return () => undefined;
    }) as never,
  });
  const send = (type: string, sender: unknown, data?: unknown) => listeners.get(type)!({ data, sender });
  return { router, send, pageMessages: () => pageMessages };
}

describe('createRouter', () => {
  it('runs a handler only for the sender kind its policy names', async () => {
    const { router, send } = routerWithListeners();
    router.handle('vault:lock', () => ({ exists: true, unlocked: false, quarantined: 0, readOnly: false }));
    router.handle('autofill:code', (_data, sender) => ({
      status: 'wait',
      accountId: sender.origin,
      retryAt: 0,
    }));
    await expect(send('vault:lock', PAGE)).resolves.toMatchObject({ unlocked: false });
    await expect(send('vault:lock', CONTENT)).rejects.toBeInstanceOf(RefusedSenderError);
    await expect(send('autofill:code', CONTENT, {})).resolves.toMatchObject({
      accountId: 'https://m2m.matooma.com',
    });
    await expect(send('autofill:code', PAGE, {})).rejects.toThrow(/not allowed from a extension-page/);
    await expect(send('autofill:code', { ...CONTENT, id: 'other' }, {})).rejects.toThrow(/another extension/);
  });

  it('translates errors in one place, and counts only pages as activity', async () => {
    const { router, send, pageMessages } = routerWithListeners();
    router.handle('vault:unlock', () => {
      throw new TwofoldError('WRONG_PASSPHRASE');
    });
    router.handle('autofill:username', () => undefined);
    await expect(send('vault:unlock', PAGE, { passphrase: 'x' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
      message: 'fr: WRONG_PASSPHRASE',
    });
    await send('autofill:username', CONTENT, { username: 'jane' });
    expect(pageMessages()).toBe(1);
  });
});
