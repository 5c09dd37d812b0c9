/**
 * Chromium helpers for the browser benchmarks: talk to Twofold's background from one of its own
 * pages in @webext-core/messaging's wire format, find a tab's id, and wait for the content script.
 */
import type { Page, Worker } from '@playwright/test';
import type { ExtensionBrowser } from '../e2e/fixtures/extension';
import { sleep } from './figures';

/** An extension page (popup.html) used to send background messages, as the popup itself does. */
/**
 * How long the harness stays silent after starting what it times, before it looks (ms). A pending
 * `waitForFunction` kept Chromium's browser process busy enough to delay the extension's messages
 * and storage reads by a frame or more (fills near 20 ms or near 55 ms). The page's own timestamps
 * are the measure; the harness only reads them afterwards.
 */
export const QUIET_MS = 300;

export class Messenger {
  private constructor(readonly page: Page) {}

  static async open(twofold: ExtensionBrowser): Promise<Messenger> {
    const page = await twofold.context.newPage();
    await page.goto(twofold.extensionUrl('popup.html'));
    return new Messenger(page);
  }

  async send<T = unknown>(type: string, data?: unknown): Promise<T> {
    const reply = await this.page.evaluate(
      async ([messageType, messageData]) => {
        const response = await chrome.runtime.sendMessage<
          unknown,
          { res?: unknown; err?: { message?: string } } | undefined
        >({
          id: Math.floor(Math.random() * 1e9),
          type: messageType,
          data: messageData,
          timestamp: Date.now(),
        });
        return response ?? { err: { message: 'no response' } };
      },
      [type, data] as const,
    );
    if (reply.err) throw new Error(`${type}: ${reply.err.message ?? 'failed'}`);
    return reply.res as T;
  }

  /** Round trip of one message, timed inside the extension page. */
  async timed(type: string, data?: unknown): Promise<number> {
    const { ms, err } = await this.page.evaluate(
      async ([messageType, messageData]) => {
        const t = performance.now();
        const response = await chrome.runtime.sendMessage<
          unknown,
          { err?: { message?: string } } | undefined
        >({
          id: Math.floor(Math.random() * 1e9),
          type: messageType,
          data: messageData,
          timestamp: Date.now(),
        });
        return {
          ms: performance.now() - t,
          err: response?.err?.message ?? (response ? undefined : 'no response'),
        };
      },
      [type, data] as const,
    );
    if (err) throw new Error(`${type}: ${err}`);
    return ms;
  }
}

/** The tab id of `page`, seen from the service worker (by URL; the sandbox build may see these URLs). */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const id = await worker.evaluate(async (wanted) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id;
  }, url);
  if (id !== undefined) return id;
  await page.bringToFront();
  const active = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (active === undefined) throw new Error(`no tab for ${url}`);
  return active;
}

/** `content:ping` from the worker to the tab's top frame (which itself asks the background): ms. */
export async function pingContent(worker: Worker, tabId: number): Promise<number | undefined> {
  return worker.evaluate(async (tab) => {
    const t = performance.now();
    try {
      const reply = await chrome.tabs.sendMessage<unknown, { res?: unknown } | undefined>(
        tab,
        { id: 1, type: 'content:ping', data: undefined, timestamp: Date.now() },
        { frameId: 0 },
      );
      return reply && 'res' in reply ? performance.now() - t : undefined;
    } catch {
      return undefined;
    }
  }, tabId);
}

/** Does Twofold's loader run in the tab's top frame (its flag in the isolated world)? */
async function loaderRuns(worker: Worker, tabId: number): Promise<boolean> {
  return worker.evaluate(async (tab) => {
    try {
      // In an array literal: tsx would name a function set as a property (a helper the worker lacks).
      const [probe] = [() => (globalThis as { __twofoldLoader?: boolean }).__twofoldLoader === true];
      const [frame] = await chrome.scripting.executeScript({
        target: { tabId: tab, frameIds: [0] },
        func: probe,
      });
      return frame?.result === true;
    } catch {
      return false;
    }
  }, tabId);
}

/**
 * Waits until Twofold's loader runs in `page` (after a navigation). Capture and autofill come
 * later, when the page shows a field or a QR candidate: the figures include bringing them in.
 */
export async function waitForLoader(worker: Worker, page: Page, timeoutMs = 8000): Promise<number> {
  const tabId = await tabIdOf(worker, page);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await loaderRuns(worker, tabId)) return tabId;
    await sleep(50);
  }
  throw new Error(`Twofold's content loader did not start on ${page.url()}`);
}

/** Seconds left in the current 30 s TOTP period. */
export function secondsLeftInPeriod(now = Date.now()): number {
  return 30 - ((now / 1000) % 30);
}
