import type { Settings } from '../settings';
import type { Policies } from './reader';

/** A user setting an organisation's policy fixes (the control is shown disabled). */
export type ManagedSetting = 'autoLockMinutes' | 'rememberDevice' | 'clockCheck';

/**
 * The settings Twofold acts on: the user's own, clamped by the policies. Computed at each
 * use and never written back, so lifting a policy gives the user's own choice back.
 */
export function effectiveSettings(settings: Settings, policies: Policies): Settings {
  const next = { ...settings };
  if (policies.autolockMinutes !== undefined) next.autoLockMinutes = policies.autolockMinutes;
  else if (policies.maxAutolockMinutes !== undefined) {
    const max = policies.maxAutolockMinutes;
    // 0 is "never": not offered under a maximum.
    if (next.autoLockMinutes === 0 || next.autoLockMinutes > max) next.autoLockMinutes = max;
  }
  if (policies.maxClipboardClearSeconds !== undefined) {
    const max = policies.maxClipboardClearSeconds;
    if (next.clipboardClearSeconds === 0 || next.clipboardClearSeconds > max)
      next.clipboardClearSeconds = max;
  }
  if (policies.rememberDevice === 'forbidden') next.rememberDevice = false;
  return next;
}

/** Which settings a policy fixes outright. */
export function managedSettings(policies: Policies): ManagedSetting[] {
  return [
    ...(policies.autolockMinutes !== undefined ? (['autoLockMinutes'] as const) : []),
    ...(policies.rememberDevice === 'forbidden' ? (['rememberDevice'] as const) : []),
    ...(policies.clockCheck === 'on' || policies.clockCheck === 'off' ? (['clockCheck'] as const) : []),
  ];
}

/** Bounds a policy puts on a numeric setting: `[min, max]` the user may choose within. */
export function settingBounds(
  key: 'autoLockMinutes' | 'clipboardClearSeconds',
  limits: { min: number; max: number },
  policies: Policies,
): { min: number; max: number } {
  const cap = key === 'autoLockMinutes' ? policies.maxAutolockMinutes : policies.maxClipboardClearSeconds;
  if (cap === undefined) return limits;
  return { min: Math.max(limits.min, 1), max: Math.min(limits.max, cap) };
}

/** Is this origin one where the organisation forbids filling, capturing and offering? */
export function isBlockedSite(policies: Policies, origin: string | undefined): boolean {
  return origin !== undefined && (policies.blockedSites ?? []).includes(origin);
}

/** Is a passphrase long enough for the organisation (new vaults and changes only)? */
export function passphraseMeetsPolicy(passphrase: string, policies: Policies): boolean {
  return [...passphrase].length >= (policies.minPassphraseLength ?? 0);
}

/**
 * The welcome page's gate: a fresh install shows it unless the organisation's `welcomePage`
 * policy is false. The welcome's own `runtime.onInstalled` listener calls this.
 */
export function shouldShowWelcome(reason: string, policies: Policies): boolean {
  return reason === 'install' && policies.welcomePage !== false;
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * The backup nudge as the popup applies it: once dismissed it stays away, unless the
 * organisation's `backupReminderDays` says it comes back that many days after it was last
 * dismissed (or a backup made). A dismissal from before Twofold kept its date counts as due.
 */
export function withBackupReminder(settings: Settings, policies: Policies, now: number): Settings {
  const days = policies.backupReminderDays;
  if (!settings.backupNudgeDismissed || days === undefined) return settings;
  const since = settings.backupNudgeDismissedAt;
  const due = since === undefined || now - since >= days * DAY_MS;
  return due ? { ...settings, backupNudgeDismissed: false } : settings;
}

/** Whether the site-clock check runs: the organisation's `on`/`off`, else the user's own switch. */
export function clockCheckEnabled(userChoice: boolean, policies: Policies): boolean {
  if (policies.clockCheck === 'on') return true;
  if (policies.clockCheck === 'off') return false;
  return userChoice;
}

/**
 * What an organisation asks of this vault after an unlock: a passphrase change when the one
 * just typed is shorter than `minPassphraseLength` (the length is compared here and nowhere
 * kept), a passkey set-up when `passkeyUnlock` is "required" and the vault has none.
 */
export function policyRequests(
  policies: Policies,
  facts: { passphrase?: string; hasPasskey: boolean },
): { passphraseMinLength?: number; passkeyRequired?: true } {
  const min = policies.minPassphraseLength;
  const short =
    facts.passphrase !== undefined && min !== undefined && !passphraseMeetsPolicy(facts.passphrase, policies);
  return {
    ...(short ? { passphraseMinLength: min } : {}),
    ...(policies.passkeyUnlock === 'required' && !facts.hasPasskey ? { passkeyRequired: true as const } : {}),
  };
}
