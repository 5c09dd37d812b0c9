import { describe, expect, it, vi } from 'vitest';
import { FEATURES_DELIVER, FEATURES_PATH, FEATURES_STOP, startLoader } from '@/lib/content/loader';
import { mount, useStubbedLayout } from '../autofill/layout';

let stops: (() => void)[] = [];
useStubbedLayout(() => {
  stops.forEach((stop) => stop());
  stops = [];
  delete (globalThis as Record<string, unknown>)[FEATURES_STOP];
  delete (globalThis as Record<string, unknown>)[FEATURES_DELIVER];
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

type Listener = (message: unknown, sender: unknown, reply: (answer: unknown) => void) => boolean;

/** A `chrome.runtime` stand-in: the background answers `content:hello`; `getURL` names the chunk. */
function fakeRuntime() {
  const listeners: Listener[] = [];
  return {
    listeners,
    getURL: (path: string) => `chrome-extension://id${path}`,
    sendMessage: vi.fn((message: { type: string }, callback: (answer: unknown) => void) =>
      callback(message.type === 'content:hello' ? { res: { origin: 'x', enrolledSite: true } } : undefined),
    ),
    onMessage: {
      addListener: (listener: Listener) => listeners.push(listener),
      removeListener: (listener: Listener) => listeners.splice(listeners.indexOf(listener), 1),
    },
  };
}

function start(runtime = fakeRuntime()) {
  const load = vi.fn(() => Promise.resolve({}));
  stops.push(startLoader({ doc: document, win: window, runtime, load }));
  return { runtime, load };
}

describe('startLoader', () => {
  it('imports the packaged features once, only when a field shows, from the extension’s own URL', async () => {
    mount('<h1>SIM cards</h1><div id="later"></div>');
    const { load } = start();
    await settle();
    expect(load).not.toHaveBeenCalled();
    document.getElementById('later')!.innerHTML = '<input autocomplete="one-time-code"><input>';
    await settle();
    document.body.append(document.createElement('input'));
    await settle();
    expect(load.mock.calls).toEqual([[`chrome-extension://id${FEATURES_PATH}`]]);
  });

  it('answers pings without the features, with a round trip to the background', async () => {
    mount('<h1>SIM cards</h1>');
    const { runtime, load } = start();
    const answer = await new Promise((resolve) => {
      const kept = runtime.listeners[0]!({ type: 'content:ping' }, {}, resolve);
      expect(kept).toBe(true);
    });
    expect(answer).toEqual({ res: { origin: location.origin, hello: { origin: 'x', enrolledSite: true } } });
    expect(load).not.toHaveBeenCalled();
    // Any other message is left to the features (or unanswered).
    expect(runtime.listeners[0]!({ type: 'card:act' }, {}, () => undefined)).toBe(false);
  });

  it('stopping it stops the features it loaded, and its own answers', () => {
    mount('<input>');
    const stopFeatures = vi.fn();
    (globalThis as Record<string, unknown>)[FEATURES_STOP] = stopFeatures;
    const { runtime } = start();
    stops.pop()!();
    expect(stopFeatures).toHaveBeenCalledOnce();
    expect(runtime.listeners).toEqual([]);
  });

  it.each([
    ['the fill shortcut, focus in a field', 'autofill:fillFocused', true],
    ["a scan's offer", 'capture:offered', false],
  ])(
    '%s, before the features were loaded: loads them and hands the message over',
    async (_n, type, focus) => {
      mount('<input type="search" aria-label="Search">');
      if (focus) {
        document.querySelector('input')!.focus();
        vi.spyOn(document, 'hasFocus').mockReturnValue(true);
      }
      const { runtime, load } = start();
      const deliver = vi.fn(() => Promise.resolve(true));
      load.mockImplementation(() => {
        (globalThis as Record<string, unknown>)[FEATURES_DELIVER] = deliver;
        return Promise.resolve({});
      });
      const answer = await new Promise((resolve) => {
        expect(runtime.listeners[0]!({ type, data: { id: 'o' } }, {}, resolve)).toBe(true);
      });
      expect(load).toHaveBeenCalledOnce();
      expect(deliver.mock.calls).toEqual([[type, { id: 'o' }]]);
      expect(answer).toEqual({ res: true });
    },
  );

  it('the fill shortcut in a frame whose focus is in no field is left to the other frames', () => {
    mount('<input type="search" aria-label="Search"><button>Go</button>');
    document.querySelector('button')!.focus();
    const { runtime, load } = start();
    expect(runtime.listeners[0]!({ type: 'autofill:fillFocused' }, {}, () => undefined)).toBe(false);
    expect(load).not.toHaveBeenCalled();
  });
});
