import type { KeyValueArea } from '../vault/store';

const CHOICES_KEY = 'autofill.choices';
/** Enough for every site a person logs in to with several accounts. */
const MAX_CHOICES = 500;

/**
 * Which account the user picked in the in-page chooser, per username per site. Kept outside the
 * vault (it is needed before the page asks), so the key is a hash of origin and username: the
 * storage shows neither, only random account ids.
 */
export class AutofillChoices {
  constructor(private readonly area: KeyValueArea) {}

  private static async key(origin: string, username: string): Promise<string> {
    const bytes = new TextEncoder().encode(`${origin}\n${username.trim().toLowerCase()}`);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  private async all(): Promise<Record<string, string>> {
    const value = (await this.area.get([CHOICES_KEY]))[CHOICES_KEY];
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  }

  async get(origin: string, username: string): Promise<string | undefined> {
    return (await this.all())[await AutofillChoices.key(origin, username)];
  }

  async set(origin: string, username: string, accountId: string): Promise<void> {
    const choices = await this.all();
    const key = await AutofillChoices.key(origin, username);
    delete choices[key];
    choices[key] = accountId;
    // Oldest first in insertion order: drop the oldest beyond the cap.
    const keys = Object.keys(choices);
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_CHOICES))) delete choices[old];
    await this.area.set({ [CHOICES_KEY]: choices });
  }
}
