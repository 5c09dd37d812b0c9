import { describe, expect, it } from 'vitest';
import {
  SANDBOX_CLOCK_ORIGINS,
  agreedOffset,
  decideSiteClock,
  decidedCorrection,
  siteClockTrusted,
  type SiteClockFacts,
} from '@/lib/clock/trust';

const T = Date.parse('2026-11-28T09:00:00Z');
const MIN = 60_000;
const H = 60 * MIN;

describe('siteClockTrusted: whose Date may shift codes', () => {
  it.each([
    ['https', 'https://m2mmanager.matooma.com', [], true],
    ['https with a port', 'https://example.com:8443', [], true],
    ['plain http', 'http://m2mmanager.matooma.com', [], false],
    [
      'plain http, even the sandbox host, outside a sandbox build',
      'http://m2mmanager.localhost:4100',
      [],
      false,
    ],
    ['the sandbox in a sandbox build', 'http://m2mmanager.localhost:4100', SANDBOX_CLOCK_ORIGINS, true],
    ['another http site in a sandbox build', 'http://phish.localhost:4100', SANDBOX_CLOCK_ORIGINS, false],
    ['a lookalike of the sandbox', 'http://m2mmanager.localhost.evil.example', SANDBOX_CLOCK_ORIGINS, false],
    ['not an origin (a path)', 'https://example.com/login', [], false],
    ['nothing', undefined, [], false],
    ['garbage', 'not a url', [], false],
  ] as const)('%s: %s', (_what, origin, patterns, trusted) => {
    expect(siteClockTrusted(origin, patterns)).toBe(trusted);
  });
});

describe('agreedOffset: two samples or nothing', () => {
  it.each([
    ['one sample decides nothing', [14 * MIN + 50_000], undefined],
    ['no sample', [], undefined],
    ['two that agree: their mean', [14 * MIN + 50_000, 14 * MIN + 51_000], 14 * MIN + 50_500],
    ['two exactly 2 s apart still agree', [90_000, 92_000], 91_000],
    ['two more than 2 s apart disagree', [90_000, 92_001], undefined],
    ['two servers with different clocks', [0, 14 * MIN], undefined],
    ['a sample that is not a number', [90_000, Number.NaN], undefined],
  ])('%s', (_what, samples, expected) => {
    expect(agreedOffset(samples)).toBe(expected);
  });
});

describe('decideSiteClock: what a measured offset does to codes', () => {
  const fresh = (offsetMs: number, more: Partial<SiteClockFacts> = {}): SiteClockFacts => ({
    offsetMs,
    measuredAt: T - H,
    ...more,
  });
  it.each<[string, SiteClockFacts, boolean, string, number]>([
    // [what, stored facts, origin trusted (https), decision, correction of codes]
    ['nothing measured', {}, true, 'local', 0],
    ['90 s over https: applied without asking', fresh(90_000), true, 'applied', 90_000],
    ['90 s over http: never used', fresh(90_000), false, 'local', 0],
    ['2 min exactly: applied without asking', fresh(2 * MIN), true, 'applied', 2 * MIN],
    ['2 min behind: applied without asking', fresh(-2 * MIN), true, 'applied', -2 * MIN],
    ['2 min 1 ms: pending, computer time', fresh(2 * MIN + 1), true, 'pending', 0],
    ['14 min 50 s ahead: pending, computer time', fresh(14 * MIN + 50_000), true, 'pending', 0],
    ['9 min behind: pending, computer time', fresh(-9 * MIN), true, 'pending', 0],
    ['14 min 50 s over http: never asked, never used', fresh(14 * MIN + 50_000), false, 'local', 0],
    ['below 10 s: nothing to shift', fresh(4_000), true, 'local', 0],
    ['beyond 15 min: refused, not asked', fresh(20 * MIN), true, 'local', 0],
    ['stale measure', { offsetMs: 9 * MIN, measuredAt: T - 25 * H, consentMs: 9 * MIN }, true, 'local', 0],
    ['9 min, the user agreed: applied', fresh(9 * MIN, { consentMs: 9 * MIN }), true, 'applied', 9 * MIN],
    [
      '9 min 20 s next day, agreed at 9 min: still covered',
      fresh(9 * MIN + 20_000, { consentMs: 9 * MIN }),
      true,
      'applied',
      9 * MIN + 20_000,
    ],
    [
      'agreed at 9 min, now measured 14 min: asks again, codes stay on the agreed 9 min',
      fresh(14 * MIN, { consentMs: 9 * MIN }),
      true,
      'pending',
      9 * MIN,
    ],
    [
      'agreed at 9 min, now 9 min behind: asks again',
      fresh(-9 * MIN, { consentMs: 9 * MIN }),
      true,
      'pending',
      9 * MIN,
    ],
    ["the user kept this computer's time", fresh(9 * MIN, { declinedMs: 9 * MIN }), true, 'declined', 0],
    [
      'declined at 9 min, now 14 min: asks again',
      fresh(14 * MIN, { declinedMs: 9 * MIN }),
      true,
      'pending',
      0,
    ],
    [
      'a consent over https does not carry to http',
      fresh(9 * MIN, { consentMs: 9 * MIN }),
      false,
      'local',
      0,
    ],
  ])('%s', (_what, facts, trusted, kind, correction) => {
    const decision = decideSiteClock(facts, trusted, T);
    expect(decision.kind).toBe(kind);
    expect(decidedCorrection(decision)).toBe(correction);
  });
});
