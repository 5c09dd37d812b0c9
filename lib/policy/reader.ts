/**
 * Managed policies: what an organisation's IT fixes for everyone, read from
 * `storage.managed` (Chrome and Edge through `managed_schema.json`, Firefox from the
 * `3rdparty` → `Extensions` section of `policies.json`). Pure: the raw object in, typed
 * policies and the names of the invalid ones out. An invalid value is dropped (as if unset)
 * and named, so Settings › About can say so; nothing here ever throws.
 */

export type Allowed = 'allowed' | 'forbidden';
export type PasskeyUnlockPolicy = 'allowed' | 'required' | 'forbidden';
export type ClockCheckPolicy = 'on' | 'off' | 'user';

/** Every policy an administrator may set; the names are the contract and never change. */
export interface Policies {
  autofillSites?: string[];
  blockedSites?: string[];
  autolockMinutes?: number;
  maxAutolockMinutes?: number;
  maxClipboardClearSeconds?: number;
  minPassphraseLength?: number;
  passkeyUnlock?: PasskeyUnlockPolicy;
  sync?: Allowed;
  plainExport?: Allowed;
  import?: Allowed;
  backupReminderDays?: number;
  clockCheck?: ClockCheckPolicy;
  rememberDevice?: Allowed;
  welcomePage?: boolean;
  supportUrl?: string;
}

export type PolicyName = keyof Policies;

export interface PolicyReading {
  policies: Policies;
  /** Names set to a value Twofold cannot use, in the order of POLICY_NAMES. */
  invalid: PolicyName[];
}

/** Turns one raw value into the policy's value, or undefined when it is not one. */
type Parser<T> = (raw: unknown) => T | undefined;

const integerAtLeast =
  (min: number): Parser<number> =>
  (raw) =>
    typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= min ? raw : undefined;

const oneOf =
  <T extends string>(...values: readonly T[]): Parser<T> =>
  (raw) =>
    typeof raw === 'string' && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;

const ALLOWED = oneOf<Allowed>('allowed', 'forbidden');

/**
 * A web origin as written (`https://intranet.example.com`, a port allowed, a trailing slash
 * tolerated), normalised by the URL parser; anything with a path, query, user or another
 * scheme is not an origin.
 */
export function parseOrigin(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim().replace(/\/$/, '');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') return undefined;
  // A wildcard is a match pattern, not an origin: administrators list each site.
  if (url.hostname.includes('*')) return undefined;
  return url.origin;
}

/** A list of origins: every entry must be one (half a list would fill where IT said not to). */
const origins: Parser<string[]> = (raw) => {
  if (!Array.isArray(raw)) return undefined;
  const parsed = raw.map(parseOrigin);
  if (parsed.some((origin) => origin === undefined)) return undefined;
  return [...new Set(parsed as string[])];
};

const httpsUrl: Parser<string> = (raw) => {
  if (typeof raw !== 'string') return undefined;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
};

const PARSERS: { readonly [K in PolicyName]-?: Parser<NonNullable<Policies[K]>> } = {
  autofillSites: origins,
  blockedSites: origins,
  autolockMinutes: integerAtLeast(1),
  maxAutolockMinutes: integerAtLeast(1),
  maxClipboardClearSeconds: integerAtLeast(5),
  minPassphraseLength: integerAtLeast(8),
  passkeyUnlock: oneOf<PasskeyUnlockPolicy>('allowed', 'required', 'forbidden'),
  sync: ALLOWED,
  plainExport: ALLOWED,
  import: ALLOWED,
  backupReminderDays: integerAtLeast(1),
  clockCheck: oneOf<ClockCheckPolicy>('on', 'off', 'user'),
  rememberDevice: ALLOWED,
  welcomePage: (raw) => (typeof raw === 'boolean' ? raw : undefined),
  supportUrl: httpsUrl,
};

export const POLICY_NAMES = Object.keys(PARSERS) as PolicyName[];

/**
 * Reads whatever `storage.managed.get()` gave (or nothing, where the browser has no managed
 * storage). Unknown names are left alone: a newer policy file must not break an older Twofold.
 */
export function readPolicies(raw: unknown): PolicyReading {
  const policies: Policies = {};
  const invalid: PolicyName[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { policies, invalid };
  const source = raw as Record<string, unknown>;
  for (const name of POLICY_NAMES) {
    if (!Object.hasOwn(source, name) || source[name] === undefined) continue;
    const value = PARSERS[name](source[name]);
    if (value === undefined) invalid.push(name);
    else (policies as Record<PolicyName, unknown>)[name] = value;
  }
  return { policies, invalid };
}
