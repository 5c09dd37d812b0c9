import type { browser as extensionBrowser } from 'wxt/browser';
import { sendMessage, type ContentProtocol } from '../messaging';
import type { ContentSender } from './router';

type Browser = typeof extensionBrowser;

/**
 * Capture and autofill, injected into one frame on its loader's request. A runtime-registered
 * entrypoint, not a web-accessible resource: a page cannot fetch or probe it to learn Twofold is there.
 */
export const FEATURES_FILE = '/content-scripts/features.js';

/**
 * Injects capture and autofill into exactly the frame that asked, as the browser names it in
 * `sender` (and, where the browser gives one, exactly the document). Only a frame already running
 * Twofold's loader can ask: pages cannot message the background.
 */
export async function loadFeatures(
  browser: Pick<Browser, 'scripting'>,
  sender: Pick<ContentSender, 'tabId' | 'frameId' | 'documentId'>,
): Promise<boolean> {
  const target = sender.documentId
    ? { tabId: sender.tabId, documentIds: [sender.documentId] }
    : { tabId: sender.tabId, frameIds: [sender.frameId] };
  await browser.scripting.executeScript({ target, files: [FEATURES_FILE] });
  return true;
}

/**
 * Sends `type` to a tab's frame (or, without `frameId`, its frames) after waking the loader there,
 * so capture and autofill run to receive it. A frame without Twofold answers nothing; so be it.
 */
export async function sendAwake<K extends keyof ContentProtocol>(
  type: K,
  data: Parameters<ContentProtocol[K]>[0],
  tabId: number,
  frameId?: number,
) {
  const to = frameId === undefined ? tabId : { tabId, frameId };
  await sendMessage('content:wake', { focused: frameId === undefined }, to).catch(() => false);
  return sendMessage(type, data as never, to);
}
