/**
 * The phishing guard: how many of the corpus's lookalikes lookalikeOf flags (dnstwist's, every
 * fuzzer, and the hand-written brand-in-name cases), how many popular sites it wrongly flags, and
 * its time per page origin against reading the same origins' registrable domains with tldts alone.
 */
import { parse } from 'tldts';
import { lookalikeOf } from '../../lib/lookalike';
import { lookalikeMatch } from '../../lib/lookalike-detect';
import {
  ENROLLED,
  HAND_LOOKALIKES,
  measure,
  popularOrigins,
  readDnstwistCorpus,
} from '../unit/lookalike/corpus';
import { stats, type Figure, type Progress } from './figures';

/** Microseconds per origin for one pass of `f` over every origin. */
function perOrigin(origins: readonly string[], f: (origin: string) => unknown): number {
  const started = performance.now();
  for (const origin of origins) f(origin);
  return ((performance.now() - started) * 1000) / origins.length;
}

export async function benchLookalike(options: {
  runs: number;
  onProgress?: Progress;
}): Promise<{ figure: Figure; line: string; failed: boolean }> {
  const corpus = readDnstwistCorpus();
  const lookalikes = [...corpus.lookalikes, ...HAND_LOOKALIKES];
  const popular = popularOrigins();
  const result = measure(lookalikeOf, lookalikes, popular);
  // What the popular list saves: the same popular sites with the list turned off.
  const bare = measure(
    (page, enrolled) => lookalikeMatch(page, enrolled, { popular: new Set() }),
    [],
    popular,
  );
  const rate = (100 * result.flagged) / result.lookalikes;
  const version = /dnstwist \d+/.exec(corpus.header[0] ?? '')?.[0] ?? 'dnstwist';
  const line =
    `lookalikeOf: ${result.flagged.toLocaleString('en')} of ${result.lookalikes.toLocaleString('en')} lookalikes flagged ` +
    `(${rate.toFixed(2)} %; ${version}, every fuzzer, ${ENROLLED.length} enrolled hosts, ${HAND_LOOKALIKES.length} hand-written), ` +
    `${result.falseAlarms.length} false alarms on ${result.popular.toLocaleString('en')} popular origins`;
  options.onProgress?.(line);
  const kinds = [...result.byKind.entries()].map(([kind, k]) => `${kind} ${k.flagged}/${k.total}`).join(', ');

  const origins = [...lookalikes.map((l) => l.page), ...popular];
  const samples: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    baseline.push(perOrigin(origins, (o) => parse(new URL(o).hostname, { allowPrivateDomains: true })));
    samples.push(perOrigin(origins, (o) => lookalikeOf(o, ENROLLED)));
    await new Promise((resolve) => setImmediate(resolve));
  }
  const figure: Figure = {
    id: 'lookalike-time',
    group: 'Phishing guard',
    name: `lookalikeOf, time per page origin, ${ENROLLED.length} enrolled (Node)`,
    unit: 'µs',
    stats: stats(samples),
    baseline: {
      name: 'new URL + tldts parse of the same origins',
      stats: stats(baseline),
    },
    notes:
      `${origins.length.toLocaleString('en')} origins a pass (the lookalikes and the popular sites). ${line}. ` +
      `By fuzzer: ${kinds}. Without the popular list, ${bare.falseAlarms.length} of the popular origins would warn ` +
      `(${bare.falseAlarms.slice(0, 8).join(', ')}${bare.falseAlarms.length > 8 ? ', …' : ''}).`,
  };
  return { figure, line, failed: rate < 95 || result.falseAlarms.length > 0 };
}

/** The section of docs/BENCHMARKS.md, markers included (filled again by `npm run bench:lookalike`). */
export function lookalikeSection(line: string): string {
  return [
    '### Phishing guard',
    '',
    "lookalikeOf over tests/corpus/lookalike/dnstwist.tsv (Debian's dnstwist, every fuzzer: `npm run lookalike:corpus`) plus hand-written brand-in-name lookalikes, and the shipped popular sites that must never warn: `npm run bench:lookalike`; the unit suite asserts ≥ 95 % and 0.",
    '',
    '<!-- bench:lookalike -->',
    line,
    '<!-- /bench:lookalike -->',
  ].join('\n');
}
