import { randomBytes } from 'node:crypto';
import { Clock } from './clock.ts';
import { freshDjangoState, type DjangoState } from './django-otp.ts';

export type TwoFactor = { method: 'app'; secret: string } | { method: 'sms'; phone: string };

export interface User {
  email: string;
  password: string;
  name: string;
  /** First login on or after 1 May 2024 (server clock): the 28-day window starts here. */
  firstLoginSinceCutoff: number | null;
  /** Ticked "Yes, I want to use double authentication the next time I log in". */
  activationRequested: boolean;
  twoFactor: TwoFactor | null;
  /** TOTP periods already accepted: a code is never accepted twice. */
  usedCounters: Set<number>;
  failures: number;
  lockedUntil: number;
}

export type Stage = 'offer' | 'method' | 'enrol-app' | 'enrol-sms' | 'code' | 'home';

export const VARIANTS = ['standard', 'tainted-canvas', 'cross-origin-img', 'two-qr', 'url-only'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface SmsChallenge {
  phone: string;
  code: string;
  sentAt: number;
}

export interface Session {
  id: string;
  email: string | null;
  stage: Stage | null;
  /** Secret of the enrolment in progress: fresh for every enrolment, kept across reloads. */
  enrolSecret: string | null;
  sms: SmsChallenge | null;
  variant: Variant;
  /** One-shot message shown on the next page (e.g. "A new code has been sent."). */
  flash: string | null;
}

export interface Sms {
  to: string;
  body: string;
  code: string;
  sentAt: number;
}

export interface DemoUser {
  email: string;
  password: string;
  name: string;
  firstLoginSinceCutoff: number | null;
}

/**
 * Demo users. Jane's window opened on 2 May 2024, so a clock set to 2024-05-10 is inside it and
 * 2024-06-15 (or real time) is past it. The others have never logged in since 1 May 2024: their
 * window opens at their first login, whatever the clock says.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: 'jane.doe@example.com',
    password: 'Jane-M2M-2024!',
    name: 'Jane Doe',
    firstLoginSinceCutoff: Date.UTC(2024, 4, 2, 8, 0, 0),
  },
  {
    email: 'john.smith@example.com',
    password: 'John-M2M-2024!',
    name: 'John Smith',
    firstLoginSinceCutoff: null,
  },
  {
    email: 'marie.dupont@example.com',
    password: 'Marie-M2M-2024!',
    name: 'Marie Dupont',
    firstLoginSinceCutoff: null,
  },
  {
    email: 'alex.martin@example.com',
    password: 'Alex-M2M-2024!',
    name: 'Alex Martin',
    firstLoginSinceCutoff: null,
  },
];

function freshUser(demo: DemoUser): User {
  return {
    ...demo,
    activationRequested: false,
    twoFactor: null,
    usedCounters: new Set(),
    failures: 0,
    lockedUntil: 0,
  };
}

export function randomToken(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}

/** Everything the platform remembers, in memory; `reset()` returns to the seeded state. */
export class SandboxState {
  readonly clock: Clock;
  users = new Map<string, User>();
  sessions = new Map<string, Session>();
  /** Remembered devices: cookie token -> user and expiry (server clock). */
  devices = new Map<string, { email: string; expiresAt: number }>();
  outbox: Sms[] = [];
  /** One-time tokens naming an enrolment URI served as PNG (cross-origin variants). */
  qrImages = new Map<string, string>();
  /** The Django admin with django-otp (`/django/admin/`): its own user, device and sessions. */
  django: DjangoState = freshDjangoState();

  constructor(baseNow: () => number = Date.now) {
    this.clock = new Clock(baseNow);
    this.reset();
  }

  reset(): void {
    this.users = new Map(DEMO_USERS.map((demo) => [demo.email, freshUser(demo)]));
    this.sessions.clear();
    this.devices.clear();
    this.outbox = [];
    this.qrImages.clear();
    this.django = freshDjangoState();
    this.clock.real();
  }

  now(): number {
    return this.clock.now();
  }

  findUser(email: string): User | undefined {
    return this.users.get(email.trim().toLowerCase());
  }

  newSession(): Session {
    const session: Session = {
      id: randomToken(),
      email: null,
      stage: null,
      enrolSecret: null,
      sms: null,
      variant: 'standard',
      flash: null,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** What support does after a ticket: 2FA off, remembered devices forgotten, window reopened. */
  resetTwoFactor(user: User): void {
    user.twoFactor = null;
    user.activationRequested = false;
    user.usedCounters.clear();
    user.failures = 0;
    user.lockedUntil = 0;
    for (const [token, device] of this.devices) if (device.email === user.email) this.devices.delete(token);
    for (const session of this.sessions.values()) if (session.email === user.email) session.stage = null;
  }
}
