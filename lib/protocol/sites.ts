import type { PolicyOf } from './policy';

/** One origin accounts are bound to (autofill only ever fills there). */
export interface SiteSummary {
  origin: string;
  /** How many accounts are bound to it. */
  count: number;
  /** Their names, "Issuer (label)". */
  names: string[];
}

/** Where autofill runs: bound origins, the sites the user enabled, the active tab's origin. */
export interface SitesProtocol {
  /** Sites the user enabled autofill on (granted at run time), as match patterns. */
  'sites:enabled'(): string[];
  /** After the popup's permission request: register and start Twofold on the new site now. */
  'sites:activate'(): boolean;
  /** Turn autofill off on a site: its permission is removed, its script unregistered. */
  'sites:revoke'(data: { pattern: string }): string[];
  /** Origins accounts are bound to, with counts (the options page's "Sites with autofill"). */
  'sites:list'(): SiteSummary[];
  /** The web origin of the active tab, where Twofold may see it (activeTab, host permission). */
  'tabs:activeOrigin'(): { origin?: string };
  /** The active tab imitates an origin accounts are bound to: the popup warns (nothing while locked). */
  'tabs:lookalike'(): { warning?: LookalikeWarning };
}

/** A page imitating an enrolled origin, as the popup shows it: hosts and account ids only. */
export interface LookalikeWarning {
  /** The page's host (and port), e.g. "m2rnmanager.localhost:4100". */
  pageHost: string;
  /** The enrolled host it imitates. */
  imitatedHost: string;
  /** Accounts bound to the imitated origin: copying their codes needs "Copy anyway". */
  accountIds: string[];
}

export const SITES_POLICY = {
  'sites:enabled': 'extension-page',
  'sites:activate': 'extension-page',
  'sites:revoke': 'extension-page',
  'sites:list': 'extension-page',
  'tabs:activeOrigin': 'extension-page',
  'tabs:lookalike': 'extension-page',
} as const satisfies PolicyOf<SitesProtocol>;
