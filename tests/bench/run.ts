/**
 * `npm run bench`: every benchmark of Twofold, each a median of repeated runs (min, max) against a
 * baseline measured in the same run. Prints progress and a table, writes docs/BENCHMARKS.md and
 * docs/benchmarks.json.
 *
 *   npm run bench                  builds (npm run zip, npm run build:e2e), then measures everything
 *   npm run bench -- --no-build    uses the builds already in .output/
 *   npm run bench -- --quick       fewer runs (a smoke test of the harness; figures are noisier)
 *   npm run bench -- --node-only   no browser benchmarks
 *   npm run bench -- --passkey-only  only unlock with passkey vs passphrase (prints, writes nothing)
 *   npm run bench -- --autofill-only only "field appears → code filled", Chromium and Firefox, with
 *                                    its content:ping baseline (prints, writes nothing)
 *   npm run bench -- --content-only  only the content scripts' figures in Chromium (page-load cost of the
 *                                    content script against the same page without Twofold, pop-up → prompt), then
 *                                    field → code in Chromium and Firefox (prints, writes nothing)
 *   npm run bench -- --popup-only    only the popup figures in Chromium (16 accounts against a blank
 *                                    extension page, then 500; prints, writes nothing)
 *   npm run bench -- --sync-only     only the sync figures (npm run bench:sync; prints, writes nothing;
 *                                    with --node-only, no browsers)
 *   npm run bench -- --lookalike-only  only the phishing guard (npm run bench:lookalike): flag rate over
 *                                    the lookalike corpus, false alarms on popular sites, time per origin;
 *                                    its line written between the bench:lookalike markers of
 *                                    docs/BENCHMARKS.md when they are there
 *   npm run bench -- --model-only    only the sync model check (npm run bench:model): 10,000 histories,
 *                                    its line written between the bench:model markers of docs/BENCHMARKS.md;
 *                                    --histories N [--first-seed S] for another count (writes nothing),
 *                                    --seed N to replay one history
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { ExtensionBrowser } from '../e2e/fixtures/extension';
import { chromiumExecutable } from '../e2e/fixtures/chromium';
import { benchAutofill } from './autofill';
import { benchAutofillFirefox } from './autofill-firefox';
import { Messenger } from './browser';
import { benchCapture } from './capture';
import { benchContentCost } from './content-cost';
import { errorText, judge, withTimeout, type Figure, type Progress } from './figures';
import { benchPopup } from './popup';
import { benchQr, type QrBenchResult } from './qr';
import {
  fillMarkers,
  printTable,
  readmeSummary,
  unlockSummary,
  writeReport,
  type BenchReport,
  type Machine,
} from './report';
import { startBenchSite } from './site';
import { sizeFigures, type BundleSize } from './sizes';
import { benchLookalike, lookalikeSection } from './lookalike';
import { benchModelCheck, modelSection } from './model';
import { benchSyncRelay, benchSyncSpace } from './sync';
import { runHistory } from '../unit/sync/model-check';
import { benchUnlockBrowser } from './unlock-browser';
import { benchUnlockPasskey } from './unlock-passkey';
import { BENCH_PASSPHRASE, benchUnlockNode, benchVaultSave } from './vault-node';

const args = new Set(process.argv.slice(2));
/** The number after a flag (`--seed 42`), if any. */
function numberAfter(flag: string): number | undefined {
  const argv = process.argv.slice(2);
  const at = argv.indexOf(flag);
  const value = at >= 0 ? Number(argv[at + 1]) : NaN;
  return Number.isSafeInteger(value) ? value : undefined;
}
const quick = args.has('--quick');
const RUNS = {
  qr: quick ? 5 : 15,
  unlock: quick ? 2 : 5,
  save: quick ? 5 : 15,
  capture: quick ? 4 : 15,
  autofill: quick ? 4 : 15,
  popup: quick ? 3 : 10,
  // Its script-time median read +1.3 to +2.2 ms over runs of 16 with one loader; 30 steady it.
  content: quick ? 3 : 30,
  syncChanges: quick ? 2 : 5,
  syncRelay: quick ? 3 : 7,
  lookalike: quick ? 3 : 11,
};

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s`;
const progress: Progress = (message) => console.log(`[${elapsed()}] ${message}`);
const section = (title: string) => console.log(`\n[${elapsed()}] == ${title}`);

function qrFigures(results: QrBenchResult[], runs: number): Figure[] {
  const ids = ['qr-tight', 'qr-frame', 'qr-two'];
  return results.map((r, i) => {
    const id = ids[i] ?? `qr-${i}`;
    return judge({
      id,
      group: 'QR decode',
      name: `${r.name} (Node)`,
      unit: 'ms',
      stats: { median: r.median, min: r.min, max: r.max, runs },
      ...(r.baseline
        ? { baseline: { name: 'plain jsQR(data, width, height)', stats: { ...r.baseline, runs } } }
        : {}),
      ...(id === 'qr-frame'
        ? { target: { on: 'speedup' as const, op: '>=' as const, value: 3, text: '≥ 3×', issue: 5 } }
        : {}),
      notes: `decodeQr found ${r.found ?? '?'}/${r.expected ?? '?'} texts, plain jsQR ${r.baselineFound ?? '?'}/${r.expected ?? '?'}.`,
    });
  });
}

function build(script: string, problems: string[]): void {
  progress(`npm run ${script}`);
  const result = spawnSync('npm', ['run', script], { encoding: 'utf8', stdio: 'pipe' });
  if (result.status !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-5).join(' / ');
    problems.push(`\`npm run ${script}\` failed, so figures use whatever was in .output/ before: ${tail}`);
    progress(`npm run ${script} FAILED: ${tail}`);
  }
}

function chromiumVersionFromBinary(): string {
  const path = chromiumExecutable();
  if (!path) return 'Playwright Chromium';
  const out = spawnSync(path, ['--version'], { encoding: 'utf8' });
  return (out.stdout || '').trim() || path;
}

/** Every browser benchmark in one Chromium profile with Twofold (sandbox build). */
async function browserBenchmarks(figures: Figure[]): Promise<string | undefined> {
  const site = await startBenchSite(RUNS.autofill + 1);
  let twofold: ExtensionBrowser | undefined;
  let chromiumVersion: string | undefined;
  const fail = (ids: { id: string; group: string; name: string }[], why: string) =>
    ids.forEach((f) => figures.push({ ...f, unit: 'ms', unavailable: why }));
  try {
    section('Chromium with Twofold (sandbox build)');
    twofold = await ExtensionBrowser.launch();
    const messenger = await Messenger.open(twofold);
    const state = await messenger.send<{ exists: boolean }>('vault:state');
    if (!state.exists) await messenger.send('vault:create', { passphrase: BENCH_PASSPHRASE });
    progress('vault created (Argon2id as configured)');

    section('Unlock in Chromium');
    figures.push(
      await withTimeout(
        benchUnlockBrowser(twofold, messenger, { runs: RUNS.unlock, onProgress: progress }),
        120_000,
        'unlock',
      ).catch((e: unknown) => ({
        id: 'unlock-chromium',
        group: 'Unlock',
        name: 'Unlock, Chromium',
        unit: 'ms' as const,
        unavailable: errorText(e),
      })),
    );

    section('Unlock with passkey vs passphrase in Chromium');
    figures.push(await passkeyFigure(twofold));

    section('QR pop-up → prompt');
    figures.push(
      await withTimeout(
        benchCapture(twofold, site, { runs: RUNS.capture, onProgress: progress }),
        120_000,
        'capture',
      ).catch((e: unknown) => ({
        id: 'capture-to-prompt',
        group: 'QR capture',
        name: 'Pop-up canvas drawn → save prompt in the page (Chromium)',
        unit: 'ms' as const,
        unavailable: errorText(e),
      })),
    );

    section('Autofill: field → code');
    figures.push(
      await withTimeout(
        benchAutofill(twofold, messenger, site, { runs: RUNS.autofill, onProgress: progress }),
        150_000,
        'autofill',
      ).catch((e: unknown) => ({
        id: 'field-to-fill',
        group: 'Autofill',
        name: 'OTP field appears → code filled (Chromium)',
        unit: 'ms' as const,
        unavailable: errorText(e),
      })),
    );

    section('Content script cost on a page with no OTP field');
    try {
      const cost = await withTimeout(
        benchContentCost(twofold, site.plainUrl, { runs: RUNS.content, onProgress: progress }),
        420_000,
        'content script cost',
      );
      figures.push(...cost.figures);
      chromiumVersion = cost.chromiumVersion;
    } catch (error) {
      fail(
        [
          {
            id: 'content-heap',
            group: 'Content script',
            name: 'JS heap used on a page with neither QR code nor field',
          },
        ],
        errorText(error),
      );
    }

    section('Popup with 500 accounts');
    // The capture benchmark runs before this one: its duplicate check would otherwise decrypt 500 accounts.
    const popup = await withTimeout(
      benchPopup(twofold, messenger, { runs: RUNS.popup, onProgress: progress }),
      240_000,
      'popup',
    ).catch((e: unknown): { figures: Figure[]; seeding?: Figure } => ({
      figures: [
        {
          id: 'popup-500',
          group: 'Popup',
          name: 'Popup load → codes shown, 500 accounts (Chromium)',
          unit: 'ms' as const,
          unavailable: errorText(e),
        },
      ],
    }));
    figures.push(...popup.figures);
    if (popup.seeding) figures.push(popup.seeding);
  } catch (error) {
    progress(`browser benchmarks stopped: ${errorText(error)}`);
    const have = new Set(figures.map((f) => f.id));
    fail(
      [
        { id: 'unlock-chromium', group: 'Unlock', name: 'Unlock, Chromium' },
        {
          id: 'capture-to-prompt',
          group: 'QR capture',
          name: 'Pop-up canvas drawn → save prompt in the page (Chromium)',
        },
        { id: 'field-to-fill', group: 'Autofill', name: 'OTP field appears → code filled (Chromium)' },
        { id: 'popup-500', group: 'Popup', name: 'Popup load → codes shown, 500 accounts (Chromium)' },
      ].filter((f) => !have.has(f.id)),
      `Chromium with the extension did not start or broke: ${errorText(error)}`,
    );
  } finally {
    await twofold?.close().catch(() => undefined);
    await site.close();
  }
  return chromiumVersion;
}

/** The autofill figure again in Firefox (Firefox sandbox build), on its own bench site. */
async function firefoxBenchmarks(figures: Figure[]): Promise<void> {
  section('Autofill in Firefox: field → code');
  const site = await startBenchSite(RUNS.autofill + 1);
  try {
    figures.push(
      await withTimeout(
        benchAutofillFirefox(site, { runs: RUNS.autofill, onProgress: progress }),
        150_000,
        'Firefox autofill',
      ).catch((e: unknown) => ({
        id: 'field-to-fill-firefox',
        group: 'Autofill',
        name: 'OTP field appears → code filled, Firefox',
        unit: 'ms' as const,
        unavailable: errorText(e),
      })),
    );
  } finally {
    await site.close();
  }
}

async function passkeyFigure(twofold: ExtensionBrowser): Promise<Figure> {
  return withTimeout(
    benchUnlockPasskey(twofold, { runs: RUNS.unlock, onProgress: progress }),
    180_000,
    'passkey unlock',
  ).catch((e: unknown) => ({
    id: 'unlock-passkey-chromium',
    group: 'Unlock',
    name: 'Unlock with passkey, Chromium popup',
    unit: 'ms' as const,
    unavailable: errorText(e),
  }));
}

/** `--passkey-only`: the one figure, printed; the report files are left as they are. */
async function passkeyOnly(): Promise<void> {
  const twofold = await ExtensionBrowser.launch();
  try {
    const messenger = await Messenger.open(twofold);
    await messenger.send('vault:create', { passphrase: BENCH_PASSPHRASE });
    printTable([await passkeyFigure(twofold)]);
  } finally {
    await twofold.close();
  }
}

/**
 * `--autofill-only`: field → code in Chromium and Firefox; `--content-only` (`withCost`): first what
 * the content script costs on a page with neither a field nor a QR, and pop-up → prompt. Printed;
 * the report files are left as they are.
 */
async function pageFigures(withCost: boolean): Promise<void> {
  const figures: Figure[] = [];
  const site = await startBenchSite(RUNS.autofill + 1);
  const twofold = await ExtensionBrowser.launch();
  try {
    const messenger = await Messenger.open(twofold);
    await messenger.send('vault:create', { passphrase: BENCH_PASSPHRASE });
    if (withCost) {
      section('Content script cost on a page with neither QR code nor field');
      const cost = await benchContentCost(twofold, site.plainUrl, {
        runs: RUNS.content,
        onProgress: progress,
      });
      figures.push(...cost.figures);
      section('QR pop-up → prompt');
      figures.push(await benchCapture(twofold, site, { runs: RUNS.capture, onProgress: progress }));
    }
    section('Autofill: field → code');
    figures.push(
      await benchAutofill(twofold, messenger, site, { runs: RUNS.autofill, onProgress: progress }),
    );
  } finally {
    await twofold.close();
    await site.close();
  }
  await firefoxBenchmarks(figures);
  printTable(figures);
  printNotes(figures);
}

/** The figures' notes, under the table of a run that writes no report (they hold the floors). */
function printNotes(figures: Figure[]): void {
  for (const f of figures.filter((x) => x.notes)) console.log(`- ${f.name}: ${f.notes}`);
}

/** `--popup-only`: the popup figures in a fresh profile, printed; the report files are left as they are. */
async function popupOnly(): Promise<void> {
  const twofold = await ExtensionBrowser.launch();
  try {
    const messenger = await Messenger.open(twofold);
    await messenger.send('vault:create', { passphrase: BENCH_PASSPHRASE });
    section('Popup: 16 accounts against a blank extension page, then 500');
    const popup = await benchPopup(twofold, messenger, { runs: RUNS.popup, onProgress: progress });
    printTable(popup.figures);
    printNotes(popup.figures);
  } finally {
    await twofold.close();
  }
}

/** Sync: the Node figures, then two Chromium profiles joined by the test relay. */
async function syncBenchmarks(figures: Figure[], browsers: boolean): Promise<void> {
  section('Sync: space and writes (Node)');
  figures.push(
    ...(await benchSyncSpace({ runs: RUNS.syncChanges, onProgress: progress }).catch((e: unknown) => [
      {
        id: 'sync-bytes-500',
        group: 'Sync',
        name: 'Sync space, 500 typical accounts with the header (Node)',
        unit: 'bytes' as const,
        unavailable: errorText(e),
      },
    ])),
  );
  if (!browsers) return;
  section('Sync: change in one profile → the other, through the test relay');
  figures.push(
    await withTimeout(
      benchSyncRelay({ runs: RUNS.syncRelay, onProgress: progress }),
      240_000,
      'sync relay',
    ).catch((e: unknown) => ({
      id: 'sync-relay',
      group: 'Sync',
      name: 'Account added in profile 1 → listed in profile 2, through the test relay (Chromium)',
      unit: 'ms' as const,
      unavailable: errorText(e),
    })),
  );
}

/** `--sync-only` (`npm run bench:sync`): the sync figures, printed; the report files are left as they are. */
async function syncOnly(): Promise<void> {
  const figures: Figure[] = [];
  await syncBenchmarks(figures, !args.has('--node-only'));
  printTable(figures);
  for (const f of figures.filter((x) => x.notes)) console.log(`- ${f.name}: ${f.notes}`);
}

/** `--model-only` (`npm run bench:model`): the model check alone; fills its line in docs/BENCHMARKS.md. */
async function modelOnly(): Promise<void> {
  const seed = numberAfter('--seed');
  if (seed !== undefined) {
    const result = await runHistory(seed);
    console.log(JSON.stringify(result, null, 2));
    if (result.problems.length) process.exitCode = 1;
    return;
  }
  const { summary, line, seconds } = await benchModelCheck({
    histories: numberAfter('--histories'),
    firstSeed: numberAfter('--first-seed'),
    onProgress: progress,
  });
  console.log(`${line} (${seconds.toFixed(0)} s)`);
  if (summary.failures.length) process.exitCode = 1;
  if (numberAfter('--histories') === undefined) {
    const filled = fillMarkers('docs/BENCHMARKS.md', 'model', line);
    console.log(
      filled ? 'Wrote the line in docs/BENCHMARKS.md.' : 'docs/BENCHMARKS.md has no bench:model markers.',
    );
  }
}

/** `--lookalike-only` (`npm run bench:lookalike`): the phishing guard alone; fills its markers if present. */
async function lookalikeOnly(): Promise<void> {
  const { figure, line, failed } = await benchLookalike({ runs: RUNS.lookalike, onProgress: progress });
  printTable([figure]);
  console.log(`- ${figure.name}: ${figure.notes}`);
  if (failed) process.exitCode = 1;
  const filled = fillMarkers('docs/BENCHMARKS.md', 'lookalike', line);
  console.log(
    filled
      ? 'Wrote the line in docs/BENCHMARKS.md.'
      : 'docs/BENCHMARKS.md has no bench:lookalike markers yet (the next full npm run bench writes them).',
  );
}

async function main(): Promise<void> {
  if (args.has('--passkey-only')) return passkeyOnly();
  if (args.has('--lookalike-only')) return lookalikeOnly();
  if (args.has('--autofill-only')) return pageFigures(false);
  if (args.has('--content-only')) return pageFigures(true);
  if (args.has('--model-only')) return modelOnly();
  if (args.has('--sync-only')) return syncOnly();
  if (args.has('--popup-only')) return popupOnly();
  const loadAverageAtStart = loadavg();
  const figures: Figure[] = [];
  const problems: string[] = [];
  let bundles: BundleSize[] = [];
  console.log(
    `Twofold benchmarks${quick ? ' (--quick: fewer runs)' : ''}: load average ${loadAverageAtStart.map((v) => v.toFixed(2)).join(', ')}`,
  );

  if (!args.has('--no-build')) {
    section('Builds');
    build('zip', problems);
    if (!args.has('--node-only')) build('build:e2e', problems);
    if (!args.has('--node-only')) build('build:e2e:firefox', problems);
  }

  section('QR decode (Node)');
  figures.push(...qrFigures(await benchQr({ runs: RUNS.qr, onProgress: progress }), RUNS.qr));

  section('Unlock (Node)');
  figures.push(await benchUnlockNode({ runs: RUNS.unlock, onProgress: progress }));

  section('Vault save, 500 accounts (Node)');
  figures.push(await benchVaultSave({ runs: RUNS.save, onProgress: progress }));

  section('Phishing guard (Node)');
  const lookalike = await benchLookalike({ runs: RUNS.lookalike, onProgress: progress });
  figures.push(lookalike.figure);
  if (lookalike.failed)
    problems.push(`Phishing guard below its goal (≥ 95 % flagged, 0 false alarms): ${lookalike.line}`);

  section('Sizes');
  const sizes = sizeFigures();
  figures.push(...sizes.figures);
  bundles = sizes.bundles;
  for (const f of sizes.figures)
    progress(`${f.name}: ${f.stats ? `${f.stats.median} bytes` : f.unavailable}`);

  let chromium = chromiumVersionFromBinary();
  if (!args.has('--node-only')) {
    const version = await browserBenchmarks(figures);
    if (version) chromium = `${version} (${chromiumExecutable() ?? 'Playwright Chromium'})`;
    await firefoxBenchmarks(figures);
  }
  await syncBenchmarks(figures, !args.has('--node-only'));
  section('Sync model check');
  const model = await benchModelCheck({ histories: quick ? 500 : undefined, onProgress: progress });
  progress(model.line);
  if (model.summary.failures.length)
    problems.push(`${model.line}: failing seeds ${model.summary.failures.map((f) => f.seed).join(', ')}`);

  const order = [
    'QR decode',
    'QR capture',
    'Autofill',
    'Popup',
    'Unlock',
    'Vault',
    'Sync',
    'Phishing guard',
    'Size',
    'Content script',
  ];
  figures.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
  const cpu = cpus();
  const machine: Machine = {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: totalmem() / 1024 ** 3,
    os: `${type()} ${release()}`,
    node: process.version,
    chromium,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadAverageAtStart,
    loadAverageAtEnd: loadavg(),
  };
  const report: BenchReport = {
    machine,
    durationSeconds: (performance.now() - started) / 1000,
    figures,
    bundles,
    problems,
    modelCheck: modelSection(model.line),
    lookalike: lookalikeSection(lookalike.line),
  };
  section('Results');
  printTable(figures);
  writeReport(report, 'docs/BENCHMARKS.md', 'docs/benchmarks.json');
  const also = [
    fillMarkers('README.md', 'summary', readmeSummary(report)) ? 'the README table' : '',
    fillMarkers('docs/security.md', 'unlock', unlockSummary(report))
      ? 'the unlock figures in docs/security.md'
      : '',
  ].filter(Boolean);
  // Generated Markdown and JSON must pass `npm run format:check` like every other file.
  spawnSync(
    'npx',
    ['prettier', '--write', 'docs/BENCHMARKS.md', 'docs/benchmarks.json', 'README.md', 'docs/security.md'],
    {
      stdio: 'ignore',
    },
  );
  console.log(
    `\nWrote docs/BENCHMARKS.md, docs/benchmarks.json${also.length ? `, ${also.join(', ')}` : ''} in ${report.durationSeconds.toFixed(0)} s.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
