import { defineUnlistedScript } from '#imports';

/**
 * The popup's first message, sent by a small classic script at the top of popup.html (first and
 * classic, so the message leaves before the modules are even fetched; said here, not in the HTML
 * every user downloads): the background works on it while the browser still fetches and compiles
 * the popup's modules. The popup's own code (components/prefetch.ts) takes the answer, and asks
 * itself if there is none.
 * The message is written as @webext-core/messaging writes it (the background reads nothing else).
 */
export default defineUnlistedScript(() => {
  const message = { id: Math.floor(Math.random() * 1e9), type: 'popup:start', timestamp: Date.now() };
  const sent: unknown = chrome.runtime.sendMessage(message);
  if (sent instanceof Promise) window.twofoldPopupStart = sent;
});
