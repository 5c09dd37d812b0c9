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
      'a content script in Firefox (no sender.origin)',
      { id: self.id, url: 'https://m2m.matooma.com/login', tab: { id: 5 }, frameId: 2 },
      { kind: 'content-script', origin: 'https://m2m.matooma.com', tabId: 5, frameId: 2 },
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
  it('lets content scripts send only messages that carry nothing secret back', () => {
    const fromContent = Object.entries(POLICY).filter(([, kind]) => kind === 'content-script');
    expect(fromContent.map(([type]) => type).sort()).toEqual(
      [
        'autofill:code',
        'autofill:username',
        'capture:pixels',
        'capture:save',
        'capture:screenshot',
        'clock:skew',
        'content:hello',
        'vault:openUnlock',
      ].sort(),
    );
  });
});
