import { afterEach, describe, expect, it } from 'vitest';
import { LOADER_FLAG, startLoader } from '../../../lib/content/loader';

const flags = window as unknown as Record<string, unknown>;
afterEach(() => {
  delete flags[LOADER_FLAG];
  document.body.innerHTML = '';
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startLoader', () => {
  it('asks the background for the features once a field shows, in the messaging format', async () => {
    const sent: unknown[] = [];
    startLoader(document, window, (message) => (sent.push(message), Promise.resolve(true)));
    await settle();
    expect(sent).toEqual([]);
    document.body.append(document.createElement('input'));
    await settle();
    expect(sent).toEqual([{ id: 0, type: 'content:load', timestamp: expect.any(Number) as unknown }]);
  });

  it('starts once per frame, however often it is injected', async () => {
    document.body.innerHTML = '<input>';
    const sent: unknown[] = [];
    const send = (message: object) => (sent.push(message), Promise.resolve(true));
    startLoader(document, window, send);
    startLoader(document, window, send);
    await settle();
    expect(sent).toHaveLength(1);
  });

  it('uses no extension API on a page without work', async () => {
    document.body.innerHTML = '<h1>Dashboard</h1>';
    let calls = 0;
    startLoader(document, window, () => (calls++, Promise.resolve(true)));
    await settle();
    expect(calls).toBe(0);
  });

  it('a background that does not answer (an update in progress) is no error on the page', async () => {
    document.body.innerHTML = '<input>';
    const errors: unknown[] = [];
    const onError = (event: PromiseRejectionEvent) => errors.push(event.reason);
    window.addEventListener('unhandledrejection', onError);
    startLoader(document, window, () => Promise.reject(new Error('Extension context invalidated.')));
    await settle();
    window.removeEventListener('unhandledrejection', onError);
    expect(errors).toEqual([]);
  });
});
