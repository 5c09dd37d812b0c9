import { TwofoldError } from '../errors';
import {
  effectiveSettings,
  isBlockedSite,
  managedSettings,
  passphraseMeetsPolicy,
  type ManagedSetting,
} from '../policy/effective';
import { readPolicies, type Policies, type PolicyReading } from '../policy/reader';
import type { Settings } from '../settings';

export interface ManagedPoliciesDeps {
  /** `storage.managed.get()`: throws, or gives {}, where no schema or no policy exists. */
  read: () => Promise<unknown>;
  /** Resolves after `ms` (setTimeout by default). */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * How long the browser's answer is waited for. Chromium's `storage.managed.get()` can stay
 * unanswered on a fresh profile (seen in about one first run in six on this project's CI
 * machine), and creating the vault waits for the policies: the first run would never end. A read
 * that answers took 3 s at most there. Not much shorter: a page told "no policy" past the wait
 * keeps saying so until it is opened again (the background applies a late answer at once).
 */
export const MANAGED_READ_WAIT_MS = 10_000;

/**
 * The organisation's policies as the background knows them: read once, read again when the
 * browser says the managed area changed. A browser without managed storage, a rejected read or
 * a damaged value all end as "no policy" (or "that one policy ignored"): start-up never breaks.
 */
export class ManagedPolicies {
  private current: Promise<PolicyReading> | undefined;
  private readonly listeners = new Set<(reading: PolicyReading) => void>();

  constructor(private readonly deps: ManagedPoliciesDeps) {}

  /** The last reading once it arrived (undefined while the browser has not answered yet). */
  private known: PolicyReading | undefined;

  reading(): Promise<PolicyReading> {
    if (!this.current) {
      const read = this.deps.read().then(readPolicies, () => readPolicies(undefined));
      const sleep = this.deps.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
      // No answer in time counts as no policy for now; a late answer then applies as a pushed change.
      const current: Promise<PolicyReading> = Promise.race([read, sleep(MANAGED_READ_WAIT_MS)]).then(
        (reading) => {
          if (reading) return reading;
          void read.then((late) => {
            if (this.current !== current) return;
            this.current = read;
            this.known = late;
            this.tell(late);
          });
          return readPolicies(undefined);
        },
      );
      this.current = current;
      void current.then((reading) => {
        if (this.current === current) this.known = reading;
      });
    }
    return this.current;
  }

  /**
   * The policies if the browser has answered already, without waiting: for answers that must
   * stay fast (the popup's first state) and may leave a request to the next one.
   */
  policiesIfKnown(): Policies | undefined {
    return this.known?.policies;
  }

  async policies(): Promise<Policies> {
    return (await this.reading()).policies;
  }

  /** The managed area changed (an administrator pushed a policy): read again, tell listeners. */
  async changed(): Promise<PolicyReading> {
    this.current = undefined;
    const reading = await this.reading();
    this.tell(reading);
    return reading;
  }

  private tell(reading: PolicyReading): void {
    for (const listener of this.listeners) listener(reading);
  }

  onChange(listener: (reading: PolicyReading) => void): void {
    this.listeners.add(listener);
  }

  /** The user's settings as Twofold applies them: clamped by the policies. */
  async effective(settings: Settings): Promise<Settings> {
    return effectiveSettings(settings, await this.policies());
  }

  /** Refuses an action a policy forbids, before anything changes. */
  async require(name: 'sync' | 'plainExport' | 'import'): Promise<void> {
    if ((await this.policies())[name] === 'forbidden') throw new TwofoldError('POLICY_FORBIDDEN');
  }

  /** Refuses a new passphrase shorter than the organisation's minimum (existing vaults still open). */
  async requirePassphrase(passphrase: string): Promise<void> {
    const policies = await this.policies();
    if (!passphraseMeetsPolicy(passphrase, policies)) {
      throw new TwofoldError('POLICY_PASSPHRASE_TOO_SHORT', [policies.minPassphraseLength ?? 0]);
    }
  }

  async requirePasskeyAllowed(): Promise<void> {
    if ((await this.policies()).passkeyUnlock === 'forbidden') throw new TwofoldError('POLICY_FORBIDDEN');
  }

  /** Does a policy fix this setting outright (its control is disabled)? */
  async fixes(setting: ManagedSetting): Promise<boolean> {
    return managedSettings(await this.policies()).includes(setting);
  }

  async isBlocked(origin: string | undefined): Promise<boolean> {
    return isBlockedSite(await this.policies(), origin);
  }
}
