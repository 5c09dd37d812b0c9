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

/** The issue's German sign-in that e-mails its code (with autocomplete=one-time-code). */
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

/**
 * input-otp 1.5 (guilhermerodz; shadcn/ui's InputOTP is built on it), as its dist/index.mjs renders:
 * a `data-input-otp-container` (position:relative, pointer-events:none) holding the slot boxes
 * that show the digits, and over them one real input (`data-input-otp`, absolute, inset 0) with
 * transparent text, caret, background and border. The input is React-controlled: an `input` event
 * whose value fails the pattern is undone; a new value re-renders the slots. Once focused it looks
 * for a password manager's badge (elementFromPoint near its right edge) and, when it finds
 * anything but its container there, grows 40 px and clips them off (`clip-path: inset(0 40px 0 0)`).
 * After every change it dispatches `input` at 0, 10 and 50 ms (its syncTimeouts). On hydration it
 * takes a value put into the input before (its initialLoadRef effect): `hydrate` delays that, as
 * on a slow machine where the server-rendered input is there long before React attaches.
 */
function inputOtp(options: {
  slots: string;
  slotClass: string;
  extraStyle: string;
  attrs: string;
  hydrateMs: number;
}): string {
  return `<form data-code-name="otp"><h2>Verify your login</h2>
<p>Enter the 6-digit code from your authenticator app.</p>
<style>${options.extraStyle}
/* The page's reset (Tailwind's preflight): inputs have no padding of their own. */
[data-input-otp]{padding:0}</style>
<div data-input-otp-container translate="no" class="otp-container" style="position:relative;cursor:text;user-select:none;-webkit-user-select:none;pointer-events:none">
${options.slots}
<div style="position:absolute;inset:0;pointer-events:none"><input ${options.attrs} autocomplete="one-time-code" name="otp" data-input-otp data-input-otp-placeholder-shown="true" inputmode="numeric" pattern="^\\d+$" maxlength="6" spellcheck="false" value=""
 style="position:absolute;inset:0;width:100%;height:100%;display:flex;text-align:left;opacity:1;color:transparent;pointer-events:all;background:transparent;caret-color:transparent;border:0 solid transparent;outline:0 solid transparent;box-shadow:none;line-height:1;letter-spacing:-.5em;font-size:var(--root-height, 16px);font-family:monospace;font-variant-numeric:tabular-nums"></div>
</div><button>Verify</button></form>
<p id="state" role="status">Widget state: </p>
<script>
const style = document.createElement('style');
style.id = 'input-otp-style';
document.head.append(style);
for (const rule of ['[data-input-otp]::selection { background: transparent !important; color: transparent !important; }',
  '[data-input-otp]:autofill { background: transparent !important; color: transparent !important; border-color: transparent !important; opacity: 0 !important; box-shadow: none !important; -webkit-box-shadow: none !important; -webkit-text-fill-color: transparent !important; }',
  '[data-input-otp] + * { pointer-events: all !important; }']) style.sheet.insertRule(rule);
const container = document.querySelector('[data-input-otp-container]');
const input = document.querySelector('[data-input-otp]');
const slots = Array.from(document.querySelectorAll('.${options.slotClass}'));
const regexp = new RegExp(input.getAttribute('pattern'));
const maxLength = input.maxLength;
let value = '';
let focused = false;
let tracked = '';
function render() {
  input.value = value;
  tracked = value;
  if (value.length === 0) input.setAttribute('data-input-otp-placeholder-shown', 'true');
  else input.removeAttribute('data-input-otp-placeholder-shown');
  slots.forEach((slot, i) => {
    slot.firstChild.textContent = value[i] ?? '';
    slot.dataset.active = String(focused && i === Math.min(value.length, maxLength - 1));
  });
  document.getElementById('state').textContent = 'Widget state: ' + value;
  for (const ms of [0, 10, 50]) setTimeout(() => input.dispatchEvent(new Event('input')), ms);
}
function onChange(next) { value = next; render(); }
function trackPWMBadge() {
  const box = container.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + container.offsetWidth - 18, box.top + container.offsetHeight / 2);
  if (hit === container) return;
  if (document.documentElement.clientWidth - box.right < 40) return;
  input.style.width = 'calc(100% + 40px)';
  input.style.clipPath = 'inset(0 40px 0 0)';
}
function hydrate() {
  container.style.setProperty('--root-height', input.clientHeight + 'px');
  // React's value tracker: an input event that leaves the value as last rendered is no change.
  input.addEventListener('input', () => {
    if (input.value === tracked) return;
    const next = input.value.slice(0, maxLength);
    if (next.length > 0 && !regexp.test(next)) { input.value = tracked; return; }
    onChange(next);
  });
  input.addEventListener('focus', () => {
    const start = Math.min(input.value.length, maxLength - 1);
    input.setSelectionRange(start, input.value.length);
    focused = true;
    render();
    setTimeout(trackPWMBadge, 0);
  });
  input.addEventListener('blur', () => { focused = false; render(); });
  if (input.value !== '') onChange(input.value);
  if (document.activeElement === input) { focused = true; setTimeout(trackPWMBadge, 0); }
}
const late = ${options.hydrateMs};
if (late) setTimeout(hydrate, late); else hydrate();
</script>`;
}

/** The slots of input-otp's own example (website/src/app/(local-pages)/base): bordered boxes in a row. */
const INPUT_OTP_SLOTS = `<div class="otp-slots">${Array.from({ length: 6 }, () => '<div class="otp-slot"><span></span></div>').join('')}</div>`;
const INPUT_OTP_STYLE = `.otp-container{display:flex;align-items:center}.otp-slots{display:flex}
.otp-slot{position:relative;width:40px;height:56px;font-size:32px;display:flex;align-items:center;justify-content:center;border:1px solid #ccc;border-radius:6px;margin-right:6px}
.otp-slot[data-active=true]{outline:2px solid #333}`;

/**
 * shadcn/ui's InputOTP (components/ui/input-otp.tsx, new-york): OTPInput with containerClassName
 * "flex items-center gap-2", two InputOTPGroup of three InputOTPSlot (h-9 w-9, border-y border-r
 * border-input, first:border-l, rounded ends) and an InputOTPSeparator between them; the Tailwind
 * classes are written out as plain CSS.
 */
const SHADCN_SLOTS = (() => {
  const group = () =>
    `<div data-slot="input-otp-group" class="sc-group">${Array.from({ length: 3 }, () => '<div data-slot="input-otp-slot" class="sc-slot"><span></span></div>').join('')}</div>`;
  return `${group()}<div data-slot="input-otp-separator" role="separator" class="sc-sep">–</div>${group()}`;
})();
const SHADCN_STYLE = `.otp-container{display:flex;align-items:center;gap:8px}.sc-group{display:flex;align-items:center}
.sc-slot{position:relative;display:flex;width:36px;height:36px;align-items:center;justify-content:center;font-size:14px;border-top:1px solid #e4e4e7;border-bottom:1px solid #e4e4e7;border-right:1px solid #e4e4e7;box-shadow:0 1px 2px rgba(0,0,0,.05)}
.sc-slot:first-child{border-left:1px solid #e4e4e7;border-radius:6px 0 0 6px}.sc-slot:last-child{border-radius:0 6px 6px 0}
.sc-slot[data-active=true]{z-index:10;box-shadow:0 0 0 1px #18181b}`;

/**
 * A code sent another way than SMS or e-mail, one page per channel and language: the wording of
 * WhatsApp and Telegram one-time-password senders, voice-call and push verification, and Apple's
 * "sent to your other devices". The field itself says "verification code" (one-time-code), as on
 * the real pages: only the text around it says where the code comes from.
 */
const CHANNEL_PAGES: { id: string; lang: 'en' | 'fr'; heading: string; text: string }[] = [
  {
    id: 'whatsapp',
    lang: 'en',
    heading: 'Check WhatsApp',
    text: 'We sent a 6-digit code to your WhatsApp number ending in 78.',
  },
  {
    id: 'whatsapp',
    lang: 'fr',
    heading: 'Vérifiez WhatsApp',
    text: 'Nous avons envoyé un code à 6 chiffres sur WhatsApp au +33 6 •• •• •• 78.',
  },
  { id: 'telegram', lang: 'en', heading: 'Check Telegram', text: 'Enter the code we sent you on Telegram.' },
  { id: 'telegram', lang: 'fr', heading: 'Vérifiez Telegram', text: 'Saisissez le code reçu sur Telegram.' },
  {
    id: 'voice',
    lang: 'en',
    heading: 'We are calling you',
    text: 'You will receive a phone call at +33 6 •• •• •• 78. Enter the code you hear.',
  },
  {
    id: 'voice',
    lang: 'fr',
    heading: 'Nous vous appelons',
    text: 'Vous allez recevoir un appel vocal au +33 6 •• •• •• 78 : saisissez le code entendu.',
  },
  {
    id: 'push',
    lang: 'en',
    heading: 'Check your phone',
    text: 'We sent a push notification to your phone. Enter the code it shows.',
  },
  {
    id: 'push',
    lang: 'fr',
    heading: 'Consultez votre téléphone',
    text: 'Nous avons envoyé une notification sur votre téléphone : saisissez le code affiché.',
  },
  {
    id: 'other-device',
    lang: 'en',
    heading: 'Two-factor authentication',
    text: 'A message with a verification code has been sent to your devices. Enter the code to continue.',
  },
  {
    id: 'other-device',
    lang: 'fr',
    heading: 'Identification à deux facteurs',
    text: 'Un message contenant un code de validation a été envoyé sur vos autres appareils. Saisissez le code pour continuer.',
  },
];

function channelPage(lang: 'en' | 'fr', heading: string, text: string): string {
  const [label, button] =
    lang === 'fr' ? ['Code de vérification', 'Vérifier'] : ['Verification code', 'Verify'];
  return `<form data-code-name="code"><h2>${heading}</h2><p>${text}</p>
<label for="code">${label}</label> <input id="code" name="code" autocomplete="one-time-code" inputmode="numeric" maxlength="6">
<button>${button}</button></form>`;
}

/** Channel page ids: `channel-<channel>-<lang>`. */
export const CHANNEL_PAGE_IDS = CHANNEL_PAGES.map(({ id, lang }) => `channel-${id}-${lang}`);

/**
 * A code field of type="number", as older and mobile-first sites write it (spinner, min/max, the
 * number keypad on phones). The page reads the field as such sites do: its `value` (what the form
 * sends) and its `valueAsNumber`, and says whether the browser finds it valid.
 */
const NUMBER_FIELD = `<form data-code-name="code"><h2>Two-step verification</h2>
<p>Enter the 6-digit code from your authenticator app.</p>
<label for="code">Authentication code</label>
<input type="number" id="code" name="code" min="0" max="999999" step="1" inputmode="numeric" autocomplete="one-time-code" required>
<button>Verify</button></form>
<p id="state" role="status">Widget state: </p>
<script>
const field = document.getElementById('code');
const show = () => {
  document.getElementById('state').textContent = 'Widget state: ' + field.value + ' (' + field.valueAsNumber + ', ' + (field.validity.valid ? 'valid' : 'invalid') + ')';
};
field.addEventListener('input', show);
field.addEventListener('change', show);
</script>`;

/**
 * react-otp-input 3.1.1 (devfolioco), as its lib/index.esm.js renders with
 * `renderInput={(props) => <input {...props} />}` and `inputType="number"`: six inputs of
 * type=number, no maxlength, autocomplete off, aria-label "Please enter OTP character N", width 1em.
 * React-controlled: on `input`, its onInput (clears a value that is not one character, unless it is
 * the whole code at once) runs before its onChange (takes one character at the focused box and
 * moves the focus on); then the DOM shows the state again. A paste fills from the focused box.
 */
const REACT_OTP_INPUT = `<form data-code-name="otp"><h2>Two-factor authentication</h2>
<p>Enter the 6-digit code from your authenticator app.</p>
<div id="otp-root" style="display:flex;align-items:center"></div><input type="hidden" name="otp" id="otp-value">
<button>Verify</button></form>
<p id="state" role="status">Widget state: </p>
<script>
const numInputs = 6;
const isInputNum = true;
const root = document.getElementById('otp-root');
let value = '';
let activeInput = 0;
const getOTPValue = () => (value ? value.toString().split('') : []);
const boxes = Array.from({ length: numInputs }, (_, index) => {
  const box = document.createElement('input');
  Object.assign(box, { type: 'number', autocomplete: 'off', inputMode: 'numeric' });
  box.setAttribute('aria-label', 'Please enter OTP character ' + (index + 1));
  box.style.cssText = 'width:1em;text-align:center';
  root.append(box);
  if (index < numInputs - 1) root.append(document.createTextNode(' - '));
  return box;
});
function render() {
  boxes.forEach((box, i) => { box.value = getOTPValue()[i] ?? ''; });
  document.getElementById('otp-value').value = value;
  document.getElementById('state').textContent = 'Widget state: ' + value;
}
const onChange = (otp) => { value = otp; };
const isInputValueValid = (v) => (isInputNum ? !isNaN(Number(v)) : typeof v === 'string') && v.trim().length === 1;
const handleOTPChange = (otp) => onChange(otp.join(''));
const changeCodeAtFocus = (v) => { const otp = getOTPValue(); otp[activeInput] = v[0]; handleOTPChange(otp); };
const focusInput = (index) => {
  const next = Math.max(Math.min(numInputs - 1, index), 0);
  boxes[next].focus();
  boxes[next].select();
  activeInput = next;
};
boxes.forEach((box, index) => {
  box.addEventListener('focus', () => { activeInput = index; box.select(); });
  box.addEventListener('blur', () => { activeInput = activeInput - 1; });
  box.addEventListener('input', (event) => {
    const v = box.value;
    // onInput (handleInputChange)
    if (!isInputValueValid(v)) {
      if (v.length === numInputs && !v.split('').some((c) => !isInputValueValid(c))) {
        handleOTPChange(v.split(''));
        focusInput(numInputs - 1);
      }
      if (event.data === null && event.inputType === 'deleteContentBackward') {
        changeCodeAtFocus('');
        focusInput(activeInput - 1);
      }
      box.value = '';
    }
    // onChange (handleChange)
    const now = box.value;
    if (isInputValueValid(now)) {
      changeCodeAtFocus(now);
      focusInput(activeInput + 1);
    }
    render();
  });
  box.addEventListener('keydown', (event) => {
    const otp = getOTPValue();
    if ([event.code, event.key].includes('Backspace')) {
      event.preventDefault(); changeCodeAtFocus(''); focusInput(activeInput - 1); render();
    } else if (event.code === 'Delete') {
      event.preventDefault(); changeCodeAtFocus(''); render();
    } else if (event.code === 'ArrowLeft') {
      event.preventDefault(); focusInput(activeInput - 1);
    } else if (event.code === 'ArrowRight') {
      event.preventDefault(); focusInput(activeInput + 1);
    } else if (event.key === otp[activeInput]) {
      event.preventDefault(); focusInput(activeInput + 1);
    } else if (['Spacebar', 'Space', 'ArrowUp', 'ArrowDown'].includes(event.code)) {
      event.preventDefault();
    }
  });
  box.addEventListener('paste', (event) => {
    event.preventDefault();
    const otp = getOTPValue();
    let nextActiveInput = activeInput;
    const pastedData = event.clipboardData.getData('text/plain').slice(0, numInputs - activeInput).split('');
    if (isInputNum && pastedData.some((v) => isNaN(Number(v)))) return;
    for (let pos = 0; pos < numInputs; ++pos) {
      if (pos >= activeInput && pastedData.length > 0) { otp[pos] = pastedData.shift() ?? ''; nextActiveInput++; }
    }
    focusInput(nextActiveInput);
    handleOTPChange(otp);
    render();
  });
});
</script>`;

/**
 * Box widgets of the popular libraries, their DOM as the versions the registry serves render it
 * (read from the published packages) and, in plain script, what their handlers do with input:
 * `state` is the value the widget holds, written to the form's hidden `otp` and "Widget state".
 */
function libraryWidget(boxes: string, css: string, script: string): string {
  return `<style>${css}</style><form data-code-name="otp"><h2>Two-factor authentication</h2>
<p>Enter the 6-digit code from your authenticator app.</p>
${boxes}<input type="hidden" name="otp" id="otp-value"><button>Verify</button></form>
<p id="state" role="status">Widget state: </p>
<script>
const show = (value) => {
  document.getElementById('otp-value').value = value;
  document.getElementById('state').textContent = 'Widget state: ' + value;
};
${script}
</script>`;
}

const BOX_CSS =
  'width:40px;height:40px;text-align:center;font-size:20px;border:1px solid #d9d9d9;border-radius:6px;background:#fff';

/**
 * Ant Design 6.6.8 Input.OTP: "OTP Input N" boxes without maxlength; `patchValue` sets one box or,
 * for longer input, the boxes from there on, then moves the focus. With `mask`: type=password,
 * transparent text (`.ant-otp-mask-input`) and a "•" the page draws over each filled box.
 */
function antdInputOtp(mask: boolean): string {
  const boxes = `<div class="ant-otp" style="display:inline-flex;gap:8px">${[1, 2, 3, 4, 5, 6]
    .map(
      (n) =>
        `<span class="ant-otp-input-wrapper" role="presentation"><input aria-label="OTP Input ${n}" class="ant-input ant-input-outlined ant-otp-input${mask ? ' ant-otp-mask-input' : ''}" type="${mask ? 'password' : 'text'}" size="1" value=""></span>`,
    )
    .join('')}</div>`;
  const css = `.ant-otp-input{${BOX_CSS}}.ant-otp-input-wrapper{position:relative}
.ant-otp-mask-input{color:transparent;caret-color:rgba(0,0,0,.88)}.ant-otp-mask-input::selection{color:transparent}
.ant-otp-mask-icon{position:absolute;z-index:1;top:50%;right:50%;transform:translate(50%,-50%);pointer-events:none}`;
  const script = `const mask = ${mask};
const inputs = Array.from(document.querySelectorAll('.ant-otp-input'));
let cells = Array(6).fill('');
function render() {
  inputs.forEach((input, i) => {
    input.value = cells[i] || '';
    const wrapper = input.parentElement;
    wrapper.querySelector('.ant-otp-mask-icon')?.remove();
    if (mask && cells[i]) wrapper.insertAdjacentHTML('afterbegin', '<span class="ant-otp-mask-icon" aria-hidden="true">•</span>');
  });
  show(cells.join(''));
}
inputs.forEach((input, index) => input.addEventListener('input', () => {
  const txt = input.value;
  cells = txt.length <= 1 ? cells.map((c, i) => (i === index ? txt : c)) : cells.slice(0, index).concat(txt.split('')).slice(0, 6);
  while (cells.length < 6) cells.push('');
  render();
  if (txt) inputs[Math.min(index + txt.length, 5)].focus();
}));`;
  return libraryWidget(boxes, css, script);
}

/**
 * Mantine 9.8.1 PinInput with `mask`: password boxes in `mantine-Input-wrapper` divs, all
 * labelled "PinInput", autocomplete one-time-code, no maxlength; `handleChange` takes a longer
 * value whole, the last of two characters, or one character (then the focus moves on).
 */
const MANTINE_PIN_INPUT_MASK = libraryWidget(
  `<div class="mantine-Group-root mantine-PinInput-root" role="group" dir="ltr" style="display:flex;gap:8px">${[
    1, 2, 3, 4, 5, 6,
  ]
    .map(
      (n) =>
        `<div class="mantine-Input-wrapper"><input class="mantine-Input-input mantine-PinInput-input" id="mantine-r1-${n}" inputmode="numeric" type="password" autocomplete="one-time-code" placeholder="○" aria-label="PinInput" value=""></div>`,
    )
    .join('')}</div>`,
  `.mantine-PinInput-input{${BOX_CSS}}`,
  `const inputs = Array.from(document.querySelectorAll('.mantine-PinInput-input'));
let state = Array(6).fill('');
inputs.forEach((input, index) => input.addEventListener('input', () => {
  const value = input.value;
  if (value.length > 2) { if (/^\\d+$/.test(value)) state = Array.from({ length: 6 }, (_, i) => value[i] || ''); }
  else if (value.length >= 1) { state[index] = value.slice(-1); if (inputs[index + 1]) inputs[index + 1].focus(); }
  else state[index] = '';
  inputs.forEach((el, i) => { el.value = state[i]; });
  show(state.join(''));
}));`,
);

/**
 * ng-otp-input 2.0.10 with isPasswordInput: password boxes with autocomplete one-time-code, no
 * maxlength, no label; a box keeps only one valid character (the focus then moves on).
 */
const NG_OTP_INPUT_PASSWORD = libraryWidget(
  `<ng-otp-input><div class="ng-otp-input-wrapper wrapper" id="c_k1" tabindex="0"><div class="n-o-c" style="display:flex;gap:8px">${[
    0, 1, 2, 3, 4, 5,
  ]
    .map(
      (i) =>
        `<input pattern="\\d*" type="password" placeholder="" inputmode="numeric" class="otp-input" autocomplete="one-time-code" id="otp_${i}_k1">`,
    )
    .join('')}</div></div></ng-otp-input>`,
  `.otp-input{${BOX_CSS}}`,
  `const inputs = Array.from(document.querySelectorAll('.otp-input'));
inputs.forEach((input, index) => input.addEventListener('input', () => {
  if (/^\\d$/.test(input.value)) { if (inputs[index + 1]) inputs[index + 1].focus(); }
  else input.value = '';
  show(inputs.map((el) => el.value.slice(0, 1)).join(''));
}));`,
);

/**
 * vue3-otp-input 1.0.0 with input-type="password": a display:none "hidden" input, then
 * maxlength=1 password boxes, no label; a change is stored at the box that has the focus.
 */
const VUE3_OTP_INPUT_PASSWORD = libraryWidget(
  `<div style="display:flex"><input autocomplete="off" name="hidden" type="text" style="display:none">${'<div style="display:flex;align-items:center"><input type="password" min="0" max="9" maxlength="1" pattern="[0-9]" class="otp-input"><span>&nbsp;</span></div>'.repeat(6)}</div>`,
  `.otp-input{${BOX_CSS}}`,
  `const inputs = Array.from(document.querySelectorAll('.otp-input'));
const otp = Array(6).fill('');
let active = -1;
inputs.forEach((input, index) => {
  input.addEventListener('focus', () => { active = index; });
  input.addEventListener('blur', () => { active = -1; });
  input.addEventListener('input', () => {
    input.value = input.value.slice(0, 1);
    if (active < 0) return;
    otp[active] = input.value;
    show(otp.join(''));
    if (input.value) inputs[Math.min(active + 1, 5)].focus();
  });
});`,
);

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
  'number-field': { title: 'Two-step verification', body: NUMBER_FIELD },
  'react-otp-input': { title: 'Two-factor authentication', body: REACT_OTP_INPUT },
  'antd-input-otp': { title: 'Two-factor authentication', body: antdInputOtp(false) },
  'antd-input-otp-mask': { title: 'Two-factor authentication', body: antdInputOtp(true) },
  'mantine-pin-input-mask': { title: 'Two-factor authentication', body: MANTINE_PIN_INPUT_MASK },
  'ng-otp-input-password': { title: 'Two-factor authentication', body: NG_OTP_INPUT_PASSWORD },
  'vue3-otp-input-password': { title: 'Two-factor authentication', body: VUE3_OTP_INPUT_PASSWORD },
  'input-otp': {
    title: 'Verify',
    body: inputOtp({
      slots: INPUT_OTP_SLOTS,
      slotClass: 'otp-slot',
      extraStyle: INPUT_OTP_STYLE,
      attrs: 'autofocus',
      hydrateMs: 0,
    }),
  },
  'input-otp-slow': {
    title: 'Verify',
    body: inputOtp({
      slots: INPUT_OTP_SLOTS,
      slotClass: 'otp-slot',
      extraStyle: INPUT_OTP_STYLE,
      attrs: '',
      hydrateMs: 1500,
    }),
  },
  'shadcn-input-otp': {
    title: 'Verify',
    body: inputOtp({
      slots: SHADCN_SLOTS,
      slotClass: 'sc-slot',
      extraStyle: SHADCN_STYLE,
      attrs: '',
      hydrateMs: 0,
    }),
  },
  'shadcn-input-otp-password': {
    title: 'Verify',
    body: inputOtp({
      slots: SHADCN_SLOTS,
      slotClass: 'sc-slot',
      extraStyle: SHADCN_STYLE,
      attrs: 'type="password" autofocus',
      hydrateMs: 0,
    }),
  },
};

for (const { id, lang, heading, text } of CHANNEL_PAGES) {
  TEMPLATES[`channel-${id}-${lang}`] = { title: heading, body: channelPage(lang, heading, text), lang };
}

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
