import { describe, expect, it } from 'vitest';
import { findOtpTargets, targetInputs } from '../../../lib/autofill';
import { mount, useStubbedLayout } from './layout';

useStubbedLayout();

/** The inputs Twofold would fill: the best target that is not a code sent to the user. */
function fillable(doc: Document): HTMLInputElement[] {
  const best = findOtpTargets(doc, window).find((target) => !target.sms);
  return best ? targetInputs(best) : [];
}

const expected = (doc: Document) => Array.from(doc.querySelectorAll<HTMLInputElement>('[data-expect]'));

/** Codes the authenticator shows, in forms modelled on real templates: filled. */
const FILL: [string, string][] = [
  [
    'paragraph before an unlabelled field (Gitea-style two-factor page)',
    `<form><h3>Two-factor authentication</h3><p>Get the authentication code from the two-factor app on your device.</p>
     <div><input type="text" data-expect></div><button>Verify</button></form>`,
  ],
  [
    'Spanish paragraph before an unlabelled field',
    `<form><p>Obtén el código de autentificación de la aplicación en tu dispositivo.</p>
     <input type="text" data-expect><button>Verificar</button></form>`,
  ],
  [
    'French paragraph before an unlabelled field',
    `<form><p>Saisissez le code de vérification affiché par votre application.</p><input data-expect></form>`,
  ],
  [
    'German paragraph before an unlabelled field',
    `<form><p>Geben Sie den Bestätigungscode aus Ihrer Authenticator-App ein.</p><input data-expect></form>`,
  ],
  [
    'Italian paragraph before an unlabelled field',
    `<form><p>Inserisci il codice di verifica generato dall'app.</p><div><input data-expect></div></form>`,
  ],
  [
    'Portuguese paragraph before an unlabelled field',
    `<form><p>Digite o código de autenticação do aplicativo.</p><input data-expect></form>`,
  ],
  [
    'Dutch paragraph before an unlabelled field',
    `<form><p>Voer de verificatiecode uit je authenticatie-app in.</p><input data-expect></form>`,
  ],
  [
    'combined "Authenticator or recovery code" (GitLab-style)',
    `<form><label for="c">Authenticator or recovery code</label><input id="c" name="code" data-expect></form>`,
  ],
  [
    'combined "Auth/Backup Code" (Discourse-style)',
    `<form><label for="c">Auth/Backup Code</label><input id="c" data-expect></form>`,
  ],
  [
    'authenticator field whose help also mentions recovery codes',
    `<form><label for="c">Two-factor code</label><input id="c" autocomplete="one-time-code" data-expect>
     <p>Enter the code from your authenticator app. Lost your device? You may enter one of your recovery codes.</p></form>`,
  ],
  [
    'visible labelled field next to a hidden decoy',
    `<form><input autocomplete="one-time-code" name="trap" style="display:none">
     <input autocomplete="one-time-code" name="decoy2" data-rect="0,0,1,1">
     <label for="c">Verification code</label><input id="c" name="otp" data-expect></form>`,
  ],
  [
    'Keycloak-style OTP form (label "One-time code")',
    `<form id="kc-otp-login-form"><label for="otp" class="pf-c-form__label">One-time code</label>
     <input id="otp" name="otp" autocomplete="off" type="text" autofocus data-expect>
     <input type="submit" value="Sign In"></form>`,
  ],
  [
    'Nextcloud-style TOTP challenge (placeholder "Authentication code")',
    `<form method="POST"><input type="tel" minlength="6" maxlength="10" name="challenge" required placeholder="Authentication code" data-expect>
     <button type="submit">Submit</button></form>`,
  ],
  [
    'Zag / Ark UI / Chakra pin input (otp): six boxes, a visually hidden aggregate',
    `<form><label data-scope="pin-input" data-part="label" for="pin-hidden">Verification code</label>
     <div data-scope="pin-input" data-part="root"><div data-scope="pin-input" data-part="control">
     ${Array.from({ length: 6 }, (_, i) => `<input data-scope="pin-input" data-part="input" type="tel" inputmode="numeric" autocomplete="one-time-code" placeholder="○" aria-label="pin code ${i + 1} of 6" data-expect>`).join('')}
     </div><input id="pin-hidden" aria-hidden="true" tabindex="-1" name="code" maxlength="6" data-rect="0,0,1,1" style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)"></div></form>`,
  ],
  [
    'react18-input-otp: six boxes, each autocomplete=one-time-code, no maxlength',
    `<form><p>Enter the verification code from your authenticator app</p><div style="display:flex">
     ${Array.from({ length: 6 }, () => '<div><input type="tel" autocomplete="one-time-code" data-expect></div>').join('')}</div></form>`,
  ],
];

/** Codes that come another way, or a recovery code: never filled. */
const NEVER: [string, string][] = [
  [
    'German e-mailed code with autocomplete=one-time-code',
    `<form><p>Wir haben einen 6-stelligen Bestätigungscode an m•••@example.com gesendet.</p>
     <label for="c">Bestätigungscode aus der E-Mail</label><input id="c" autocomplete="one-time-code" inputmode="numeric"></form>`,
  ],
  [
    'English "Verification Code:" after "sent to the email address"',
    `<form><p>We have sent a verification code to the email address you registered with.</p>
     <label for="c">Verification Code:</label><input id="c" name="code"></form>`,
  ],
  [
    'French code sent by e-mail',
    `<form><p>Nous vous avons envoyé un code par e-mail.</p><label for="c">Code de vérification</label><input id="c"></form>`,
  ],
  [
    'Spanish code sent by e-mail',
    `<form><p>Hemos enviado un código de verificación a tu correo electrónico.</p><label for="c">Código de verificación</label><input id="c"></form>`,
  ],
  [
    'Italian code sent by e-mail',
    `<form><p>Abbiamo inviato un codice di verifica alla tua e-mail.</p><label for="c">Codice di verifica</label><input id="c"></form>`,
  ],
  [
    'Portuguese code sent by e-mail',
    `<form><p>Enviamos um código de verificação para o seu e-mail.</p><label for="c">Código de verificação</label><input id="c"></form>`,
  ],
  [
    'Dutch code sent by e-mail',
    `<form><p>We hebben een verificatiecode naar je e-mail gestuurd.</p><label for="c">Verificatiecode</label><input id="c"></form>`,
  ],
  [
    'code by phone call',
    `<form><p>We will call you and read out a 6-digit code.</p><label for="c">Verification code</label><input id="c"></form>`,
  ],
  [
    'texted code',
    `<form><p>We texted a code to +1 555 0100.</p><label for="c">Security code</label><input id="c" autocomplete="one-time-code"></form>`,
  ],
  [
    'backup code switch: same input, heading and instructions changed (WordPress Two Factor style)',
    `<form><h2>Log in using a backup code</h2><p>Enter one of your backup codes.</p>
     <label for="c">Authentication code</label><input id="c" autocomplete="one-time-code"></form>`,
  ],
  [
    'recovery code field alone (Sentry-style)',
    `<form><label for="c">Recovery code</label><input id="c" autocomplete="one-time-code"></form>`,
  ],
  [
    'French recovery code instructions',
    `<form><p>Saisissez un de vos codes de secours.</p><label for="c">Code</label><input id="c" autocomplete="one-time-code"></form>`,
  ],
  ['only a hidden decoy', `<form><input autocomplete="one-time-code" style="display:none"></form>`],
  [
    'SIM PIN boxes numbered "PIN code 1 of 4" (no one-time-code evidence)',
    `<form><p>Unlock your SIM</p>${Array.from({ length: 4 }, (_, i) => `<input maxlength="1" inputmode="numeric" aria-label="PIN code ${i + 1} of 4">`).join('')}</form>`,
  ],
  [
    'six one-time-code boxes for a code sent by e-mail',
    `<form><p>We sent a 6-digit code to j•••@example.com. Check your e-mail.</p>
     ${Array.from({ length: 6 }, () => '<input autocomplete="one-time-code">').join('')}</form>`,
  ],
];

describe('autofill classes: filled', () => {
  it.each(FILL)('%s', (_name, html) => {
    const doc = mount(html);
    expect(fillable(doc)).toEqual(expected(doc));
  });
});

describe('autofill classes: never filled', () => {
  it.each(NEVER)('%s', (_name, html) => {
    expect(fillable(mount(html))).toEqual([]);
  });
});
