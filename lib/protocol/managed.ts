/**
 * Messages of the organisation's policies: Twofold's own pages read what is managed (to
 * disable the controls and say "Set by your organisation") and which policy sites still lack
 * host access. Content scripts never ask: the background applies the policies itself.
 */

import type { ManagedSetting } from '../policy/effective';
import type { Policies, PolicyName } from '../policy/reader';
import type { PolicyOf } from './policy';

export interface ManagedView {
  policies: Policies;
  /** Policies set to a value Twofold cannot use (listed in Settings › About). */
  invalid: PolicyName[];
  /** Settings a policy fixes outright. */
  managed: ManagedSetting[];
  /** `autofillSites` origins Twofold has no host access to yet. */
  sitesWithoutAccess: string[];
}

export interface ManagedProtocol {
  'managed:view'(): ManagedView;
}

export const MANAGED_POLICY = {
  'managed:view': 'extension-page',
} as const satisfies PolicyOf<ManagedProtocol>;
