import type { IncomingMessage, ServerResponse } from 'node:http';
import { Secret, TOTP } from 'otpauth';
import * as QRCode from 'qrcode';
import { cookie, parseCookies, readBody, redirect, send, sendHtml } from './http.ts';
import { randomBytes } from 'node:crypto';

/**
 * Django's admin behind django-otp's `OTPAdminSite`, the combined login form Twofold must handle
 * without getting in the way: "Username:", "Password:" and "OTP Token:" in one form, the user name
 * focused by the page's own script (as Django's admin login template does), the code checked on
 * the server (one period of drift either way, a period accepted once never again: django-otp's
 * `TOTPDevice` tolerance and `last_t`). Modelled on django-otp's `otp/admin30/login.html` and its
 * TOTP device "config" page (a QR `<img>` whose source is an SVG, and the otpauth URL as text: no
 * field for a code). Served under /django/admin/ on every host of the sandbox.
 *
 * Like a deployment that enforces OTP once a device exists, the admin logs in with the password
 * alone until a TOTP device is added (`add/` creates it with a fresh key and opens its config page).
 */

export const DJANGO_PREFIX = '/django/admin/';
export const DJANGO_ADMIN = { username: 'admin', password: 'Django-Admin-2024!' };
const ISSUER = 'Django';
const SESSION_COOKIE = 'django_sessionid';

export interface DjangoState {
  /** The admin's TOTP device: none until added. */
  device: { secret: string; usedCounters: Set<number> } | null;
  sessions: Set<string>;
}

export function freshDjangoState(): DjangoState {
  return { device: null, sessions: new Set() };
}

function totp(secret: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: DJANGO_ADMIN.username,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  });
}

/** django-otp's check: the token within one step either way, and never a step already used. */
function verify(state: DjangoState, token: string, now: number): boolean {
  const device = state.device;
  if (!device || !/^\d{6}$/.test(token)) return false;
  const codes = totp(device.secret);
  const delta = codes.validate({ token, timestamp: now, window: 1 });
  if (delta === null) return false;
  const counter = codes.counter({ timestamp: now }) + delta;
  if (device.usedCounters.has(counter)) return false;
  device.usedCounters.add(counter);
  return true;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function page(title: string, body: string, bodyClass = ''): string {
  return `<!doctype html><html lang="en-us" dir="ltr"><head><meta charset="utf-8"><title>${title} | Django site admin</title>
<style>body{font:14px system-ui,sans-serif;margin:0}#header{background:#417690;color:#fff;padding:10px 40px}
#content{padding:20px 40px}.form-row{padding:8px 0}.form-row label{display:block;font-weight:600}
input[type=text],input[type=password]{width:320px;padding:6px;box-sizing:border-box}
input#id_otp_token,select#id_otp_device{clear:both;padding:6px;width:320px;box-sizing:border-box}
.errornote{color:#ba2121;border:1px solid #ba2121;padding:5px 12px}</style></head>
<body class="${bodyClass}"><div id="container"><div id="header"><div id="site-name"><a href="${DJANGO_PREFIX}">Django administration</a></div></div>
<div id="content">${body}</div></div></body></html>`;
}

function loginPage(error: string | null, username: string, hasDevice: boolean): string {
  const errors = error ? `<p class="errornote">${escapeHtml(error)}</p>` : '';
  const deviceRow = hasDevice
    ? `<div class="form-row"><label for="id_otp_device">OTP Device:</label> <select name="otp_device" id="id_otp_device">
<option value="otp_totp.totpdevice/1">admin's authenticator</option></select></div>`
    : '';
  return page(
    'Log in',
    `${errors}<div id="content-main">
<form action="${DJANGO_PREFIX}login/" method="post" id="login-form">
  <div class="form-row"><label class="required" for="id_username">Username:</label> <input type="text" name="username" value="${escapeHtml(username)}" autofocus autocapitalize="none" autocomplete="username" maxlength="150" required id="id_username"></div>
  <div class="form-row"><label class="required" for="id_password">Password:</label> <input type="password" name="password" autocomplete="current-password" required id="id_password">
    <input type="hidden" name="next" value="${DJANGO_PREFIX}"></div>
  ${deviceRow}
  <div class="form-row"><label for="id_otp_token" class="required">OTP Token:</label> <input type="text" name="otp_token" id="id_otp_token"></div>
  <div class="submit-row"><label>&nbsp;</label><input type="submit" value="Log in"></div>
</form>
<script>document.getElementById('id_username').focus()</script></div>`,
    'login',
  );
}

/** Django's header tools on every page of a signed-in admin: log out is a POST form. */
const USER_TOOLS = `<form id="logout-form" method="post" action="${DJANGO_PREFIX}logout/"><button type="submit">Log out</button></form>`;

function indexPage(hasDevice: boolean): string {
  const device = hasDevice
    ? `<a href="${DJANGO_PREFIX}otp_totp/totpdevice/1/config/">admin's authenticator: QR code</a>`
    : `<a href="${DJANGO_PREFIX}otp_totp/totpdevice/add/">Add TOTP device</a>`;
  return page(
    'Site administration',
    `<h1>Site administration</h1><p id="user-tools">Welcome, <strong>admin</strong>.</p>
${USER_TOOLS}
<div class="module"><h2>TOTP devices</h2><p>${device}</p></div>`,
  );
}

function configPage(uri: string): string {
  return page(
    'Configure TOTP device',
    `<div class="qrcode-container"><p id="qrcode"><img width="200" height="200" class="qrcode-image" alt=""
  src="${DJANGO_PREFIX}otp_totp/totpdevice/1/qrcode/"></p><p>${escapeHtml(uri)}</p></div>
<p><a href="${DJANGO_PREFIX}">Home</a></p>${USER_TOOLS}`,
  );
}

const LOGGED_OUT = page(
  'Logged out',
  `<h1>Logged out</h1><p>Thanks for spending some quality time with the web site today.</p>
<p><a href="${DJANGO_PREFIX}login/">Log in again</a></p>`,
);

/** /django/admin/…: the pages above, or false (not ours). */
export async function handleDjango(
  state: DjangoState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  now: number,
): Promise<boolean> {
  if (!url.pathname.startsWith(DJANGO_PREFIX)) return false;
  const path = url.pathname.slice(DJANGO_PREFIX.length - 1);
  const sessionId = parseCookies(req.headers.cookie)[SESSION_COOKIE];
  const signedIn = sessionId !== undefined && state.sessions.has(sessionId);
  const uri = state.device ? totp(state.device.secret).toString() : '';

  if (path === '/login/' && req.method === 'POST') {
    const form = new URLSearchParams(await readBody(req));
    const username = form.get('username') ?? '';
    const passwordOk = username === DJANGO_ADMIN.username && form.get('password') === DJANGO_ADMIN.password;
    const token = (form.get('otp_token') ?? '').trim();
    let error: string | null = null;
    if (!passwordOk) {
      error =
        'Please enter the correct username and password for a staff account. Note that both fields may be case-sensitive.';
    } else if (state.device && !token) error = 'Please enter your OTP token.';
    else if (state.device && !verify(state, token, now)) {
      error = 'Invalid token. Please make sure you have entered it correctly.';
    }
    if (error) {
      sendHtml(res, 200, loginPage(error, username, state.device !== null));
      return true;
    }
    const id = randomBytes(18).toString('base64url');
    state.sessions.add(id);
    redirect(res, DJANGO_PREFIX, [cookie(SESSION_COOKIE, id)]);
    return true;
  }
  if (path === '/logout/') {
    if (sessionId) state.sessions.delete(sessionId);
    sendHtml(res, 200, LOGGED_OUT, [cookie(SESSION_COOKIE, '', 0)]);
    return true;
  }
  if (path === '/login/') {
    if (signedIn) redirect(res, DJANGO_PREFIX);
    else sendHtml(res, 200, loginPage(null, '', state.device !== null));
    return true;
  }
  if (!signedIn) {
    redirect(res, `${DJANGO_PREFIX}login/?next=${encodeURIComponent(url.pathname)}`);
    return true;
  }
  if (path === '/') sendHtml(res, 200, indexPage(state.device !== null));
  else if (path === '/otp_totp/totpdevice/add/') {
    state.device ??= { secret: new Secret({ size: 20 }).base32, usedCounters: new Set() };
    redirect(res, `${DJANGO_PREFIX}otp_totp/totpdevice/1/config/`);
  } else if (path === '/otp_totp/totpdevice/1/config/' && state.device) sendHtml(res, 200, configPage(uri));
  else if (path === '/otp_totp/totpdevice/1/qrcode/' && state.device) {
    // django-otp renders the QR with segno or qrcode as SVG.
    send(
      res,
      200,
      await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }),
      'image/svg+xml',
    );
  } else sendHtml(res, 404, page('Page not found', '<h1>Not Found</h1>'));
  return true;
}
