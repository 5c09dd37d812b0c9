/** Test-only client for the sandbox control API (`/__sandbox/...`). */

export interface SandboxClock {
  now: number;
  iso: string;
  frozen: boolean;
  /** Added to the `Date` header only (the codes it accepts stay on `now`). */
  dateSkewMs: number;
}

export interface SentSms {
  to: string;
  body: string;
  code: string;
  sentAt: number;
}

export interface SandboxUserInfo {
  email: string;
  password: string;
  name: string;
  twoFactor: 'app' | 'sms' | null;
  firstLoginSinceCutoff: number | null;
}

export interface SandboxControl {
  /** Seeded users, no sessions, no remembered devices, empty outbox, real-time clock. */
  reset(): Promise<void>;
  /** Sets the server clock; frozen (default) stands still until set or advanced again. */
  setClock(at: number | Date | string, options?: { frozen?: boolean }): Promise<SandboxClock>;
  advanceClock(ms: number): Promise<SandboxClock>;
  /** A running server clock `ms` ahead of real time (negative: behind), as a skewed server's. */
  offsetClock(ms: number): Promise<SandboxClock>;
  /**
   * The `Date` header says `ms` more than the server's clock, which still checks codes on its
   * own time: a site lying about its clock to be given future codes. Reset by `useRealClock`.
   */
  skewDateHeader(ms: number): Promise<SandboxClock>;
  useRealClock(): Promise<SandboxClock>;
  clock(): Promise<SandboxClock>;
  /** Last SMS sent to this number (spaces and dashes ignored), or null. */
  lastSms(phone: string): Promise<SentSms | null>;
  /** What support does after a ticket: 2FA off, remembered devices forgotten. */
  resetTwoFactor(email: string): Promise<void>;
  /** Moves (or clears, with null) the start of a user's 28-day window. */
  setFirstLogin(email: string, at: number | Date | string | null): Promise<void>;
  users(): Promise<SandboxUserInfo[]>;
}

function toWire(at: number | Date | string): number | string {
  return at instanceof Date ? at.getTime() : at;
}

/**
 * `target` is a port or anything with one (the Sandbox). Requests go to 127.0.0.1, since Node
 * does not resolve *.localhost the way Chromium does.
 */
export function sandboxControl(target: number | { port: number }): SandboxControl {
  const port = typeof target === 'number' ? target : target.port;
  const base = `http://127.0.0.1:${port}/__sandbox`;

  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: T }> {
    const response = await fetch(base + path, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as T;
    if (!response.ok && response.status !== 404)
      throw new Error(`sandbox ${path}: ${response.status} ${JSON.stringify(json)}`);
    return { status: response.status, json };
  }
  async function ok<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const { status, json } = await call<T>(method, path, body);
    if (status !== 200) throw new Error(`sandbox ${path}: ${status} ${JSON.stringify(json)}`);
    return json;
  }

  return {
    reset: async () => {
      await ok('POST', '/reset');
    },
    setClock: (at, options = {}) => ok('POST', '/clock', { now: toWire(at), frozen: options.frozen ?? true }),
    advanceClock: (ms) => ok('POST', '/clock', { advanceMs: ms }),
    offsetClock: (ms) => ok('POST', '/clock', { offsetMs: ms }),
    skewDateHeader: (ms) => ok('POST', '/clock', { dateSkewMs: ms }),
    useRealClock: () => ok('POST', '/clock', { now: null }),
    clock: () => ok('GET', '/clock'),
    lastSms: async (phone) => {
      const { status, json } = await call<SentSms>('GET', `/sms?to=${encodeURIComponent(phone)}`);
      return status === 200 ? json : null;
    },
    resetTwoFactor: async (email) => {
      await ok('POST', '/users/reset-2fa', { email });
    },
    setFirstLogin: async (email, at) => {
      await ok('POST', '/users/first-login', { email, at: at === null ? null : toWire(at) });
    },
    users: () => ok('GET', '/users'),
  };
}
