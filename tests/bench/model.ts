/**
 * The sync model check at scale: the unit suite's seeded histories (tests/unit/sync/model-check.ts),
 * 10,000 of them, summed into the one line docs/BENCHMARKS.md carries between its
 * `bench:model` markers. A failing seed is printed with how to replay it.
 */
import { modelCheck, modelLine, type ModelSummary } from '../unit/sync/model-check';
import type { Progress } from './figures';

export const MODEL_HISTORIES = 10_000;

export async function benchModelCheck(options: {
  histories?: number;
  firstSeed?: number;
  onProgress?: Progress;
}): Promise<{ summary: ModelSummary; line: string; seconds: number }> {
  const histories = options.histories ?? MODEL_HISTORIES;
  const first = options.firstSeed ?? 1;
  const started = performance.now();
  const summary = await modelCheck(histories, first, (result, done) => {
    if (result.problems.length) {
      options.onProgress?.(
        `sync model check: seed ${result.seed} failed (replay: npm run bench:model -- --seed ${result.seed}): ${result.problems.join('; ')}`,
      );
    }
    if (done % 500 === 0) options.onProgress?.(`sync model check: ${done}/${histories} histories`);
  });
  return { summary, line: modelLine(summary), seconds: (performance.now() - started) / 1000 };
}

/** The section of docs/BENCHMARKS.md, markers included (filled again by `npm run bench:model`). */
export function modelSection(line: string): string {
  return [
    '### Sync model check',
    '',
    'Seeded histories of 2–4 computers (add, replace a key, undo, rename, pin, reorder, website, delete, HOTP use, passphrase change, lock, long offline periods, late, duplicated and reordered delivery, service-worker restarts, quota errors), checked after settling: `npm run bench:model`; the unit suite runs 500 of them.',
    '',
    '<!-- bench:model -->',
    line,
    '<!-- /bench:model -->',
  ].join('\n');
}
