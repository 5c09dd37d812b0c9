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
}

export const SITES_POLICY = {
  'sites:enabled': 'extension-page',
  'sites:activate': 'extension-page',
  'sites:revoke': 'extension-page',
  'sites:list': 'extension-page',
  'tabs:activeOrigin': 'extension-page',
} as const satisfies PolicyOf<SitesProtocol>;
