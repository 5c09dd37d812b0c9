import type { User } from './state.ts';

const DAY = 24 * 60 * 60 * 1000;

/** 2FA mandatory from 1 May 2024 (UTC). */
export const CUTOFF = Date.UTC(2024, 4, 1);
export const POSTPONE_DAYS = 28;
export const REMEMBER_DAYS = 30;
export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60 * 1000;
export const SMS_VALID_MS = 10 * 60 * 1000;
export const REMEMBER_MS = REMEMBER_DAYS * DAY;

/** The window opens at the first login on or after the cutoff. */
export function recordLogin(user: User, now: number): void {
  if (user.firstLoginSinceCutoff === null && now >= CUTOFF) user.firstLoginSinceCutoff = now;
}

/** Last moment "Not now" is offered; null before the window has opened. */
export function postponementDeadline(user: User): number | null {
  return user.firstLoginSinceCutoff === null ? null : user.firstLoginSinceCutoff + POSTPONE_DAYS * DAY;
}

export function canPostpone(user: User, now: number): boolean {
  const deadline = postponementDeadline(user);
  return deadline === null || now < deadline;
}

export function isLocked(user: User, now: number): boolean {
  return now < user.lockedUntil;
}

/** Counts a wrong code; returns true when this failure locks the account for a while. */
export function recordFailure(user: User, now: number): boolean {
  user.failures += 1;
  if (user.failures < MAX_FAILURES) return false;
  user.failures = 0;
  user.lockedUntil = now + LOCK_MS;
  return true;
}

export function recordSuccess(user: User): void {
  user.failures = 0;
  user.lockedUntil = 0;
}
