import type { Lang, Strings } from '../i18n.ts';
import { fmt, formatDate } from '../i18n.ts';
import { qrMatrix } from '../qr.ts';
import type { User, Variant } from '../state.ts';
import { esc } from './html.ts';
import { alert, dialog, languageSwitch, notice, shell } from './layout.ts';

/** What every screen needs: language, its strings, and the current path (for the language switch). */
export interface Ctx {
  lang: Lang;
  t: Strings;
  path: string;
}

/** Links behind the QR codes that are not enrolment URIs (two-qr and url-only variants). */
export const DOWNLOAD_APP_URL = 'https://m2mmanager.example/help/authenticator-apps';
export const CONTINUE_ON_PHONE_URL = 'https://m2mmanager.example/mobile/2fa-setup';

function footer(ctx: Ctx): string {
  return languageSwitch(ctx.lang, ctx.t, ctx.path);
}

/** The application, dimmed and inert behind a pop-up. */
function backdrop(ctx: Ctx): string {
  return `<main inert aria-hidden="true">
<div class="card"><h1>${esc(ctx.t.homeTitle)}</h1><p>&nbsp;</p></div>
<div class="card"><h2>${esc(ctx.t.fleetTitle)}</h2><p>&nbsp;</p><p>&nbsp;</p></div>
</main>`;
}

function withDialog(ctx: Ctx, title: string, dialogHtml: string): string {
  return shell({ ...ctx, title, body: backdrop(ctx) + dialogHtml });
}

export function loginPage(ctx: Ctx, options: { email?: string; error?: string; info?: string } = {}): string {
  const { t } = ctx;
  const body = `<main><div class="card login">
<h1>${esc(t.loginTitle)}</h1>
${notice(options.info)}
${alert(options.error)}
<form method="post" action="/login">
  <label for="email">${esc(t.email)}</label>
  <input type="email" id="email" name="email" autocomplete="username" required value="${esc(options.email ?? '')}"${options.email ? '' : ' autofocus'}>
  <label for="password">${esc(t.password)}</label>
  <input type="password" id="password" name="password" autocomplete="current-password" required${options.email ? ' autofocus' : ''}>
  <div class="actions"><button type="submit">${esc(t.logIn)}</button></div>
</form>
</div></main>`;
  return shell({ ...ctx, title: t.loginTitle, body });
}

export function offerScreen(
  ctx: Ctx,
  options: { deadline: number | null; canPostpone: boolean; error?: string },
): string {
  const { t } = ctx;
  const window = options.canPostpone
    ? options.deadline === null
      ? ''
      : `<p>${esc(fmt(t.offerDeadline, { date: formatDate(ctx.lang, options.deadline) }))}</p>`
    : `<p><strong>${esc(t.offerExpired)}</strong></p>`;
  const notNow = options.canPostpone
    ? `<button type="submit" class="secondary" name="action" value="notnow" id="offer-notnow" formnovalidate>${esc(t.notNow)}</button>`
    : '';
  const body = `<p>${esc(t.offerIntro)}</p>
${window}
${alert(options.error)}
<form method="post" action="/2fa/offer">
  <div class="check"><input type="checkbox" id="activate" name="activate" value="yes"><label for="activate" style="font-weight:400;margin:0">${esc(t.offerCheckbox)}</label></div>
  <div class="actions"><button type="submit" name="action" value="continue">${esc(t.continue)}</button>${notNow}</div>
</form>`;
  return withDialog(
    ctx,
    t.offerTitle,
    dialog({
      id: 'offer',
      title: t.offerTitle,
      body,
      footer: footer(ctx),
      ...(options.canPostpone ? { escapeTarget: 'offer-notnow' } : {}),
    }),
  );
}

export function methodScreen(ctx: Ctx, options: { error?: string } = {}): string {
  const { t } = ctx;
  const body = `<p>${esc(t.methodIntro)}</p>
${alert(options.error)}
<form method="post" action="/2fa/method">
  <div class="actions">
    <button type="submit" name="method" value="app">${esc(t.methodApp)}</button>
    <button type="submit" name="method" value="sms" class="secondary">${esc(t.methodSms)}</button>
  </div>
</form>`;
  return withDialog(
    ctx,
    t.methodTitle,
    dialog({ id: 'method', title: t.methodTitle, body, footer: footer(ctx) }),
  );
}

function qrCanvas(text: string, label: string): string {
  return `<canvas role="img" aria-label="${esc(label)}" data-qr="${esc(JSON.stringify(qrMatrix(text)))}"></canvas>`;
}

/** The QR part of the enrolment pop-up, as each variant draws it. */
function qrBlock(ctx: Ctx, variant: Variant, uri: string, secret: string, imageUrl: string): string {
  const { t } = ctx;
  switch (variant) {
    case 'standard':
      return `<div class="qr">${qrCanvas(uri, t.qrAlt)}</div>`;
    case 'tainted-canvas':
      return `<div class="qr"><canvas role="img" aria-label="${esc(t.qrAlt)}" data-qr-src="${esc(imageUrl)}"></canvas></div>`;
    case 'cross-origin-img':
      return `<div class="qr"><img src="${esc(imageUrl)}" alt="${esc(t.qrAlt)}" width="200" height="200"></div>`;
    case 'two-qr':
      return `<div class="qr">
<figure>${qrCanvas(DOWNLOAD_APP_URL, t.qrDownloadAlt)}<figcaption>${esc(t.qrDownloadCaption)}</figcaption></figure>
<figure>${qrCanvas(uri, t.qrAlt)}<figcaption>${esc(t.appTitle)}</figcaption></figure>
</div>`;
    case 'url-only':
      // No otpauth URI anywhere in a QR: only the manual key lets a person finish.
      return `<div class="qr"><figure>${qrCanvas(CONTINUE_ON_PHONE_URL, t.qrAlt)}<figcaption>${esc(t.qrUrlOnlyCaption)}</figcaption></figure></div>
<details><summary>${esc(t.cantScan)}</summary><p>${esc(t.manualKey)} <code class="key">${esc(secret)}</code></p></details>`;
  }
}

export function appScreen(
  ctx: Ctx,
  options: { variant: Variant; uri: string; secret: string; imageUrl: string; error?: string },
): string {
  const { t } = ctx;
  const body = `<ol>
<li>${esc(t.appStep1)}</li>
<li>${esc(t.appStep2)}</li>
</ol>
${qrBlock(ctx, options.variant, options.uri, options.secret, options.imageUrl)}
<p>${esc(t.appStep3)}</p>
${alert(options.error)}
<form method="post" action="/2fa/app">
  <label for="otp">${esc(t.oneTimeCode)}</label>
  <input type="text" id="otp" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="7" autofocus>
  <div class="actions"><button type="submit">${esc(t.continue)}</button></div>
</form>`;
  return withDialog(
    ctx,
    t.appTitle,
    dialog({
      id: 'enrol-app',
      title: t.appTitle,
      body,
      footer: footer(ctx),
      escapeTarget: 'enrol-app-close',
      closeHref: '/2fa/method',
      closeLabel: t.close,
    }),
  );
}

export function smsPhoneScreen(ctx: Ctx, options: { phone?: string; error?: string } = {}): string {
  const { t } = ctx;
  const body = `${alert(options.error)}
<form method="post" action="/2fa/sms/phone">
  <label for="phone">${esc(t.phone)}</label>
  <input type="tel" id="phone" name="phone" autocomplete="tel" aria-describedby="phone-hint" value="${esc(options.phone ?? '')}" autofocus>
  <p class="hint" id="phone-hint">${esc(t.phoneHint)}</p>
  <div class="actions"><button type="submit">${esc(t.continue)}</button></div>
</form>`;
  return withDialog(
    ctx,
    t.smsTitle,
    dialog({
      id: 'enrol-sms',
      title: t.smsTitle,
      body,
      footer: footer(ctx),
      escapeTarget: 'enrol-sms-close',
      closeHref: '/2fa/method',
      closeLabel: t.close,
    }),
  );
}

export function smsCodeScreen(ctx: Ctx, options: { phone: string; info: string; error?: string }): string {
  const { t } = ctx;
  const body = `${notice(options.info)}
${alert(options.error)}
<form method="post" action="/2fa/sms/verify">
  <label for="sms-code">${esc(t.smsCode)}</label>
  <input type="text" id="sms-code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="7" autofocus>
  <div class="actions">
    <button type="submit">${esc(t.continue)}</button>
    <button type="submit" class="secondary" formaction="/2fa/sms/resend">${esc(t.resend)}</button>
    <button type="submit" class="link" formaction="/2fa/sms/other">${esc(t.tryAnother)}</button>
  </div>
</form>`;
  return withDialog(
    ctx,
    t.smsTitle,
    dialog({
      id: 'enrol-sms',
      title: t.smsTitle,
      body,
      footer: footer(ctx),
      escapeTarget: 'enrol-sms-close',
      closeHref: '/2fa/method',
      closeLabel: t.close,
    }),
  );
}

export function codeScreen(
  ctx: Ctx,
  options: { method: 'app' | 'sms'; phone?: string; info?: string; error?: string },
): string {
  const { t } = ctx;
  const sms = options.method === 'sms';
  const intro = sms ? fmt(t.codeIntroSms, { phone: options.phone ?? '' }) : t.codeIntroApp;
  const resend = sms
    ? `<button type="submit" class="secondary" formaction="/login/code/resend">${esc(t.resend)}</button>`
    : '';
  const body = `<p>${esc(intro)}</p>
${notice(options.info)}
${alert(options.error)}
<form method="post" action="/login/code">
  <label for="otp">${esc(sms ? t.smsCode : t.oneTimeCode)}</label>
  <input type="text" id="otp" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="7" autofocus>
  <div class="check"><input type="checkbox" id="remember" name="remember" value="yes"><label for="remember" style="font-weight:400;margin:0">${esc(t.remember)}</label></div>
  <div class="actions">
    <button type="submit">${esc(t.continue)}</button>
    ${resend}
    <button type="submit" class="link" formaction="/logout" id="code-cancel">${esc(t.cancel)}</button>
  </div>
</form>`;
  return withDialog(
    ctx,
    t.codeTitle,
    dialog({ id: 'code', title: t.codeTitle, body, footer: footer(ctx), escapeTarget: 'code-cancel' }),
  );
}

const FLEET: readonly [string, string, boolean, string][] = [
  ['8933 0101 2345 6789 012', 'Cold-store sensor #12', true, '14.2 MB'],
  ['8933 0101 2345 6789 029', 'Smart meter – Lyon 3', true, '3.8 MB'],
  ['8933 0101 2345 6789 037', 'Fleet tracker VAN-07', false, '0 MB'],
];

export function homePage(ctx: Ctx, options: { user: User; flash: string | null }): string {
  const { t } = ctx;
  const { user } = options;
  const tfa =
    user.twoFactor === null
      ? t.tfaOff
      : user.twoFactor.method === 'app'
        ? t.tfaOnApp
        : fmt(t.tfaOnSms, { phone: user.twoFactor.phone });
  const rows = FLEET.map(
    ([iccid, name, active, data]) =>
      `<tr><td>${esc(iccid)}</td><td>${esc(name)}</td><td>${esc(active ? t.simActive : t.simSuspended)}</td><td>${esc(data)}</td></tr>`,
  ).join('');
  const body = `<main>
<div class="card">
  <h1>${esc(t.homeTitle)}</h1>
  ${notice(options.flash)}
  <p>${esc(fmt(t.welcome, { name: user.name }))}</p>
  <form method="post" action="/logout"><button type="submit" class="secondary">${esc(t.logOut)}</button></form>
</div>
<div class="card"><h2>${esc(t.fleetTitle)}</h2>
<table><thead><tr><th>${esc(t.colIccid)}</th><th>${esc(t.colName)}</th><th>${esc(t.colStatus)}</th><th>${esc(t.colData)}</th></tr></thead><tbody>${rows}</tbody></table>
</div>
<div class="card"><h2>${esc(t.securityTitle)}</h2><p>${esc(tfa)}</p></div>
<div class="card"><h2>${esc(t.requests)}</h2><p>${esc(t.requestsHelp)}</p></div>
</main>`;
  return shell({ ...ctx, title: t.homeTitle, body });
}

export const VARIANT_DESCRIPTIONS: Record<Variant, string> = {
  standard: 'QR code drawn on a same-origin <canvas> (the real platform).',
  'tainted-canvas':
    'QR PNG from http://phish.localhost (no CORS) drawn onto a <canvas>: the canvas is tainted.',
  'cross-origin-img': 'QR shown as an <img> loaded from http://phish.localhost (no CORS).',
  'two-qr': 'Two QR codes: a plain https URL (download an app) and the otpauth one.',
  'url-only': 'The only QR encodes a plain https URL; the secret is under “Can’t scan the code?”.',
};

export function notFoundPage(ctx: Ctx): string {
  return shell({
    ...ctx,
    title: ctx.t.notFound,
    body: `<main><div class="card"><h1>${esc(ctx.t.notFound)}</h1><p><a href="/">M2Mmanager</a></p></div></main>`,
  });
}

export function variantsIndex(ctx: Ctx, active: Variant): string {
  const items = (Object.keys(VARIANT_DESCRIPTIONS) as Variant[])
    .map(
      (name) =>
        `<li><a href="/variants/${name}"${name === active ? ' aria-current="true"' : ''}>${esc(name)}</a>: ${esc(VARIANT_DESCRIPTIONS[name])}</li>`,
    )
    .join('');
  const body = `<main><div class="card"><h1>${esc(ctx.t.variantsTitle)}</h1>
<p>Opening a variant applies to this browser session, then the usual login and enrolment flow follows.</p>
<ul>${items}</ul></div></main>`;
  return shell({ ...ctx, title: ctx.t.variantsTitle, body });
}
