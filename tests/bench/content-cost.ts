/**
 * Content script cost on a page with neither a QR code nor a code field (the bench site's
 * dashboard-like /bench/plain), loaded in Chromium with Twofold (sandbox build) and in the same
 * Chromium without it, interleaved (the target of a small loader: capture and autofill brought in
 * only when a field or a QR candidate shows). After each load the page idles 1 s (the content script
 * runs at document_idle and looks once), then garbage is collected and CDP Performance.getMetrics gives the
 * renderer's JS heap (the page's world and the isolated world share it) and the script time of the
 * page's main thread. Targets: the baseline's median + 1.5 ms and + 0.2 MB.
 * Two floors load in the same loop, each the same build with another content-loader.js: a content
 * script that does nothing (what the isolated world alone costs) and one that only observes the
 * document (what any watcher pays), so the notes say how much of the difference is the loader's own.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { launchOptions } from '../e2e/fixtures/chromium';
import { EXTENSION_DIR, ExtensionBrowser } from '../e2e/fixtures/extension';
import { judge, sleep, stats, type Figure, type Progress, type Stats } from './figures';

/** Over the same page without Twofold, medians of the same run. */
const SCRIPT_BUDGET_MS = 1.5;
const HEAP_BUDGET_MB = 0.2;

/** "≤ baseline + budget", judged on the medians (the report's `<` with the bound itself allowed). */
function overBaseline(baseline: Stats, budget: number, unit: string) {
  return {
    on: 'median' as const,
    op: '<' as const,
    value: baseline.median + budget + 1e-9,
    text: `≤ baseline + ${budget} ${unit} (median; ${(baseline.median + budget).toFixed(2)} ${unit} in this run)`,
    issue: 28,
  };
}

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

/** Stand-ins for the loader, as content-loader.js sources. */
const FLOORS = [
  { name: 'a content script that does nothing', source: 'void 0;\n' },
  {
    name: 'a content script that only observes the document (one MutationObserver)',
    source: 'new MutationObserver(() => {}).observe(document, { childList: true, subtree: true });\n',
  },
];

/** The sandbox build with its loader replaced by `source`, in a folder of its own. */
async function floorBuild(source: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'twofold-floor-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  await writeFile(join(dir, 'content-loader.js'), source);
  return dir;
}

export async function benchContentCost(
  twofold: ExtensionBrowser,
  plainUrl: string,
  opts: { runs: number; onProgress?: Progress },
): Promise<{ figures: Figure[]; chromiumVersion: string }> {
  let plain: Browser | undefined;
  const floorDirs: string[] = [];
  const floors: { name: string; browser: ExtensionBrowser; loads: LoadMetrics[] }[] = [];
  try {
    plain = await chromium.launch(launchOptions());
    const plainContext = await plain.newContext();
    for (const floor of FLOORS) {
      floorDirs.push(await floorBuild(floor.source));
      const browser = await ExtensionBrowser.launch(undefined, { extensionDir: floorDirs.at(-1)! });
      floors.push({ name: floor.name, browser, loads: [] });
    }
    const withExt: LoadMetrics[] = [];
    const without: LoadMetrics[] = [];
    // Warm all (HTTP, compile caches), not counted.
    await measureLoad(plainContext, plainUrl);
    await measureLoad(twofold.context, plainUrl);
    for (const floor of floors) await measureLoad(floor.browser.context, plainUrl);
    for (let i = 0; i < opts.runs; i++) {
      without.push(await measureLoad(plainContext, plainUrl));
      withExt.push(await measureLoad(twofold.context, plainUrl));
      for (const floor of floors) floor.loads.push(await measureLoad(floor.browser.context, plainUrl));
      opts.onProgress?.(
        `content script cost run ${i + 1}/${opts.runs}: heap ${withExt.at(-1)!.heapMB.toFixed(2)} vs ${without.at(-1)!.heapMB.toFixed(2)} MB, script ${withExt.at(-1)!.scriptMs.toFixed(1)} vs ${without.at(-1)!.scriptMs.toFixed(1)} ms`,
      );
    }
    const pick = (list: LoadMetrics[], key: keyof LoadMetrics) => stats(list.map((m) => m[key]));
    /** Median of `loads` over the page without Twofold. */
    const over = (loads: LoadMetrics[], key: keyof LoadMetrics) =>
      pick(loads, key).median - pick(without, key).median;
    const delta = (key: keyof LoadMetrics) => over(withExt, key).toFixed(2);
    const page = 'a dashboard-like page with neither a QR code nor a field (bench site /bench/plain)';
    const floorNotes = (key: 'heapMB' | 'scriptMs', unit: string) =>
      floors
        .map((floor) => {
          const extra = over(floor.loads, key);
          return `With ${floor.name} instead of the loader: median ${pick(floor.loads, key).median.toFixed(2)} ${unit} (${extra >= 0 ? '+' : ''}${extra.toFixed(2)}).`;
        })
        .join(' ');
    const heapBaseline = pick(without, 'heapMB');
    const scriptBaseline = pick(without, 'scriptMs');
    const figures: Figure[] = [
      judge({
        id: 'content-heap',
        group: 'Content script',
        name: 'JS heap used on a page with neither QR code nor field, with Twofold (Chromium)',
        unit: 'MB',
        stats: pick(withExt, 'heapMB'),
        baseline: { name: 'the same page without the extension', stats: heapBaseline },
        target: overBaseline(heapBaseline, HEAP_BUDGET_MB, 'MB'),
        notes: `CDP JSHeapUsedSize after a forced GC, 1 s after load, on ${page}. Median difference: ${delta('heapMB')} MB (the content script's isolated world, its observers and listeners). ${floorNotes('heapMB', 'MB')}`,
      }),
      judge({
        id: 'content-script-time',
        group: 'Content script',
        name: 'Script time of the page load on a page with neither QR code nor field, with Twofold (Chromium)',
        unit: 'ms',
        stats: pick(withExt, 'scriptMs'),
        baseline: { name: 'the same page without the extension', stats: scriptBaseline },
        target: overBaseline(scriptBaseline, SCRIPT_BUDGET_MS, 'ms'),
        notes: `CDP ScriptDuration of the tab's main thread over the load and 1 s of idle. Median difference: ${delta('scriptMs')} ms = the content script's start-up (parse, evaluate, one look at the page) on ${page}. ${floorNotes('scriptMs', 'ms')}`,
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
    for (const floor of floors) await floor.browser.close();
    await Promise.all(floorDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}
