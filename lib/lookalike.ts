import { parse } from 'tldts';

/*
 * A deliberately simple detector, so the phishing guard's UI works on its own: a page host is a
 * lookalike of an enrolled host when, on another registrable domain, one of its labels is within
 * a small edit distance of the enrolled brand, or contains it. The real detector replaces this file.
 */

/** Damerau–Levenshtein (optimal string alignment) distance. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const above = rows[i - 1]!;
      let best = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** The enrolled origin that `pageOrigin` imitates, or undefined. */
export function lookalikeOf(pageOrigin: string, enrolledOrigins: readonly string[]): string | undefined {
  const pageHost = hostOf(pageOrigin);
  if (!pageHost) return undefined;
  const page = parse(pageHost);
  if (page.isIp) return undefined;
  const pageLabels = pageHost.split('.').filter((label) => label.length > 0);
  for (const enrolled of enrolledOrigins) {
    if (enrolled === pageOrigin) continue;
    const host = hostOf(enrolled);
    if (!host) continue;
    const parsed = parse(host);
    if (parsed.isIp) continue;
    const domain = parsed.domain ?? host;
    if ((page.domain ?? pageHost) === domain) continue;
    const brand = parsed.domainWithoutSuffix || host.split('.')[0] || '';
    const first = host.split('.')[0] ?? '';
    for (const name of new Set([brand, first])) {
      // Short names match too much by distance: only an exact copy counts for them.
      if (name.length < 4) continue;
      const limit = name.length < 6 ? 1 : 2;
      if (pageLabels.some((label) => label.includes(name) || editDistance(label, name) <= limit)) {
        return enrolled;
      }
    }
  }
  return undefined;
}
