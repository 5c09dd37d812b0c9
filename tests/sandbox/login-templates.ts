import type { ServerResponse } from 'node:http';
import { sendHtml } from './http.ts';

/**
 * Second-factor pages modelled on the real templates of open-source web apps and on code-entry
 * widget libraries, written for the autofill tests (not copied): each says what it models. Every
 * form reports what it would send ("Submitted: …" in a status line) instead of leaving the page,
 * so a test can see what the page itself received. Served at /widgets/login/<id>.
 */

const STYLE = `<style>body{font:16px system-ui,sans-serif;margin:40px}input{font:20px monospace;padding:6px}
.boxes{display:flex;gap:6px}.boxes input{width:1.6em;text-align:center}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}</style>`;

/** On submit, show the value the form carries under `name` (what the server would get). */
const REPORT_SUBMIT = `<p id="out" role="status"></p><script>
for (const form of document.forms) form.addEventListener('submit', (event) => {
  event.preventDefault();
  const name = form.dataset.codeName;
  document.getElementById('out').textContent = 'Submitted: ' + (name ? new FormData(form).get(name) : '');
});
</script>`;

function shell(title: string, body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>${STYLE}</head>
<body>${body}${REPORT_SUBMIT}</body></html>`;
}

/** Nextcloud's TOTP provider challenge (twofactor_totp, login/challenge/totp): a paragraph and a placeholder, no label. */
const NEXTCLOUD_TOTP = `<main class="guest-box"><h2>Two-factor authentication</h2>
<p>Get the authentication code from the two-factor app on your device.</p>
<form method="POST" class="totp-form" data-code-name="challenge">
<input type="tel" minlength="6" maxlength="10" name="challenge" required autofocus autocomplete="one-time-code"
  inputmode="numeric" autocapitalize="off" placeholder="Authentication code">
<button class="primary two-factor-submit" type="submit">Submit</button></form>
<p><a href="#">Use backup code</a> · <a href="#">Cancel login</a></p></main>`;

/** Nextcloud's e-mail provider challenge (twofactor_email): the same field, but the code comes by e-mail. */
const NEXTCLOUD_EMAIL = `<main class="guest-box"><h2>Two-factor authentication</h2>
<p>Get the authentication code from your e-mail inbox.</p>
<form method="POST" class="twofactor_email-challenge-form" data-code-name="challenge">
<input type="text" minlength="6" maxlength="10" name="challenge" required autofocus autocomplete="one-time-code"
  inputmode="numeric" autocapitalize="off" placeholder="Authentication code">
<button class="primary two-factor-submit" type="submit">Submit</button></form></main>`;

/** Keycloak's login-otp.ftl (keycloak.v2 theme): a labelled "One-time code" field. */
const KEYCLOAK_OTP = `<div id="kc-content"><h1 id="kc-page-title">Sign in to your account</h1>
<form id="kc-otp-login-form" class="pf-v5-c-form" action="#" method="post" data-code-name="otp">
<input id="selectedCredentialId" type="hidden" name="selectedCredentialId" value="">
<div class="pf-v5-c-form__group"><div class="pf-v5-c-form__label"><label for="otp" class="pf-v5-c-form__label">
<span class="pf-v5-c-form__label-text">One-time code</span></label></div>
<span class="pf-v5-c-form-control"><input id="otp" name="otp" value="" type="text" autocomplete="one-time-code" autofocus aria-invalid=""></span></div>
<div class="pf-v5-c-form__group"><input class="pf-v5-c-button pf-m-primary" name="login" id="kc-login" type="submit" value="Sign In"></div>
</form></div>`;

/** Gitea's templates/user/auth/twofa.tmpl: a "Passcode" number field, autocomplete off. */
const GITEA_TWOFA = `<div class="user signin"><form class="ui form" action="#" method="post" data-code-name="passcode">
<h4 class="ui top attached header">Two-factor authentication</h4><div class="ui attached segment">
<div class="required field"><label for="passcode">Passcode</label>
<input id="passcode" name="passcode" type="text" inputmode="numeric" autocomplete="off" autofocus required></div>
<div class="inline field"><button class="ui primary button">Verify</button>
<a href="#">Lost your phone? Use a scratch code instead.</a></div></div></form></div>`;

/** Gitea's twofa_scratch.tmpl: the scratch (recovery) code form. */
const GITEA_SCRATCH = `<div class="user signin"><form class="ui form" action="#" method="post" data-code-name="token">
<h4 class="ui top attached header">Two-factor authentication</h4><div class="ui attached segment">
<div class="required field"><label for="token">Scratch code</label>
<input id="token" name="token" type="text" autocomplete="off" autofocus required></div>
<button class="ui primary button">Verify</button></div></form></div>`;

/** Discourse's login second-factor form (second-factor-form + second-factor-input, TOTP method). */
const DISCOURSE_TOTP = `<div id="login-form"><div id="second-factor"><h3>Two-Factor Authentication</h3>
<p>Please enter the authentication code from your app:</p>
<form data-code-name="second-factor-token"><input type="tel" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code"
  autocapitalize="off" autocorrect="off" autofocus class="second-factor-token-input" id="login-second-factor" name="second-factor-token">
<button class="btn btn-primary" type="submit">Log In</button></form>
<p><a href="#" class="toggle-second-factor-method">Log in using a backup code</a></p></div></div>`;

/**
 * Discourse's second-factor form when the user last chose backup codes: the page opens on "Log in
 * using a backup code" and its link switches the same input to the authenticator. Unlike Discourse,
 * the input keeps its attributes: only the heading and the instructions around it change.
 */
const DISCOURSE_BACKUP_FIRST = `<div id="login-form"><div id="second-factor"><h3 id="sf-title">Log in using a backup code</h3>
<p id="sf-help">Please enter one of your backup codes. Each backup code can only be used once.</p>
<form data-code-name="second-factor-token"><input type="text" autocomplete="one-time-code" autocapitalize="off" autocorrect="off"
  class="second-factor-token-input" id="login-second-factor" name="second-factor-token">
<button class="btn btn-primary" type="submit">Log In</button></form>
<p><a href="#" id="sf-toggle" class="toggle-second-factor-method">Log in using your authenticator app</a></p></div></div>
<script>
document.getElementById('sf-toggle').addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('sf-title').textContent = 'Two-Factor Authentication';
  document.getElementById('sf-help').textContent = 'Please enter the authentication code from your app:';
  event.currentTarget.textContent = 'Log in using a backup code';
});
</script>`;

/** GitLab's devise/sessions/two_factor.html.haml: a placeholder, and help that also offers recovery codes. */
const GITLAB_2FA = `<div class="login-box"><div class="login-heading"><h3>Two-factor authentication</h3></div><div class="login-body">
<form class="edit_user" action="#" method="post" data-code-name="user[otp_attempt]">
<input type="hidden" name="user[remember_me]" value="0">
<input class="form-control" placeholder="Two-factor authentication code" required autofocus autocomplete="off" type="text" name="user[otp_attempt]" id="user_otp_attempt">
<p class="help-block hint">Enter the code from the two-factor app on your mobile device. If you've lost your device, you may enter one of your recovery codes.</p>
<input type="submit" value="Verify code" class="btn btn-confirm"></form></div></div>`;

/** Sentry's sentry/twofactor.html with the TOTP interface: "Authenticator code" or a recovery code. */
const SENTRY_TOTP = `<div class="tab-content"><div class="tab-pane active" id="login"><h3>Two-Factor Authentication</h3>
<p>Your account is protected with two-factor authentication. To continue with the sign-in you need to provide the
access code from your authenticator or a recovery code if you have one.</p>
<form class="form-stacked" action="" method="post" autocomplete="off" data-code-name="otp">
<div id="div_id_otp" class="control-group"><label for="id_otp" class="control-label">Authenticator code</label>
<div class="controls"><input type="text" name="otp" placeholder="Authenticator code" autofocus class="textinput" id="id_otp"></div></div>
<fieldset class="form-actions"><button type="submit" class="btn btn-primary">Continue</button></fieldset>
<p>Other authentication methods:</p><ul><li><a href="#">Recovery Codes</a></li></ul></form></div></div>`;

/** Sentry's twofactor.html with the recovery-code interface (?interface=recovery). */
const SENTRY_RECOVERY = `<div class="tab-content"><div class="tab-pane active" id="login"><h3>Two-Factor Authentication</h3>
<p>Your account is protected with two-factor authentication.</p>
<form class="form-stacked" action="" method="post" autocomplete="off" data-code-name="otp">
<div id="div_id_otp" class="control-group"><label for="id_otp" class="control-label">Recovery code</label>
<div class="controls"><input type="text" name="otp" placeholder="Recovery code" autofocus class="textinput" id="id_otp"></div></div>
<fieldset class="form-actions"><button type="submit" class="btn btn-primary">Continue</button></fieldset></form></div></div>`;

/** WordPress Two Factor plugin, Two_Factor_Totp::authentication_page inside wp-login.php's form. */
const WORDPRESS_TOTP = `<div id="login"><form name="validate_2fa_form" id="loginform" action="#" method="post" data-code-name="authcode">
<input type="hidden" name="provider" value="Two_Factor_Totp">
<p class="two-factor-prompt">Enter the code generated by your authenticator app.</p>
<p><label for="authcode">Authentication Code:</label>
<input type="text" inputmode="numeric" autocomplete="one-time-code" name="authcode" id="authcode" class="input authcode" value="" size="20" pattern="[0-9 ]*" placeholder="123 456" data-digits="6"></p>
<p class="submit"><input type="submit" name="submit" id="submit" class="button button-primary" value="Verify"></p>
</form><div class="backup-methods-wrap"><p>Having problems?</p><ul><li><a href="#">Use a recovery code</a></li></ul></div></div>`;

/** WordPress Two Factor plugin, Two_Factor_Backup_Codes::authentication_page. */
const WORDPRESS_BACKUP = `<div id="login"><form name="validate_2fa_form" id="loginform" action="#" method="post" data-code-name="two-factor-backup-code">
<input type="hidden" name="provider" value="Two_Factor_Backup_Codes">
<p class="two-factor-prompt">Enter a recovery code.</p>
<p><label for="authcode">Recovery Code:</label>
<input type="text" inputmode="numeric" name="two-factor-backup-code" id="authcode" class="input authcode" value="" size="20" pattern="[0-9 ]*" placeholder="1234 5678" data-digits="8"></p>
<p class="submit"><input type="submit" name="submit" id="submit" class="button button-primary" value="Verify"></p></form></div>`;

/** A labelled code field beside a decoy `one-time-code` field moved off screen (a harvesting trick). */
const DECOY = `<form data-code-name="otp"><h2>Two-step verification</h2>
<input autocomplete="one-time-code" name="otp_shadow" id="decoy" tabindex="-1" aria-hidden="true" style="position:absolute;left:-10000px;top:0;opacity:0">
<label for="otp">Verification code</label> <input id="otp" name="otp" inputmode="numeric">
<button>Verify</button></form>
<p id="decoy-state" role="status"></p>
<script>setInterval(() => { const v = document.getElementById('decoy').value; if (v) document.getElementById('decoy-state').textContent = 'Decoy got: ' + v; }, 50);</script>`;

/** The German sign-in that e-mails its code (with autocomplete=one-time-code). */
const GERMAN_EMAIL = `<form data-code-name="code"><h2>Anmeldung bestätigen</h2>
<p>Wir haben einen 6-stelligen Bestätigungscode an m•••@example.com gesendet.</p>
<label for="code">Bestätigungscode aus der E-Mail</label> <input id="code" name="code" autocomplete="one-time-code" inputmode="numeric" maxlength="6">
<button>Bestätigen</button></form>`;

/**
 * A Zag pin input (@zag-js/pin-input, as Ark UI's and Chakra UI v3's PinInput render it with
 * `otp`): its machine's behaviour in plain script. Six `data-part="input"` boxes (type tel,
 * autocomplete one-time-code, no maxlength, labelled "pin code N of 6") and a visually hidden
 * aggregate input carrying the form value. Events count only in the "focused" state (a box got
 * focus); a one-character change sets the focused box and moves focus on; a longer value (a
 * paste) is applied in a requestAnimationFrame, from the focused box on; every value change
 * syncs all boxes and writes the hidden input (with an input event).
 */
const ZAG_PIN_INPUT = `<form data-code-name="code"><h2>Two-factor authentication</h2>
<p>Enter the 6-digit code from your authenticator app.</p>
<label data-scope="pin-input" data-part="label" for="pin-hidden">Verification code</label>
<div data-scope="pin-input" data-part="root" id="pin-root"><div data-scope="pin-input" data-part="control" class="boxes"></div>
<input id="pin-hidden" aria-hidden="true" type="text" tabindex="-1" name="code" maxlength="6" class="sr-only"></div>
<button>Verify</button></form>
<p id="state" role="status">Widget state: </p>
<script>
const COUNT = 6;
const control = document.querySelector('[data-part="control"]');
const hidden = document.getElementById('pin-hidden');
const nativeValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
const boxes = Array.from({ length: COUNT }, (_, index) => {
  const box = document.createElement('input');
  Object.assign(box, { type: 'tel', inputMode: 'numeric', autocomplete: 'one-time-code', placeholder: '○', id: 'pin-input-' + index });
  box.setAttribute('data-scope', 'pin-input');
  box.setAttribute('data-part', 'input');
  box.setAttribute('aria-label', 'pin code ' + (index + 1) + ' of ' + COUNT);
  control.append(box);
  return box;
});
const machine = { state: 'idle', value: Array(COUNT).fill(''), focusedIndex: -1 };
function setValue(value) {
  machine.value = value;
  boxes.forEach((box, i) => { box.value = value[i] || ''; });
  nativeValue.set.call(hidden, value.join(''));
  hidden.dispatchEvent(new Event('input', { bubbles: true }));
  document.getElementById('state').textContent = 'Widget state: ' + value.join('');
}
function setFocusedIndex(index) {
  machine.focusedIndex = index;
  if (index >= 0) boxes[index].focus({ preventScroll: true });
}
function nextValue(current, typed) {
  let next = typed;
  if (current[0] === typed[0]) next = typed[1] || '';
  else if (current[0] === typed[1]) next = typed[0];
  return next.slice(-1);
}
function send(event) {
  if (event.type === 'INPUT.FOCUS') { machine.state = 'focused'; machine.focusedIndex = event.index; return; }
  if (machine.state !== 'focused') return;
  if (event.type === 'INPUT.BLUR') { machine.state = 'idle'; machine.focusedIndex = -1; return; }
  if (event.type === 'INPUT.CHANGE') {
    const i = machine.focusedIndex;
    const value = machine.value.slice();
    value[i] = nextValue(value[i], event.value);
    setValue(value);
    setFocusedIndex(Math.min(i + 1, COUNT - 1));
  } else if (event.type === 'INPUT.PASTE') {
    requestAnimationFrame(() => {
      const asString = machine.value.join('');
      const filled = machine.value.filter(Boolean).length;
      const start = Math.min(machine.focusedIndex, filled);
      const left = start > 0 ? asString.slice(0, machine.focusedIndex) : '';
      const chars = (left + event.value.slice(0, COUNT - start)).split('');
      setValue(Array.from({ length: COUNT }, (_, i) => chars[i] || ''));
    });
    requestAnimationFrame(() => setFocusedIndex(Math.min(machine.value.filter(Boolean).length, COUNT - 1)));
  } else if (event.type === 'INPUT.BACKSPACE') {
    const value = machine.value.slice();
    if (value[machine.focusedIndex]) value[machine.focusedIndex] = '';
    else { setFocusedIndex(Math.max(machine.focusedIndex - 1, 0)); value[machine.focusedIndex] = ''; }
    setValue(value);
  }
}
boxes.forEach((box, index) => {
  box.addEventListener('focus', () => send({ type: 'INPUT.FOCUS', index }));
  box.addEventListener('blur', () => send({ type: 'INPUT.BLUR', index }));
  box.addEventListener('beforeinput', (event) => {
    if (event.data && !/^[0-9]+$/.test(event.data)) event.preventDefault();
  });
  box.addEventListener('input', (event) => {
    const value = box.value;
    if (event.inputType === 'insertFromPaste' || value.length > 2) {
      send({ type: 'INPUT.PASTE', value });
      box.value = value[0] || '';
      return;
    }
    if (event.inputType === 'deleteContentBackward') { send({ type: 'INPUT.BACKSPACE' }); return; }
    send({ type: 'INPUT.CHANGE', value, index });
  });
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Backspace') { send({ type: 'INPUT.BACKSPACE' }); event.preventDefault(); }
  });
});
</script>`;

/**
 * react18-input-otp's OtpInput: six inputs, each with autocomplete="one-time-code" and no
 * maxlength, controlled by React (after every event the DOM shows the state again). A change is
 * taken only when the box then holds exactly one valid character, at the box that has focus,
 * which then moves to the next; a paste fills from the focused box on.
 */
const REACT18_INPUT_OTP = `<form data-code-name="otp"><h2>Verify it's you</h2>
<p>Enter the verification code from your authenticator app</p>
<div class="boxes" id="otp-root"></div><input type="hidden" name="otp" id="otp-value">
<button>Verify</button></form>
<p id="state" role="status">Widget state: </p>
<script>
const N = 6;
const root = document.getElementById('otp-root');
let otp = Array(N).fill('');
let active = -1;
const boxes = Array.from({ length: N }, (_, i) => {
  const box = document.createElement('input');
  Object.assign(box, { type: 'tel', autocomplete: 'one-time-code' });
  box.setAttribute('aria-label', i === 0 ? 'Please enter verification code. Digit 1' : 'Digit ' + (i + 1));
  const wrap = document.createElement('div');
  wrap.append(box);
  root.append(wrap);
  return box;
});
function render() {
  boxes.forEach((box, i) => { box.value = otp[i]; });
  document.getElementById('otp-value').value = otp.join('');
  document.getElementById('state').textContent = 'Widget state: ' + otp.join('');
}
const focusInput = (i) => { const box = boxes[Math.max(Math.min(N - 1, i), 0)]; box.focus(); box.select(); };
const isValid = (value) => !Number.isNaN(parseInt(value, 10)) && value.trim().length === 1;
boxes.forEach((box, i) => {
  box.addEventListener('focus', () => { active = i; box.select(); });
  box.addEventListener('blur', () => { active = -1; });
  box.addEventListener('input', () => {
    const value = box.value;
    if (isValid(value) && active >= 0) {
      otp[active] = value;
      render();
      focusInput(active + 1);
    } else render();
  });
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Backspace') { event.preventDefault(); otp[active] = ''; render(); focusInput(active - 1); }
    else if (event.key === ' ') event.preventDefault();
  });
  box.addEventListener('paste', (event) => {
    event.preventDefault();
    if (active < 0) return;
    const pasted = event.clipboardData.getData('text/plain').slice(0, N - active).split('');
    let next = active;
    for (let pos = active; pos < N && pasted.length > 0; pos++) { otp[pos] = pasted.shift(); next++; }
    render();
    focusInput(next);
  });
});
</script>`;

const TEMPLATES: Record<string, { title: string; body: string; lang?: string }> = {
  'nextcloud-totp': { title: 'Nextcloud', body: NEXTCLOUD_TOTP },
  'nextcloud-email': { title: 'Nextcloud', body: NEXTCLOUD_EMAIL },
  'keycloak-otp': { title: 'Sign in to Keycloak', body: KEYCLOAK_OTP },
  'gitea-twofa': { title: 'Gitea', body: GITEA_TWOFA },
  'gitea-scratch': { title: 'Gitea', body: GITEA_SCRATCH },
  'discourse-totp': { title: 'Discourse', body: DISCOURSE_TOTP },
  'discourse-backup-first': { title: 'Discourse', body: DISCOURSE_BACKUP_FIRST },
  'gitlab-2fa': { title: 'GitLab', body: GITLAB_2FA },
  'sentry-totp': { title: 'Sentry', body: SENTRY_TOTP },
  'sentry-recovery': { title: 'Sentry', body: SENTRY_RECOVERY },
  'wordpress-totp': { title: 'Log In ‹ WordPress', body: WORDPRESS_TOTP },
  'wordpress-backup': { title: 'Log In ‹ WordPress', body: WORDPRESS_BACKUP },
  decoy: { title: 'Two-step verification', body: DECOY },
  'german-email': { title: 'Anmeldung', body: GERMAN_EMAIL, lang: 'de' },
  'zag-pin-input': { title: 'Pin input', body: ZAG_PIN_INPUT },
  'react18-input-otp': { title: 'Verify', body: REACT18_INPUT_OTP },
};

export const LOGIN_TEMPLATE_IDS = Object.keys(TEMPLATES);

/** The page `id` as served, or undefined. */
export function loginTemplateHtml(id: string): string | undefined {
  const template = Object.hasOwn(TEMPLATES, id) ? TEMPLATES[id] : undefined;
  return template && shell(template.title, template.body, template.lang);
}

/** /widgets/login/<id>: one of the pages above, or false (not found). */
export function handleLoginTemplate(url: URL, res: ServerResponse): boolean {
  const html = loginTemplateHtml(url.pathname.slice('/widgets/login/'.length));
  if (html === undefined) return false;
  sendHtml(res, 200, html);
  return true;
}
