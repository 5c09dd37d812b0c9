import { webOriginOf } from '../origins';

/** The fields of `runtime.MessageSender` we trust: the browser sets them, not the page. */
export interface BrowserSender {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export type ClassifiedSender =
  | { kind: 'extension-page'; url: string }
  | { kind: 'content-script'; origin: string; tabId: number; frameId: number; url: string }
  | { kind: 'refused'; reason: string };

/**
 * Decide who sent a message from what the browser says about it. Never reads
 * the message body: a compromised page cannot claim to be something else.
 */
export function classifySender(
  sender: BrowserSender,
  self: { id: string; /** runtime.getURL('/') */ baseUrl: string },
): ClassifiedSender {
  if (sender.id !== self.id) return { kind: 'refused', reason: 'message from another extension' };
  const url = sender.url ?? '';
  // Our own pages (popup, options) run on the extension's base URL, in a tab or not.
  if (url.startsWith(self.baseUrl)) return { kind: 'extension-page', url };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { kind: 'refused', reason: 'no tab' };
  // The frame's real origin, as the browser's security check knows it (Chrome 80+, Firefox 126+).
  // Never the URL: about:blank and srcdoc frames, sandboxed frames and documents served with
  // CSP sandbox all have URLs that name another origin than the one they really have.
  if (!sender.origin) return { kind: 'refused', reason: 'the browser gave no sender origin' };
  if (sender.origin === 'null') return { kind: 'refused', reason: 'opaque (sandboxed) origin' };
  const origin = webOriginOf(sender.origin);
  if (origin !== sender.origin) return { kind: 'refused', reason: 'sender has no web origin' };
  return { kind: 'content-script', origin, tabId, frameId: sender.frameId ?? 0, url };
}
