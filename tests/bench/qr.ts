/**
 * QR decode benchmark: `decodeQr` against plain `jsQR(data, w, h)` in the same process, on
 * deterministic fixtures from the corpus generator. Used by `npm run bench` (tests/bench/run.ts)
 * and runnable alone: `npx tsx tests/bench/qr.ts [runs]`.
 */
import jsQR from 'jsqr';
import { pathToFileURL } from 'node:url';
import { decodeQr } from '../../lib/qr';
import type { RgbaImage } from '../../lib/qr';
import { otpauthUri, pageFrame, prng, renderQr, urlPayload } from '../corpus/qr/generate';

export interface Stats {
  name: string;
  median: number;
  min: number;
  max: number;
}

export interface QrBenchResult extends Stats {
  unit: 'ms';
  baseline?: Stats;
  /** Texts decodeQr found, out of `expected` (right ones only). */
  found?: number;
  expected?: number;
  /** Texts plain jsQR found (it returns at most one). */
  baselineFound?: number;
}

interface Fixture {
  name: string;
  image: RgbaImage;
  expected: string[];
}

function fixtures(): Fixture[] {
  const rng = prng(8);
  const tight = otpauthUri(rng);
  const small = otpauthUri(rng);
  const url = urlPayload(rng);
  const uri = otpauthUri(rng);
  return [
    {
      name: 'QR decode: tight crop (module 4 px)',
      image: renderQr(tight, { module: 4, quiet: 4 }),
      expected: [tight],
    },
    {
      name: 'QR decode: 1920×1080 frame, one small code (3 px modules)',
      image: pageFrame(81, [{ image: renderQr(small, { module: 3, quiet: 4 }) }], { dialog: true }),
      expected: [small],
    },
    {
      name: 'QR decode: two codes in one 1920×1080 frame',
      image: pageFrame(
        82,
        [
          { image: renderQr(url, { module: 3, quiet: 4 }) },
          { image: renderQr(uri, { module: 3, quiet: 4 }) },
        ],
        { dialog: true },
      ),
      expected: [url, uri],
    },
  ];
}

function stats(name: string, samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  const round = (v: number) => Math.round(v * 100) / 100;
  return { name, median: round(median), min: round(s[0]!), max: round(s[s.length - 1]!) };
}

function time(f: () => unknown): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

/**
 * Median of `runs` timed runs per fixture (after one warm-up), decodeQr and plain jsQR
 * interleaved so both see the same machine load.
 */
export async function benchQr(opts: {
  runs: number;
  onProgress?: (msg: string) => void;
}): Promise<QrBenchResult[]> {
  const runs = Math.max(1, Math.floor(opts.runs));
  const results: QrBenchResult[] = [];
  for (const f of fixtures()) {
    const { data, width, height } = f.image;
    const found = decodeQr(f.image);
    const plain = jsQR(data, width, height)?.data;
    opts.onProgress?.(
      `${f.name}: decodeQr found ${found.length}/${f.expected.length}, plain jsQR ${plain && f.expected.includes(plain) ? 1 : 0}/${f.expected.length}`,
    );
    const ours: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < runs; i++) {
      ours.push(time(() => decodeQr(f.image)));
      base.push(time(() => jsQR(data, width, height)));
      // Let the event loop breathe (progress output, other benchmarks' timers).
      await new Promise((r) => setTimeout(r, 0));
    }
    const result: QrBenchResult = {
      ...stats(f.name, ours),
      unit: 'ms',
      baseline: stats('plain jsQR', base),
      found: found.filter((text) => f.expected.includes(text)).length,
      expected: f.expected.length,
      baselineFound: plain && f.expected.includes(plain) ? 1 : 0,
    };
    opts.onProgress?.(`${f.name}: ${result.median} ms (jsQR ${result.baseline!.median} ms)`);
    results.push(result);
  }
  return results;
}

function printTable(results: QrBenchResult[]): void {
  const rows = results.map((r) => [
    r.name,
    `${r.median.toFixed(1)} (${r.min.toFixed(1)}–${r.max.toFixed(1)})`,
    r.baseline
      ? `${r.baseline.median.toFixed(1)} (${r.baseline.min.toFixed(1)}–${r.baseline.max.toFixed(1)})`
      : '',
    r.baseline ? `${(r.baseline.median / r.median).toFixed(1)}×` : '',
  ]);
  const head = ['benchmark', 'decodeQr ms median (min–max)', 'plain jsQR ms median (min–max)', 'speed-up'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Number(process.argv[2]) || 15;
  benchQr({ runs, onProgress: (m) => console.log(m) })
    .then(printTable)
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
}
