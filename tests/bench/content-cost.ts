/**
 * Content script cost on a page with no OTP field: the sandbox's login page (email and password),
 * loaded in Chromium with Twofold (sandbox build) and in the same Chromium without it, interleaved.
 * After each load the page idles 1 s (the content script runs at document_idle and scans once), then
 * garbage is collected and CDP Performance.getMetrics gives the renderer's JS heap (the page's world
 * and the content script's isolated world share it) and the script time of the page's main thread.
 */
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { launchOptions } from '../e2e/fixtures/chromium';
import type { ExtensionBrowser } from '../e2e/fixtures/extension';
import { judge, sleep, stats, type Figure, type Progress } from './figures';

interface LoadMetrics {
  heapMB: number;
  scriptMs: number;
  loadMs: number;
}

async function measureLoad(context: BrowserContext, url: string): Promise<LoadMetrics> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.bringToFront();
    await sleep(1000);
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    const loadMs = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return nav ? nav.loadEventEnd : NaN;
    });
    await cdp.detach();
    return {
      heapMB: metric('JSHeapUsedSize') / 1024 / 1024,
      scriptMs: metric('ScriptDuration') * 1000,
      loadMs,
    };
  } finally {
    await page.close();
  }
}

export async function benchContentCost(
  twofold: ExtensionBrowser,
  loginUrl: string,
  opts: { runs: number; onProgress?: Progress },
): Promise<{ figures: Figure[]; chromiumVersion: string }> {
  let plain: Browser | undefined;
  try {
    plain = await chromium.launch(launchOptions());
    const plainContext = await plain.newContext();
    const withExt: LoadMetrics[] = [];
    const without: LoadMetrics[] = [];
    // Warm both (HTTP, compile caches), not counted.
    await measureLoad(plainContext, loginUrl);
    await measureLoad(twofold.context, loginUrl);
    for (let i = 0; i < opts.runs; i++) {
      without.push(await measureLoad(plainContext, loginUrl));
      withExt.push(await measureLoad(twofold.context, loginUrl));
      opts.onProgress?.(
        `content script cost run ${i + 1}/${opts.runs}: heap ${withExt.at(-1)!.heapMB.toFixed(2)} vs ${without.at(-1)!.heapMB.toFixed(2)} MB, script ${withExt.at(-1)!.scriptMs.toFixed(1)} vs ${without.at(-1)!.scriptMs.toFixed(1)} ms`,
      );
    }
    const pick = (list: LoadMetrics[], key: keyof LoadMetrics) => stats(list.map((m) => m[key]));
    const delta = (key: keyof LoadMetrics) =>
      (stats(withExt.map((m) => m[key])).median - stats(without.map((m) => m[key])).median).toFixed(2);
    const page = 'the sandbox login page (email + password, no OTP field)';
    const figures: Figure[] = [
      judge({
        id: 'content-heap',
        group: 'Content script',
        name: 'JS heap used on a page with no OTP field, with Twofold (Chromium)',
        unit: 'MB',
        stats: pick(withExt, 'heapMB'),
        baseline: { name: 'the same page without the extension', stats: pick(without, 'heapMB') },
        notes: `CDP JSHeapUsedSize after a forced GC, 1 s after load, on ${page}. Median difference: ${delta('heapMB')} MB (the content script's isolated world and its listeners).`,
      }),
      judge({
        id: 'content-script-time',
        group: 'Content script',
        name: 'Script time of the page load, with Twofold (Chromium)',
        unit: 'ms',
        stats: pick(withExt, 'scriptMs'),
        baseline: { name: 'the same page without the extension', stats: pick(without, 'scriptMs') },
        notes: `CDP ScriptDuration of the tab's main thread over the load and 1 s of idle. Median difference: ${delta('scriptMs')} ms = the content script's start-up (parse, evaluate, first QR scan, hello) on ${page}.`,
      }),
      judge({
        id: 'content-load-event',
        group: 'Content script',
        name: 'Load event end, with Twofold (Chromium)',
        unit: 'ms',
        stats: pick(withExt, 'loadMs'),
        baseline: { name: 'the same page without the extension', stats: pick(without, 'loadMs') },
        notes: `Navigation timing loadEventEnd. The content script runs at document_idle, so it should not delay load: median difference ${delta('loadMs')} ms.`,
      }),
    ];
    return { figures, chromiumVersion: plain.version() };
  } finally {
    await plain?.close();
  }
}
