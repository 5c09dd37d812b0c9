/**
 * A tiny static site for the browser benchmarks, served on http://m2mmanager.localhost:PORT/bench/
 * (the sandbox build's content script matches http://m2mmanager.localhost/* on any port):
 * - /bench/enrol: on `__openDialog()`, inserts an enrolment pop-up (`role="dialog"`) whose
 *   <canvas> gets an otpauth QR code drawn with fillRect, and records `performance.now()` right after
 *   drawing; a page-side MutationObserver records when Twofold's prompt host (`twofold-ui`) appears.
 * - /bench/plain: a dashboard-like page with neither a QR code nor a field (a table, small icons):
 *   what most pages of an enrolled site are, and where Twofold should cost next to nothing.
 * - /bench/login: on `__insertField()`, inserts "Enter your one-time code"
 *   (`autocomplete="one-time-code"`) and records when its value becomes a 6-digit code.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RgbaImage } from '../../lib/qr/types';
import { qrMatrix, renderQr } from '../corpus/qr/generate';

export const QR_MODULE_PX = 5;
export const QR_QUIET = 4;
export const BENCH_EMAIL = 'bench.user@example.com';

export interface BenchSite {
  /** The first origin; `origins` lists every port the same pages are served on. */
  origin: string;
  enrolUrl: string;
  loginUrl: string;
  /** Neither a QR candidate nor a field that may take a code. */
  plainUrl: string;
  /**
   * The same site on several ports, i.e. several origins. Twofold never gives the same TOTP code
   * twice (a server refuses a replay), so each timed fill uses an account bound to its own origin.
   */
  origins: string[];
  /** The otpauth URI the enrolment pop-up shows. */
  uri: string;
  /** The canvas's pixels, as the page draws them. */
  canvasPixels(): RgbaImage;
  close(): Promise<void>;
}

/** Page-side instrumentation shared by both pages: when did Twofold's UI appear. */
const OBSERVE = `
window.__bench = { drawnAt: -1, promptAt: -1, insertedAt: -1, filledAt: -1, filledBy: '' };
new MutationObserver((records) => {
  if (window.__bench.promptAt >= 0) return;
  for (const r of records) for (const n of r.addedNodes) {
    if (n.nodeType === 1 && n.localName === 'twofold-ui') { window.__bench.promptAt = performance.now(); return; }
  }
}).observe(document.documentElement, { childList: true, subtree: true });
`;

function page(title: string, body: string, script: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:15px system-ui,sans-serif;margin:40px}[role=dialog]{border:1px solid #ccc;padding:20px;
max-width:420px;background:#fff;box-shadow:0 4px 24px rgba(0,0,0,.2)}label{display:block;margin:12px 0}</style>
</head><body><h1>M2Mmanager</h1>${body}<script>${OBSERVE}${script}</script></body></html>`;
}

function enrolPage(matrix: string[]): string {
  const side = (matrix.length + 2 * QR_QUIET) * QR_MODULE_PX;
  return page(
    'Set up your authentication app',
    '<p>Two-factor authentication set-up.</p>',
    `const MATRIX = ${JSON.stringify(matrix)};
window.__openDialog = () => {
  const dialog = document.createElement('div');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-label', 'Set up your authentication app');
  dialog.innerHTML = '<h2>Set up your authentication app</h2><p>Scan this QR code with Google Authenticator or similar.</p>'
    + '<canvas width="${side}" height="${side}"></canvas>'
    + '<label>Enter your one-time code <input autocomplete="one-time-code" inputmode="numeric" maxlength="6"></label>'
    + '<button type="button">Continue</button>';
  document.body.append(dialog);
  const ctx = dialog.querySelector('canvas').getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, ${side}, ${side});
  ctx.fillStyle = '#000';
  MATRIX.forEach((row, r) => { for (let c = 0; c < row.length; c++) if (row[c] === '1')
    ctx.fillRect((c + ${QR_QUIET}) * ${QR_MODULE_PX}, (r + ${QR_QUIET}) * ${QR_MODULE_PX}, ${QR_MODULE_PX}, ${QR_MODULE_PX}); });
  window.__bench.drawnAt = performance.now();
};`,
  );
}

function loginPage(): string {
  return page(
    'Log in',
    `<form id="login"><label>Email address <input type="email" name="email" value="${BENCH_EMAIL}"></label>
<p>Two-factor authentication</p></form>`,
    `window.__insertField = () => {
  const label = document.createElement('label');
  label.textContent = 'Enter your one-time code ';
  const input = document.createElement('input');
  input.setAttribute('autocomplete', 'one-time-code');
  input.setAttribute('inputmode', 'numeric');
  input.setAttribute('maxlength', '6');
  input.setAttribute('aria-label', 'Enter your one-time code');
  const seen = (by) => () => {
    if (window.__bench.filledAt < 0 && /^\\d{6}$/.test(input.value)) {
      window.__bench.filledAt = performance.now();
      window.__bench.filledBy = by;
    }
  };
  input.addEventListener('input', seen('input'));
  input.addEventListener('change', seen('change'));
  // A filler that sets the value without events is still seen, one frame late.
  const poll = () => { seen('poll')(); if (window.__bench.filledAt < 0) requestAnimationFrame(poll); };
  label.append(input);
  document.getElementById('login').append(label);
  window.__bench.insertedAt = performance.now();
  requestAnimationFrame(poll);
};`,
  );
}

function plainPage(): string {
  const icon =
    '<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="6"/></svg>';
  const rows = Array.from(
    { length: 200 },
    (_, i) => `<tr><td>${icon}</td><td>SIM 8933${String(i).padStart(6, '0')}</td><td>Active</td></tr>`,
  ).join('');
  return page(
    'SIM cards',
    `<nav><a href="#">Home</a> <a href="#">SIM cards</a></nav><table><tbody>${rows}</tbody></table>`,
    '',
  );
}

export async function startBenchSite(ports = 1): Promise<BenchSite> {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let secret = '';
  for (let i = 0; i < 32; i++) secret += alphabet[Math.floor(Math.random() * 32)];
  const uri = `otpauth://totp/M2Mmanager:${encodeURIComponent(BENCH_EMAIL)}?secret=${secret}&issuer=M2Mmanager`;
  const m = qrMatrix(uri);
  const matrix = Array.from({ length: m.size }, (_, r) =>
    Array.from({ length: m.size }, (_, c) => (m.get(r, c) ? '1' : '0')).join(''),
  );
  const pages: Record<string, string> = {
    '/bench/enrol': enrolPage(matrix),
    '/bench/login': loginPage(),
    '/bench/plain': plainPage(),
  };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const html = pages[path];
    res.writeHead(html ? 200 : 404, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(html ?? 'not found');
  };
  const servers = await Promise.all(
    Array.from({ length: Math.max(1, ports) }, async () => {
      const server = createServer(handler);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      return server;
    }),
  );
  const origins = servers.map(
    (server) => `http://m2mmanager.localhost:${(server.address() as AddressInfo).port}`,
  );
  const origin = origins[0]!;
  return {
    origin,
    origins,
    enrolUrl: `${origin}/bench/enrol`,
    loginUrl: `${origin}/bench/login`,
    plainUrl: `${origin}/bench/plain`,
    uri,
    canvasPixels: () => renderQr(uri, { module: QR_MODULE_PX, quiet: QR_QUIET }),
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
