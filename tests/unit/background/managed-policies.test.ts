/**
 * The organisation's policies when the browser is slow to give them: Chromium's managed storage
 * can leave a read unanswered on a fresh profile, and creating the vault must not wait forever.
 */
import { describe, expect, it } from 'vitest';
import { MANAGED_READ_WAIT_MS, ManagedPolicies } from '@/lib/background/managed-policies';
import { isTwofoldError } from '@/lib/errors';
import type { Policies } from '@/lib/policy/reader';

/** A managed area that answers when told to, and a clock that wakes when told to. */
function slowBrowser() {
  let answer: (raw: unknown) => void = () => {};
  let wake: () => void = () => {};
  const waits: number[] = [];
  const managed = new ManagedPolicies({
    read: () => new Promise((resolve) => (answer = resolve)),
    sleep: (ms) => {
      waits.push(ms);
      return new Promise((resolve) => (wake = resolve));
    },
  });
  return { managed, waits, answer: (raw: unknown) => answer(raw), wake: () => wake() };
}

const SHORT = 'eleven char';

describe('ManagedPolicies when storage.managed does not answer', () => {
  it('an answer within the wait is the policies', async () => {
    const browser = slowBrowser();
    const reading = browser.managed.policies();
    browser.answer({ minPassphraseLength: 20 });
    await expect(reading).resolves.toEqual({ minPassphraseLength: 20 });
    expect(browser.waits).toEqual([MANAGED_READ_WAIT_MS]);
  });

  it('no answer in time: no policy for now, so the first vault can be created', async () => {
    const browser = slowBrowser();
    const check = browser.managed.requirePassphrase(SHORT);
    browser.wake();
    await expect(check).resolves.toBeUndefined();
    await expect(browser.managed.policies()).resolves.toEqual({});
  });

  it('a late answer then applies as a pushed change: listeners hear it, checks use it', async () => {
    const browser = slowBrowser();
    const heard: Policies[] = [];
    browser.managed.onChange((reading) => heard.push(reading.policies));
    const first = browser.managed.policies();
    browser.wake();
    await first;
    browser.answer({ minPassphraseLength: 20, sync: 'forbidden' });
    await expect.poll(() => heard).toEqual([{ minPassphraseLength: 20, sync: 'forbidden' }]);
    expect(browser.managed.policiesIfKnown()).toEqual({ minPassphraseLength: 20, sync: 'forbidden' });
    const refused = await browser.managed.requirePassphrase(SHORT).catch((error: unknown) => error);
    expect(isTwofoldError(refused, 'POLICY_PASSPHRASE_TOO_SHORT')).toBe(true);
  });
});
