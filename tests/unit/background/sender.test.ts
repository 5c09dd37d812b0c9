import { describe, expect, it } from 'vitest';
import { POLICY } from '@/lib/background/policy';
import { classifySender } from '@/lib/background/sender';

const self = {
  id: 'abcdefghijklmnopabcdefghijklmnop',
  baseUrl: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/',
};

describe('classifySender', () => {
  it.each([
    ['the popup', { id: self.id, url: `${self.baseUrl}popup.html` }, { kind: 'extension-page' }],
    [
      'the options page in a tab',
      { id: self.id, url: `${self.baseUrl}options.html`, tab: { id: 3 } },
      { kind: 'extension-page' },
    ],
    [
      'a content script (origin from the browser)',
      {
        id: self.id,
        url: 'https://m2m.matooma.com/login',
        origin: 'https://m2m.matooma.com',
        tab: { id: 5 },
        frameId: 0,
      },
      { kind: 'content-script', origin: 'https://m2m.matooma.com', tabId: 5, frameId: 0 },
    ],
    [
      'no sender.origin: the URL is never taken for it',
      { id: self.id, url: 'https://m2m.matooma.com/login', tab: { id: 5 }, frameId: 2 },
      { kind: 'refused' },
    ],
    [
      'a srcdoc frame: sender.origin wins over the URL',
      { id: self.id, url: 'about:srcdoc', origin: 'https://phish.example', tab: { id: 5 }, frameId: 4 },
      { kind: 'content-script', origin: 'https://phish.example' },
    ],
    ['another extension', { id: 'zzzz', url: `${self.baseUrl}popup.html` }, { kind: 'refused' }],
    ['no tab, not our page', { id: self.id, url: 'https://x.example/' }, { kind: 'refused' }],
    [
      'an opaque origin',
      { id: self.id, url: 'about:blank', origin: 'null', tab: { id: 1 } },
      { kind: 'refused' },
    ],
    [
      'a sandboxed frame whose URL is the site',
      { id: self.id, url: 'https://m2m.matooma.com/otp', origin: 'null', tab: { id: 1 }, frameId: 3 },
      { kind: 'refused' },
    ],
    [
      'a document served with CSP sandbox (top frame)',
      { id: self.id, url: 'https://m2m.matooma.com/otp', origin: 'null', tab: { id: 1 }, frameId: 0 },
      { kind: 'refused' },
    ],
    [
      'a sandboxed srcdoc frame',
      { id: self.id, url: 'about:srcdoc', origin: 'null', tab: { id: 1 }, frameId: 4 },
      { kind: 'refused' },
    ],
    [
      'an about:blank frame without sender.origin',
      { id: self.id, url: 'about:blank', tab: { id: 1 }, frameId: 4 },
      { kind: 'refused' },
    ],
    [
      'a non-web origin',
      { id: self.id, url: 'file:///tmp/otp.html', origin: 'file://', tab: { id: 1 } },
      { kind: 'refused' },
    ],
    [
      'a page claiming our URL prefix on another scheme',
      {
        id: self.id,
        url: `https://evil.example/${self.baseUrl}`,
        origin: 'https://evil.example',
        tab: { id: 1 },
      },
      { kind: 'content-script', origin: 'https://evil.example' },
    ],
  ])('%s', (_name, sender, expected) => {
    expect(classifySender(sender, self)).toMatchObject(expected);
  });
});

describe('POLICY', () => {
  // A changed list fails here and asks for a review; content-isolation.spec.ts proves no secret reaches them.
  it('lets content scripts send exactly the reviewed list of messages', () => {
    const fromContent = Object.entries(POLICY).filter(([, kind]) => kind === 'content-script');
    expect(fromContent.map(([type]) => type).sort()).toEqual(
      [
        'autofill:code',
        'autofill:username',
        'autofill:submitted',
        'autofill:shortcut',
        'capture:filled',
        'capture:pixels',
        'capture:review',
        'capture:save',
        'capture:screenshot',
        'clock:skew',
        'content:hello',
        // A loader that found a field or a QR code asks for capture and autofill in its own frame.
        'content:load',
        'vault:openUnlock',
        // The card's shortcut keys, as the browser shows them: nothing of the vault.
        'card:shortcut',
      ].sort(),
    );
  });
});
