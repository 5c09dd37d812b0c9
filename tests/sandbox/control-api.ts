import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from './http.ts';
import { normalizePhone } from './sms.ts';
import type { SandboxState } from './state.ts';

/** Prefix of the test-only control API. Never part of the simulated platform. */
export const CONTROL_PREFIX = '/__sandbox/';

type Json = Record<string, unknown>;

function toTime(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    if (!Number.isNaN(parsed)) return parsed;
  }
  return null;
}

function clockJson(state: SandboxState): Json {
  const now = state.now();
  return {
    now,
    iso: new Date(now).toISOString(),
    frozen: state.clock.frozen,
    dateSkewMs: state.clock.dateSkewMs,
  };
}

async function jsonBody(req: IncomingMessage): Promise<Json> {
  const text = await readBody(req);
  if (!text) return {};
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

/** Handles `/__sandbox/...`; see docs/sandbox.md for the routes. */
export async function handleControl(
  state: SandboxState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const route = `${req.method ?? 'GET'} ${url.pathname.slice(CONTROL_PREFIX.length - 1)}`;
  const body = req.method === 'POST' ? await jsonBody(req) : {};
  const userFromBody = () => (typeof body.email === 'string' ? state.findUser(body.email) : undefined);

  switch (route) {
    case 'POST /reset':
      state.reset();
      return sendJson(res, 200, { ok: true });
    case 'GET /clock':
      return sendJson(res, 200, clockJson(state));
    case 'POST /clock': {
      if (body.now === null) state.clock.real();
      else if (body.now !== undefined) {
        const at = toTime(body.now);
        if (at === null) return sendJson(res, 400, { error: 'now must be epoch ms, an ISO date or null' });
        state.clock.set(at, body.frozen !== false);
      }
      if (body.offsetMs !== undefined) {
        if (typeof body.offsetMs !== 'number')
          return sendJson(res, 400, { error: 'offsetMs must be a number' });
        state.clock.shift(body.offsetMs);
      }
      if (body.dateSkewMs !== undefined) {
        if (typeof body.dateSkewMs !== 'number' || !Number.isFinite(body.dateSkewMs))
          return sendJson(res, 400, { error: 'dateSkewMs must be a number' });
        state.clock.dateSkewMs = body.dateSkewMs;
      }
      if (body.advanceMs !== undefined) {
        if (typeof body.advanceMs !== 'number')
          return sendJson(res, 400, { error: 'advanceMs must be a number' });
        state.clock.advance(body.advanceMs);
      }
      return sendJson(res, 200, clockJson(state));
    }
    case 'GET /sms': {
      const to = normalizePhone(url.searchParams.get('to') ?? '');
      const sms = [...state.outbox].reverse().find((message) => message.to === to);
      return sms ? sendJson(res, 200, sms) : sendJson(res, 404, { error: `no SMS sent to ${to}` });
    }
    case 'GET /users':
      // Never the secrets: tests read the QR code like a person.
      return sendJson(
        res,
        200,
        [...state.users.values()].map((user) => ({
          email: user.email,
          password: user.password,
          name: user.name,
          twoFactor: user.twoFactor?.method ?? null,
          firstLoginSinceCutoff: user.firstLoginSinceCutoff,
        })),
      );
    case 'POST /users/reset-2fa': {
      const user = userFromBody();
      if (!user) return sendJson(res, 404, { error: 'unknown user' });
      state.resetTwoFactor(user);
      return sendJson(res, 200, { ok: true });
    }
    case 'POST /users/first-login': {
      const user = userFromBody();
      if (!user) return sendJson(res, 404, { error: 'unknown user' });
      const at = body.at === null ? null : toTime(body.at);
      if (at === null && body.at !== null)
        return sendJson(res, 400, { error: 'at must be epoch ms, an ISO date or null' });
      user.firstLoginSinceCutoff = at;
      return sendJson(res, 200, { ok: true });
    }
    default:
      return sendJson(res, 404, { error: `unknown control route ${route}` });
  }
}
