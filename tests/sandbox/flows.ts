import type { IncomingMessage, ServerResponse } from 'node:http';
import { cookie, parseCookies, readBody, redirect, send, sendHtml } from './http.ts';
import type { Lang, Strings } from './i18n.ts';
import { STRINGS, fmt, isLang } from './i18n.ts';
import type { Ctx } from './pages/screens.ts';
import * as screens from './pages/screens.ts';
import {
  REMEMBER_MS,
  SMS_VALID_MS,
  canPostpone,
  isLocked,
  postponementDeadline,
  recordFailure,
  recordLogin,
  recordSuccess,
} from './policy.ts';
import { qrPng } from './qr.ts';
import { isValidPhone, normalizePhone, sendSmsCode } from './sms.ts';
import type { SandboxState, Session, Stage, User, Variant } from './state.ts';
import { VARIANTS, randomToken } from './state.ts';
import { newSecret, otpauthUri, verifyTotp } from './totp.ts';

const SESSION_COOKIE = 'm2m_session';
const DEVICE_COOKIE = 'm2m_device';
const LANG_COOKIE = 'm2m_lang';

/** One request: what the handlers read, and the cookies they add to the response. */
interface Request {
  state: SandboxState;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  port: number;
  now: number;
  cookies: Record<string, string>;
  setCookies: string[];
  lang: Lang;
  t: Strings;
  session: Session | undefined;
  form: URLSearchParams;
}

const STAGE_URL: Record<Stage, string> = {
  offer: '/2fa/offer',
  method: '/2fa/method',
  'enrol-app': '/2fa/app',
  'enrol-sms': '/2fa/sms',
  code: '/login/code',
  home: '/home',
};

function ctx(rq: Request): Ctx {
  return { lang: rq.lang, t: rq.t, path: rq.url.pathname };
}

function html(rq: Request, status: number, page: string): void {
  sendHtml(rq.res, status, page, rq.setCookies);
}

function go(rq: Request, location: string): void {
  redirect(rq.res, location, rq.setCookies);
}

/** A new session id at every login (no fixation); the chosen page variant survives it. */
function startSession(rq: Request, email: string | null): Session {
  const variant: Variant = rq.session?.variant ?? 'standard';
  if (rq.session) rq.state.sessions.delete(rq.session.id);
  const session = rq.state.newSession();
  session.email = email;
  session.variant = variant;
  rq.session = session;
  rq.setCookies.push(cookie(SESSION_COOKIE, session.id));
  return session;
}

function sessionUser(rq: Request): User | undefined {
  return rq.session?.email ? rq.state.findUser(rq.session.email) : undefined;
}

function takeFlash(session: Session): string | null {
  const flash = session.flash;
  session.flash = null;
  return flash;
}

function rememberedDevice(rq: Request, user: User): boolean {
  const token = rq.cookies[DEVICE_COOKIE];
  const device = token ? rq.state.devices.get(token) : undefined;
  return device !== undefined && device.email === user.email && device.expiresAt > rq.now;
}

type Outcome = 'ok' | 'invalid' | 'replayed' | 'expired';

/** Lockout, format check and failure counting shared by every code field; null means accepted. */
function attempt(rq: Request, user: User, raw: string, check: (code: string) => Outcome): string | null {
  if (isLocked(user, rq.now)) return rq.t.locked;
  const code = raw.replace(/\s+/g, '');
  const outcome: Outcome | 'format' = /^\d{6}$/.test(code) ? check(code) : 'format';
  if (outcome === 'ok') {
    recordSuccess(user);
    return null;
  }
  if (recordFailure(user, rq.now)) return rq.t.locked;
  const messages = {
    format: rq.t.badFormat,
    invalid: rq.t.wrongCode,
    replayed: rq.t.replayedCode,
    expired: rq.t.smsExpired,
  };
  return messages[outcome];
}

function totpCheck(rq: Request, user: User, secret: string): (code: string) => Outcome {
  return (code) => {
    const result = verifyTotp(user.email, secret, code, rq.now, user.usedCounters);
    if (!result.ok) return result.reason;
    user.usedCounters.add(result.counter);
    return 'ok';
  };
}

function smsCheck(rq: Request, session: Session): (code: string) => Outcome {
  return (code) => {
    const sms = session.sms;
    if (!sms || sms.code !== code) return 'invalid';
    if (rq.now - sms.sentAt > SMS_VALID_MS) return 'expired';
    session.sms = null; // single use
    return 'ok';
  };
}

function enrolImageUrl(rq: Request, uri: string): string {
  const token = randomToken();
  rq.state.qrImages.set(token, uri);
  return `http://phish.localhost:${rq.port}/__qr/${token}.png`;
}

function renderApp(rq: Request, session: Session, user: User, status: number, error?: string): void {
  session.enrolSecret ??= newSecret();
  const uri = otpauthUri(user.email, session.enrolSecret);
  const imageUrl =
    session.variant === 'tainted-canvas' || session.variant === 'cross-origin-img'
      ? enrolImageUrl(rq, uri)
      : '';
  html(
    rq,
    status,
    screens.appScreen(ctx(rq), {
      variant: session.variant,
      uri,
      secret: session.enrolSecret,
      imageUrl,
      ...(error ? { error } : {}),
    }),
  );
}

function renderSms(rq: Request, session: Session, status: number, error?: string): void {
  const flash = takeFlash(session);
  if (!session.sms) {
    html(rq, status, screens.smsPhoneScreen(ctx(rq), error ? { error } : {}));
    return;
  }
  const info = flash ?? fmt(rq.t.smsSent, { phone: session.sms.phone });
  html(
    rq,
    status,
    screens.smsCodeScreen(ctx(rq), { phone: session.sms.phone, info, ...(error ? { error } : {}) }),
  );
}

function renderCode(rq: Request, session: Session, user: User, status: number, error?: string): void {
  const flash = takeFlash(session);
  const twoFactor = user.twoFactor;
  const method = twoFactor?.method ?? 'app';
  html(
    rq,
    status,
    screens.codeScreen(ctx(rq), {
      method,
      ...(twoFactor?.method === 'sms' ? { phone: twoFactor.phone } : {}),
      ...(flash ? { info: flash } : {}),
      ...(error ? { error } : {}),
    }),
  );
}

function renderOffer(rq: Request, user: User, status: number, error?: string): void {
  html(
    rq,
    status,
    screens.offerScreen(ctx(rq), {
      deadline: postponementDeadline(user),
      canPostpone: canPostpone(user, rq.now),
      ...(error ? { error } : {}),
    }),
  );
}

function finishLogin(rq: Request, session: Session, flash: string | null): void {
  session.stage = 'home';
  session.enrolSecret = null;
  session.sms = null;
  session.flash = flash;
  go(rq, '/home');
}

async function handleGet(rq: Request): Promise<void> {
  const path = rq.url.pathname;
  const session = rq.session;
  const user = sessionUser(rq);
  const stage = user ? (session?.stage ?? null) : null;

  if (path === '/' || path === '/login') {
    if (stage) return go(rq, STAGE_URL[stage]);
    const info = rq.url.searchParams.get('reauth') ? rq.t.reauth : undefined;
    return html(rq, 200, screens.loginPage(ctx(rq), info ? { info } : {}));
  }
  if (path === '/variants' || path === '/variants/') {
    return html(rq, 200, screens.variantsIndex(ctx(rq), session?.variant ?? 'standard'));
  }
  const variant = /^\/variants\/([\w-]+)$/.exec(path)?.[1];
  if (variant !== undefined) {
    if (!(VARIANTS as readonly string[]).includes(variant))
      return html(rq, 404, screens.notFoundPage(ctx(rq)));
    const target = session ?? startSession(rq, null);
    target.variant = variant as Variant;
    return go(rq, stage ? STAGE_URL[stage] : '/');
  }
  const qrToken = /^\/__qr\/([\w-]+)\.png$/.exec(path)?.[1];
  if (qrToken !== undefined) {
    const uri = rq.state.qrImages.get(qrToken);
    // Deliberately no Access-Control-Allow-Origin: the image must taint a canvas.
    if (uri) return send(rq.res, 200, await qrPng(uri), 'image/png');
    return send(rq.res, 404, 'not found', 'text/plain');
  }
  if (path === '/favicon.ico') return send(rq.res, 204, '', 'image/x-icon');

  const wanted = (Object.keys(STAGE_URL) as Stage[]).find((key) => STAGE_URL[key] === path);
  if (wanted === undefined) return html(rq, 404, screens.notFoundPage(ctx(rq)));
  if (!session || !user || !stage) return go(rq, '/');
  // Closing an enrolment pop-up returns to the choice of method, with a fresh secret next time.
  if (wanted === 'method' && (stage === 'enrol-app' || stage === 'enrol-sms')) {
    session.stage = 'method';
    session.enrolSecret = null;
    session.sms = null;
  } else if (wanted !== stage) return go(rq, STAGE_URL[stage]);

  switch (wanted) {
    case 'home':
      return html(rq, 200, screens.homePage(ctx(rq), { user, flash: takeFlash(session) }));
    case 'offer':
      return renderOffer(rq, user, 200);
    case 'method':
      return html(rq, 200, screens.methodScreen(ctx(rq)));
    case 'enrol-app':
      return renderApp(rq, session, user, 200);
    case 'enrol-sms':
      return renderSms(rq, session, 200);
    case 'code':
      return renderCode(rq, session, user, 200);
  }
}

function handleLogin(rq: Request): void {
  const email = rq.form.get('email') ?? '';
  const user = rq.state.findUser(email);
  if (!user || user.password !== (rq.form.get('password') ?? '')) {
    return html(rq, 401, screens.loginPage(ctx(rq), { email, error: rq.t.badCredentials }));
  }
  recordLogin(user, rq.now);
  const session = startSession(rq, user.email);
  if (user.twoFactor) {
    if (rememberedDevice(rq, user)) return finishLogin(rq, session, null);
    session.stage = 'code';
    if (user.twoFactor.method === 'sms')
      session.sms = sendSmsCode(rq.state, user.twoFactor.phone, rq.lang, rq.now);
    return go(rq, STAGE_URL.code);
  }
  session.stage = user.activationRequested ? 'method' : 'offer';
  go(rq, STAGE_URL[session.stage]);
}

function handlePost(rq: Request): void {
  const path = rq.url.pathname;
  if (path === '/login') return handleLogin(rq);
  const session = rq.session;
  if (path === '/logout') {
    if (session) rq.state.sessions.delete(session.id);
    rq.setCookies.push(cookie(SESSION_COOKIE, '', 0));
    return go(rq, '/');
  }
  const user = sessionUser(rq);
  if (!session || !user || !session.stage) {
    return html(rq, 401, screens.loginPage(ctx(rq), { error: rq.t.sessionExpired }));
  }
  const stage = session.stage;
  const code = rq.form.get('code') ?? '';

  if (path === '/2fa/offer' && stage === 'offer') {
    const postpone = canPostpone(user, rq.now);
    if (rq.form.get('action') === 'notnow') {
      if (!postpone) return renderOffer(rq, user, 403, rq.t.postponeRefused);
      return finishLogin(rq, session, rq.t.postponed);
    }
    if (rq.form.get('activate') !== 'yes') {
      return renderOffer(rq, user, 400, postpone ? rq.t.offerNeedsTick : rq.t.offerNeedsTickMandatory);
    }
    // Article step 4: activation starts at the next login, after re-entering the credentials.
    user.activationRequested = true;
    startSession(rq, null);
    return go(rq, '/login?reauth=1');
  }

  if (path === '/2fa/method' && (stage === 'method' || stage === 'enrol-app' || stage === 'enrol-sms')) {
    const method = rq.form.get('method');
    session.sms = null;
    session.enrolSecret = null;
    if (method === 'app') session.stage = 'enrol-app';
    else if (method === 'sms') session.stage = 'enrol-sms';
    else return html(rq, 400, screens.methodScreen(ctx(rq)));
    return go(rq, STAGE_URL[session.stage]);
  }

  if (path === '/2fa/app' && stage === 'enrol-app' && session.enrolSecret) {
    const secret = session.enrolSecret;
    const error = attempt(rq, user, code, totpCheck(rq, user, secret));
    if (error) return renderApp(rq, session, user, 400, error);
    user.twoFactor = { method: 'app', secret };
    user.activationRequested = false;
    return finishLogin(rq, session, rq.t.enrolled);
  }

  if (stage === 'enrol-sms') {
    if (path === '/2fa/sms/phone') {
      const phone = normalizePhone(rq.form.get('phone') ?? '');
      if (!isValidPhone(phone)) return renderSms(rq, session, 400, rq.t.badPhone);
      session.sms = sendSmsCode(rq.state, phone, rq.lang, rq.now);
      return go(rq, STAGE_URL['enrol-sms']);
    }
    if (path === '/2fa/sms/other') {
      // FAQ: no SMS received -> "Try another method" leads to the app path.
      session.sms = null;
      session.enrolSecret = null;
      session.stage = 'enrol-app';
      return go(rq, STAGE_URL['enrol-app']);
    }
    if (path === '/2fa/sms/resend' && session.sms) {
      session.sms = sendSmsCode(rq.state, session.sms.phone, rq.lang, rq.now);
      session.flash = fmt(rq.t.smsResent, { phone: session.sms.phone });
      return go(rq, STAGE_URL['enrol-sms']);
    }
    if (path === '/2fa/sms/verify' && session.sms) {
      const phone = session.sms.phone;
      const error = attempt(rq, user, code, smsCheck(rq, session));
      if (error) return renderSms(rq, session, 400, error);
      user.twoFactor = { method: 'sms', phone };
      user.activationRequested = false;
      return finishLogin(rq, session, rq.t.enrolled);
    }
  }

  if (stage === 'code' && user.twoFactor) {
    const twoFactor = user.twoFactor;
    if (path === '/login/code/resend' && twoFactor.method === 'sms') {
      session.sms = sendSmsCode(rq.state, twoFactor.phone, rq.lang, rq.now);
      session.flash = fmt(rq.t.smsResent, { phone: twoFactor.phone });
      return go(rq, STAGE_URL.code);
    }
    if (path === '/login/code') {
      const check =
        twoFactor.method === 'app' ? totpCheck(rq, user, twoFactor.secret) : smsCheck(rq, session);
      const error = attempt(rq, user, code, check);
      if (error) return renderCode(rq, session, user, 400, error);
      if (rq.form.get('remember') === 'yes') {
        const token = randomToken();
        rq.state.devices.set(token, { email: user.email, expiresAt: rq.now + REMEMBER_MS });
        rq.setCookies.push(cookie(DEVICE_COOKIE, token, REMEMBER_MS / 1000));
      }
      return finishLogin(rq, session, null);
    }
  }
  // A form from another step (back button, stale tab): show the current step.
  go(rq, STAGE_URL[stage]);
}

/** Serves the simulated platform's pages (any host: m2mmanager.localhost, phish.localhost...). */
export async function handlePage(
  state: SandboxState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  port: number,
): Promise<void> {
  const cookies = parseCookies(req.headers.cookie);
  const setCookies: string[] = [];
  const queryLang = url.searchParams.get('lang');
  let lang: Lang = 'en';
  if (isLang(queryLang)) {
    lang = queryLang;
    setCookies.push(cookie(LANG_COOKIE, lang, 365 * 24 * 3600));
  } else if (isLang(cookies[LANG_COOKIE])) lang = cookies[LANG_COOKIE];
  const sessionId = cookies[SESSION_COOKIE];
  const rq: Request = {
    state,
    req,
    res,
    url,
    port,
    now: state.now(),
    cookies,
    setCookies,
    lang,
    t: STRINGS[lang],
    session: sessionId ? state.sessions.get(sessionId) : undefined,
    form: new URLSearchParams(req.method === 'POST' ? await readBody(req) : ''),
  };
  if (req.method === 'POST') handlePost(rq);
  else if (req.method === 'GET' || req.method === 'HEAD') await handleGet(rq);
  else send(res, 405, 'method not allowed', 'text/plain');
}
