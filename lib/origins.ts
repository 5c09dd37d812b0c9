/**
 * Origins and match patterns. Pure functions: no browser APIs here, so the
 * build config, the background and the tests share one definition.
 */

/** The real platform's hosts: the only preset a production build matches. */
export const M2MMANAGER_PRESET: readonly string[] = ['https://*.matooma.com/*'];

/** Split a comma-separated list of match patterns (the TWOFOLD_EXTRA_ORIGINS format). */
export function parseExtraOrigins(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      if (!isValidMatchPattern(part)) {
        throw new Error(`TWOFOLD_EXTRA_ORIGINS: "${part}" is not a match pattern like http://host/*`);
      }
      return part;
    });
}

const MATCH_PATTERN = /^(https?|\*):\/\/(\*|\*\.[^/*:]+|[^/*:]+)(:\d+)?\/.*$/;

export function isValidMatchPattern(pattern: string): boolean {
  return pattern !== '<all_urls>' && MATCH_PATTERN.test(pattern);
}

/** The match patterns of the M2Mmanager content script for one build. */
export function m2mmanagerMatches(extra: string | undefined): string[] {
  return [...new Set([...M2MMANAGER_PRESET, ...parseExtraOrigins(extra)])];
}

/**
 * The origin (scheme + host + port) of a URL, or undefined for URLs that have
 * no web origin (about:, data:, chrome-extension: pages are not web origins).
 */
export function webOriginOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.origin;
}

/** Does a match pattern (Chrome semantics: no port means any port) cover this origin? */
export function patternMatchesOrigin(pattern: string, origin: string): boolean {
  const m = MATCH_PATTERN.exec(pattern);
  if (!m) return false;
  const [, scheme, host, port] = m;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const urlScheme = url.protocol.slice(0, -1);
  if (scheme === '*' ? urlScheme !== 'http' && urlScheme !== 'https' : scheme !== urlScheme) {
    return false;
  }
  if (port && port.slice(1) !== url.port) return false;
  if (host === '*') return true;
  if (host?.startsWith('*.')) {
    const base = host.slice(2);
    return url.hostname === base || url.hostname.endsWith(`.${base}`);
  }
  return url.hostname === host;
}

/** One DNS label as URL parsing leaves it (lowercase, punycode): letters, digits, inner hyphens. */
const HOST_LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/**
 * A host a person can mean: an IP address, or DNS labels. Names without a dot are fine
 * (`localhost`, `nas`, intranet names); what URL parsing lets through but no site has
 * (empty labels, 64-character labels, a trailing hyphen) is refused.
 */
function isWebHost(hostname: string): boolean {
  if (hostname.startsWith('[')) return true;
  const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  return name.length > 0 && name.length <= 253 && name.split('.').every((label) => HOST_LABEL.test(label));
}

/**
 * The origin an account is bound to, from what a user typed in "Website (for autofill)":
 * "example.com", "https://example.com/login", "http://host:8080" and "http://nas:5000" are all fine.
 */
export function normalizeWebsite(input: string): string {
  const trimmed = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  const origin = webOriginOf(withScheme);
  if (!trimmed || !origin || !isWebHost(new URL(withScheme).hostname)) {
    throw new Error(`"${trimmed}" is not a website address like https://example.com`);
  }
  return origin;
}

/** The origins each enabled site was enabled from, by match pattern (kept in storage.local). */
export type EnabledOrigins = Readonly<Record<string, readonly string[]>>;

/**
 * After the browser granted `granted` patterns while `origin` was the active tab: remember that
 * origin under the pattern that covers it. Chrome may keep a granted pattern without its port
 * (`http://localhost/*` for `http://localhost:4100`), and the port is what the user recognises.
 */
export function rememberEnabledOrigin(
  remembered: EnabledOrigins,
  granted: readonly string[],
  origin: string | undefined,
): EnabledOrigins {
  const pattern = origin ? granted.find((p) => patternMatchesOrigin(p, origin)) : undefined;
  if (!origin || !pattern) return remembered;
  const known = remembered[pattern] ?? [];
  return known.includes(origin) ? remembered : { ...remembered, [pattern]: [...known, origin] };
}

/** Only the patterns still enabled keep their remembered origins. */
export function keepEnabledOrigins(remembered: EnabledOrigins, enabled: readonly string[]): EnabledOrigins {
  return Object.fromEntries(Object.entries(remembered).filter(([pattern]) => enabled.includes(pattern)));
}

/** How an enabled site is named: the origins it was enabled from, else its pattern without "/*". */
export function enabledSiteLabel(pattern: string, remembered: EnabledOrigins): string {
  const origins = (remembered[pattern] ?? []).filter((o) => patternMatchesOrigin(pattern, o));
  return origins.length > 0 ? origins.join(', ') : pattern.replace(/\/\*$/, '');
}
