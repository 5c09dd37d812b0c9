/**
 * The welcome said once after install. The background notes an install; the popup shows the
 * welcome the next time it opens and clears the note, so it is said once. An update notes nothing:
 * what changed is behind Settings › What's new, never pushed at the user.
 */

import { shouldShowWelcome } from '../policy/effective';
import type { Policies } from '../policy/reader';

export const WELCOME_KEY = 'welcome.pending';

interface Area {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/**
 * Called by the background on `runtime.onInstalled` with its reason (install, update, chrome_update,
 * shared_module_update, browser_update): only a first install asks for a welcome, and none when
 * the organisation's `welcomePage` policy is false. The managed area can take seconds to answer
 * on a fresh profile, so the note is written first (a popup opened at once still greets) and
 * withdrawn if the policy says no.
 */
export async function noteInstall(
  area: Area,
  reason: string,
  policies: () => Promise<Policies> = () => Promise.resolve({}),
): Promise<boolean> {
  if (reason !== 'install') return false;
  await area.set({ [WELCOME_KEY]: true });
  if (shouldShowWelcome(reason, await policies())) return true;
  await area.remove([WELCOME_KEY]);
  return false;
}

/** The popup asks once: true the first time after install, and the note is gone from then on. */
export async function takeWelcome(area: Area): Promise<boolean> {
  const pending = (await area.get([WELCOME_KEY]))[WELCOME_KEY] === true;
  if (pending) await area.remove([WELCOME_KEY]);
  return pending;
}
