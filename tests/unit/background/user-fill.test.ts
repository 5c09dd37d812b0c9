import { describe, expect, it, vi } from 'vitest';
import { fillFocusedField, type UserFillDeps } from '@/lib/background/handlers/autofill';

const WARNING = {
  pageHost: 'm2rnmanager.localhost',
  imitatedHost: 'm2mmanager.localhost',
  accountIds: ['a1'],
};
const noReceiver = () =>
  Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));

function depsWith(over: Partial<UserFillDeps>) {
  const deps = {
    askPage: vi.fn<UserFillDeps['askPage']>(() => Promise.resolve(true)),
    lookalike: vi.fn<UserFillDeps['lookalike']>((origin) =>
      Promise.resolve(origin === 'http://m2rnmanager.localhost' ? { warning: WARNING } : {}),
    ),
    openPopup: vi.fn<UserFillDeps['openPopup']>(() => Promise.resolve()),
    ...over,
  };
  return deps;
}

describe('the fill shortcut and the fill menu', () => {
  it.each([
    ['the shortcut', undefined, 7],
    ['the menu, in a frame', 3, { tabId: 7, frameId: 3 }],
  ] as const)('%s asks the content script; nothing else happens', async (_name, frameId, to) => {
    const deps = depsWith({});
    const tab = { id: 7, url: 'http://m2rnmanager.localhost/login' };
    expect(await fillFocusedField(deps, tab, frameId)).toBe('asked');
    expect(deps.askPage).toHaveBeenCalledWith(to);
    expect(deps.openPopup).not.toHaveBeenCalled();
  });

  it.each([
    ['a lookalike page opens the popup with the warning', 'http://m2rnmanager.localhost/login', 'warned', 1],
    ['another site stays silent', 'https://example.org/', 'nothing', 0],
    ['a tab whose URL the browser hides stays silent', undefined, 'nothing', 0],
  ] as const)('where Twofold does not run, %s', async (_name, url, result, popups) => {
    const deps = depsWith({ askPage: vi.fn(noReceiver) });
    expect(await fillFocusedField(deps, { id: 7, url })).toBe(result);
    expect(deps.openPopup).toHaveBeenCalledTimes(popups);
  });

  it('a browser that will not open the popup leaves nothing filled and throws nothing', async () => {
    const deps = depsWith({
      askPage: vi.fn(noReceiver),
      openPopup: vi.fn(() => Promise.reject(new Error('openPopup requires a user gesture'))),
    });
    expect(await fillFocusedField(deps, { id: 7, url: 'http://m2rnmanager.localhost/' })).toBe('nothing');
  });

  it('a tab without an id asks nobody', async () => {
    const deps = depsWith({});
    expect(await fillFocusedField(deps, { url: 'http://m2rnmanager.localhost/' })).toBe('nothing');
    expect(deps.askPage).not.toHaveBeenCalled();
  });
});
