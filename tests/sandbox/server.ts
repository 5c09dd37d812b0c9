import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTROL_PREFIX, handleControl } from './control-api.ts';
import { DJANGO_PREFIX, handleDjango } from './django-otp.ts';
import { handlePage } from './flows.ts';
import { handleWidget } from './widgets.ts';
import { sendJson } from './http.ts';
import { DEMO_USERS, SandboxState } from './state.ts';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Base clock (default real time); the control API can still freeze or shift it. */
  now?: () => number;
}

export interface Sandbox {
  port: number;
  /** http://m2mmanager.localhost:PORT/ */
  url: string;
  /** http://phish.localhost:PORT/: same pages on a lookalike origin. */
  phishUrl: string;
  close(): Promise<void>;
  users: { email: string; password: string }[];
}

/** Starts the simulated M2Mmanager on 127.0.0.1 (Chromium maps *.localhost to loopback). */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const state = new SandboxState(options.now);
  let port = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://m2mmanager.localhost');
    // The server's own clock, as a real server's Date header would show it (Twofold measures skew from it).
    res.setHeader('Date', state.clock.dateHeader());
    const handled = url.pathname.startsWith(CONTROL_PREFIX)
      ? handleControl(state, req, res, url)
      : url.pathname.startsWith(DJANGO_PREFIX)
        ? handleDjango(state.django, req, res, url, state.now()).then(() => undefined)
        : url.pathname.startsWith('/widgets/')
          ? handleWidget(url, res).then((done) => (done ? undefined : handlePage(state, req, res, url, port)))
          : handlePage(state, req, res, url, port);
    handled.catch((error: unknown) => {
      console.error('[sandbox]', error);
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://m2mmanager.localhost:${port}/`,
    phishUrl: `http://phish.localhost:${port}/`,
    users: DEMO_USERS.map(({ email, password }) => ({ email, password })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
