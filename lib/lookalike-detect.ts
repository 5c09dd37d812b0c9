/**
 * The phishing guard's detector: does a page's origin imitate one of the enrolled origins?
 * Pure: no browser APIs, so the background, the popup and the tests share it.
 */
import { parse } from 'tldts';
import { typoDistance } from './lookalike-distance';
import { POPULAR_DOMAINS } from './lookalike-popular';
import { skeleton, unicodeHost } from './lookalike-skeleton';

/** One origin as the guard reads it. */
interface Site {
  origin: string;
  host: string;
  /** Registrable domain (private suffixes such as github.io count), or the host when there is none. */
  domain: string;
  /** Whether the host has a registrable domain a brand can be read from (not an IP, not `localhost`). */
  named: boolean;
  /** Skeleton of the registrable domain without its public suffix (`github` for gist.github.com). */
  label: string;
  /** The same label as decoded, before skeletons (`m` stays `m`, so `paympal` is one typo away). */
  plain: string;
  /** Skeletons of every label left of the public suffix, each also split at hyphens. */
  tokens: string[];
  /** Those labels' skeletons run together without dots or hyphens (`git.hub` → `github`). */
  joined: string;
  /** Skeletons of distinctive subdomain labels (`m2mmanager` of m2mmanager.matooma.com). */
  names: string[];
}

/** Subdomain labels that say nothing about a brand: found on every other site. */
const GENERIC = new Set(
  (
    'www www1 www2 www3 login logon signin sign auth oauth sso account accounts secure security mail ' +
    'webmail email app apps my id portal admin console dashboard online web api mobile home service ' +
    'services support help cloud user users member members client clients customer customers manage ' +
    'connect gateway static cdn assets media news shop store blog docs status beta staging test'
  ).split(' '),
);

const POPULAR = new Set(POPULAR_DOMAINS.split(' '));

const strip = (text: string) => text.replace(/[.-]/g, '');

function readSite(origin: string): Site | undefined {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname;
  const parsed = parse(host, { allowPrivateDomains: true });
  const named = !parsed.isIp && !!parsed.domain && !!parsed.domainWithoutSuffix;
  const suffix = parsed.publicSuffix ?? '';
  const left = named
    ? unicodeHost(host.slice(0, host.length - suffix.length - 1))
        .split('.')
        .filter(Boolean)
    : [];
  const skeletons = left.map(skeleton);
  const sub = skeletons.slice(0, -1);
  return {
    origin: url.origin,
    host,
    domain: parsed.domain ?? host,
    named,
    label: skeletons[skeletons.length - 1] ?? '',
    plain: left[left.length - 1] ?? '',
    tokens: skeletons.flatMap((s) => [s, ...(s.includes('-') ? s.split('-') : [])]).filter(Boolean),
    joined: strip(skeletons.join('')),
    names: sub.filter((s, i) => (left[i]?.length ?? 0) >= 5 && !GENERIC.has(s) && !/^[0-9-]+$/.test(s)),
  };
}

/** The enrolled list is the same on every call: read each of its origins once. */
const enrolledSites = new Map<string, Site | undefined>();
function enrolledSite(origin: string): Site | undefined {
  if (!enrolledSites.has(origin)) {
    if (enrolledSites.size >= 1000) enrolledSites.clear();
    enrolledSites.set(origin, readSite(origin));
  }
  return enrolledSites.get(origin);
}

/** How many typos a name of this length may carry and still be read as that name. */
function tolerance(length: number): number {
  // Short names sit one typo away from ordinary words and other brands (mega, meta): exact only.
  if (length <= 4) return 0;
  return length >= 8 ? 2 : 1;
}

/** A name's length as people read it: its skeleton spells `m` as `rn`, one letter all the same. */
const seenLength = (skeletonName: string) => skeletonName.replace(/rn/g, 'm').length;

/**
 * How closely `page` imitates the name `name` (lower is closer), or undefined when it does not.
 * `plain` is given for the enrolled site's own registrable label (its decoded form), not for a
 * distinctive subdomain label.
 */
function imitation(page: Site, name: string, plain?: string): number | undefined {
  const main = plain !== undefined;
  const bare = strip(name);
  if (main && page.label === name) return 0; // homoglyphs, another TLD
  if (main && strip(page.label) === bare) return 1; // hyphens, dots
  const length = seenLength(name);
  if (length >= 3 && page.tokens.includes(name)) return 2; // brand inside another domain
  if (seenLength(bare) >= 5 && page.joined.includes(bare)) return 2;
  const allowed = tolerance(length);
  if (allowed > 0) {
    const d = Math.min(
      typoDistance(page.label, name, allowed),
      typoDistance(strip(page.label), bare, allowed),
      main ? typoDistance(page.plain, plain, allowed) : allowed + 1,
    );
    if (d <= allowed) return (main ? 3 : 4) + d; // typos of every kind
    if (length >= 6) {
      for (const token of page.tokens) {
        if (token !== page.label && token.length >= 5 && typoDistance(token, name, 1) <= 1) return 6;
      }
    }
  }
  return undefined;
}

export interface LookalikeOptions {
  /** Registrable domains that never warn; the bench turns this off to show what it saves. */
  popular?: ReadonlySet<string>;
}

/**
 * The enrolled origin that `pageOrigin` imitates, or undefined. Never the page's own origin, never a
 * page on an enrolled origin's registrable domain (any scheme, port or subdomain), never a popular
 * site; origins that are not http(s) URLs, IP addresses and bare hosts like `localhost` never match.
 */
export function lookalikeMatch(
  pageOrigin: string,
  enrolledOrigins: readonly string[],
  options: LookalikeOptions = {},
): string | undefined {
  const page = readSite(pageOrigin);
  if (!page?.named) return undefined;
  const popular = options.popular ?? POPULAR;
  if (popular.has(page.domain)) return undefined;
  const enrolled = enrolledOrigins.map((origin) => ({ origin, site: enrolledSite(origin) }));
  // The page belongs to an enrolled site's owner: that is no imitation, whatever else it resembles.
  if (enrolled.some(({ site }) => site && (site.domain === page.domain || site.host === page.host))) {
    return undefined;
  }
  let best: { origin: string; score: number } | undefined;
  for (const { origin, site } of enrolled) {
    if (!site?.named || !site.label) continue;
    const scores = [
      imitation(page, site.label, site.plain),
      ...site.names.map((name) => imitation(page, name)),
    ].filter((s): s is number => s !== undefined);
    if (scores.length === 0) continue;
    const score = Math.min(...scores);
    if (!best || score < best.score) best = { origin, score };
  }
  return best?.origin;
}
