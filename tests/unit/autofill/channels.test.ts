/**
 * The out-of-band channel table (lib/autofill/channels.ts), class by class: every channel has
 * patterns and sample sentences in every language the vocabulary covers, each sample is recognised
 * as that channel, and the authenticator's own wording in each language is not.
 */
import { describe, expect, it } from 'vitest';
import { findOtpTargets, mentionsSentCode } from '../../../lib/autofill';
import {
  CHANNELS,
  channelOf,
  LANGUAGES,
  OUT_OF_BAND,
  type Channel,
  type Language,
} from '../../../lib/autofill/channels';
import { normalize } from '../../../lib/autofill/text';
import { mount, useStubbedLayout } from './layout';

useStubbedLayout();

const SAMPLES: Record<Channel, Record<Language, string[]>> = {
  sms: {
    en: ['We sent a 6-digit code by SMS to +33 6 12 34 56 78.', 'Enter the code we texted to your phone'],
    fr: ['Code reçu par SMS', 'Nous avons envoyé un code à 6 chiffres par SMS au +33 6 12 34 56 78.'],
    de: ['Wir haben Ihnen einen Code per SMS gesendet.'],
    es: ['Te hemos enviado un código por SMS.'],
    it: ['Ti abbiamo inviato un codice via SMS.'],
    pt: ['Enviamos um código por SMS.'],
    nl: ['We hebben een code per sms verstuurd.'],
  },
  email: {
    en: ['Check your inbox for the code we just sent.', 'Enter the code we sent to j•••@example.com'],
    fr: ['Nous avons envoyé un code par e-mail.', 'Saisissez le code reçu dans votre courriel.'],
    de: ['Wir haben einen Code an m•••@example.com gesendet.', 'Den Code haben wir per E-Mail verschickt.'],
    es: ['Te enviamos un código por correo electrónico.'],
    it: ['Ti abbiamo inviato un codice via e-mail.'],
    pt: ['Enviamos um código para o seu e-mail.'],
    nl: ['We hebben een code per e-mail gestuurd.'],
  },
  voice: {
    en: ["We'll call you and read out your code.", 'Answer the voice call and enter the code you hear.'],
    fr: [
      'Vous allez recevoir un appel vocal avec votre code.',
      'Nous allons vous appeler pour vous dicter le code.',
    ],
    de: ['Sie erhalten einen Anruf mit Ihrem Code.', 'Wir rufen Sie an und nennen Ihnen den Code.'],
    es: ['Recibirás una llamada con tu código.', 'Te llamaremos con el código.'],
    it: ['Riceverai una chiamata con il codice.'],
    pt: ['Você receberá uma ligação com o código.'],
    nl: ['We bellen je met je code.', 'U ontvangt een telefoongesprek met de code.'],
  },
  messaging: {
    en: [
      'We sent a 6-digit code to your WhatsApp number ending in 78.',
      'Enter the code we sent you on Telegram.',
      'We sent you a verification code via Signal.',
      'Enter your Viber code',
    ],
    fr: [
      'Nous avons envoyé un code à 6 chiffres sur WhatsApp au +33 6 •• •• •• 78.',
      'Saisissez le code reçu par Viber.',
    ],
    de: ['Wir haben Ihnen einen Code per WhatsApp geschickt.', 'Geben Sie den Telegram-Code ein.'],
    es: ['Te enviamos un código por WhatsApp.', 'Introduce el código de Telegram.'],
    it: ['Ti abbiamo inviato un codice su WhatsApp.', 'Inserisci il codice di Telegram.'],
    pt: ['Enviamos um código pelo WhatsApp.', 'Digite o código do Telegram.'],
    nl: ['We hebben een code via WhatsApp gestuurd.', 'Voer de WhatsApp-code in.'],
  },
  push: {
    en: [
      'We sent a push notification to your phone. Enter the code it shows.',
      'Approve the sign-in request on your phone.',
    ],
    fr: ['Nous avons envoyé une notification sur votre téléphone : saisissez le code affiché.'],
    de: ['Wir haben eine Push-Benachrichtigung an Ihr Handy gesendet.'],
    es: ['Te hemos enviado una notificación a tu teléfono con el código.'],
    it: ['Ti abbiamo inviato una notifica con il codice.'],
    pt: ['Enviamos uma notificação para o seu celular com o código.'],
    nl: ['We hebben een pushmelding naar je telefoon gestuurd.'],
  },
  'other-device': {
    en: [
      'Enter the verification code sent to your other Apple devices.',
      'A code is shown on your trusted devices.',
    ],
    fr: ['Saisissez le code de validation envoyé sur vos autres appareils.'],
    de: ['Geben Sie den Bestätigungscode ein, der auf Ihren anderen Geräten angezeigt wird.'],
    es: ['Introduce el código enviado a tus otros dispositivos.'],
    it: ['Inserisci il codice inviato ai tuoi altri dispositivi.'],
    pt: ['Digite o código enviado para seus outros dispositivos.'],
    nl: ['Voer de code in die naar je andere apparaten is gestuurd.'],
  },
};

/** The authenticator's own wording, and everyday words that are also app names: never a channel. */
const AUTHENTICATOR: Record<Language, string[]> = {
  en: [
    'Enter the 6-digit code from your authenticator app.',
    'Open Google Authenticator on your phone and enter the code.',
    'Trust this device for 30 days',
    'Poor signal? The code from your app works offline.',
    'Codes are checked in line with our security policy.',
    'Codes received are checked in line with our security policy.',
  ],
  fr: [
    "Saisissez le code à 6 chiffres affiché dans votre application d'authentification.",
    'Faire confiance à cet appareil',
    "Vous avez reçu un signal sonore ? Saisissez le code de votre application d'authentification.",
  ],
  de: [
    'Geben Sie den Code aus Ihrer Authenticator-App ein.',
    'Kein Signal erhalten? Der Code Ihrer Authenticator-App funktioniert offline.',
  ],
  es: ['Introduce el código de tu aplicación de autenticación.'],
  it: ["Inserisci il codice dell'app di autenticazione."],
  pt: ['Digite o código do seu aplicativo autenticador.'],
  nl: ['Voer de code uit je authenticator-app in.'],
};

/** Every channel a code field may be told about; the messaging apps one by one. */
const APPS = ['WhatsApp', 'Telegram', 'Signal', 'Viber'] as const;
type FieldChannel = Exclude<Channel, 'messaging'> | `messaging:${(typeof APPS)[number]}`;

/**
 * Per language, the sentences a page puts around a code field for each channel, built the ways
 * sites word them (two constructions each); `{app}` is the messaging app's name.
 */
const AROUND: Record<Language, Record<Exclude<Channel, 'messaging'> | 'messaging', string[]>> = {
  en: {
    sms: ['We sent a 6-digit code by SMS to +33 6 12 34 56 78.', 'Enter the code we texted to your phone.'],
    email: ['Check your inbox for the code we just sent.', 'Enter the code we sent to j•••@example.com.'],
    voice: ["We'll call you and read out your code.", 'Answer the phone call and enter the code you hear.'],
    messaging: [
      'We sent you a verification code via {app}.',
      'Enter the code we sent you on {app}.',
      'Enter the code you received on {app}.',
    ],
    push: [
      'We sent a push notification to your phone. Enter the code it shows.',
      'Approve the sign-in request on your phone, then type the number shown.',
    ],
    'other-device': [
      'Enter the verification code sent to your other Apple devices.',
      'A code is shown on your trusted devices.',
    ],
  },
  fr: {
    sms: ['Nous avons envoyé un code à 6 chiffres par SMS.', 'Saisissez le code reçu par texto.'],
    email: ['Nous avons envoyé un code par e-mail.', 'Saisissez le code reçu dans votre courriel.'],
    voice: [
      'Vous allez recevoir un appel vocal avec votre code.',
      'Nous allons vous appeler pour vous dicter le code.',
    ],
    messaging: [
      'Nous vous avons envoyé un code par {app}.',
      'Saisissez le code envoyé sur {app}.',
      'Saisissez le code reçu sur {app}.',
    ],
    push: [
      'Nous avons envoyé une notification sur votre téléphone : saisissez le code affiché.',
      'Saisissez le code de la notification push envoyée sur votre téléphone.',
    ],
    'other-device': [
      'Saisissez le code de validation envoyé sur vos autres appareils.',
      'Un code est affiché sur vos appareils de confiance.',
    ],
  },
  de: {
    sms: ['Wir haben Ihnen einen Code per SMS gesendet.', 'Geben Sie den SMS-Code ein.'],
    email: [
      'Wir haben einen Code an m•••@example.com gesendet.',
      'Den Code haben wir per E-Mail verschickt.',
    ],
    voice: ['Sie erhalten einen Anruf mit Ihrem Code.', 'Wir rufen Sie an und nennen Ihnen den Code.'],
    messaging: [
      'Wir haben Ihnen einen Code per {app} geschickt.',
      'Geben Sie den Code ein, den wir Ihnen über {app} gesendet haben.',
      'Geben Sie den Code ein, den Sie auf {app} erhalten haben.',
    ],
    push: [
      'Wir haben eine Push-Benachrichtigung an Ihr Handy gesendet.',
      'Geben Sie den Code aus der Mitteilung ein, die wir Ihnen geschickt haben.',
    ],
    'other-device': [
      'Geben Sie den Bestätigungscode ein, der auf Ihren anderen Geräten angezeigt wird.',
      'Wir haben den Code an Ihre vertrauenswürdigen Geräte gesendet.',
    ],
  },
  es: {
    sms: ['Te hemos enviado un código por SMS.', 'Introduce el código SMS.'],
    email: [
      'Te enviamos un código por correo electrónico.',
      'Introduce el código que enviamos a j•••@example.com.',
    ],
    voice: ['Recibirás una llamada con tu código.', 'Te llamaremos y te diremos el código.'],
    messaging: [
      'Te enviamos un código por {app}.',
      'Introduce el código que te hemos enviado a través de {app}.',
      'Introduce el código que recibiste en {app}.',
    ],
    push: [
      'Te hemos enviado una notificación a tu teléfono con el código.',
      'Aprueba la solicitud en tu teléfono e introduce el código.',
    ],
    'other-device': [
      'Introduce el código enviado a tus otros dispositivos.',
      'El código se ha mostrado en tus dispositivos de confianza.',
    ],
  },
  it: {
    sms: ['Ti abbiamo inviato un codice via SMS.', 'Inserisci il codice SMS.'],
    email: ['Ti abbiamo inviato un codice via e-mail.', 'Inserisci il codice inviato a j•••@example.com.'],
    voice: ['Riceverai una chiamata con il codice.', 'Ti chiameremo per dettarti il codice.'],
    messaging: [
      'Ti abbiamo inviato un codice tramite {app}.',
      'Inserisci il codice inviato su {app}.',
      'Inserisci il codice ricevuto su {app}.',
    ],
    push: [
      'Ti abbiamo inviato una notifica con il codice.',
      'Approva la richiesta sul tuo telefono e inserisci il codice.',
    ],
    'other-device': [
      'Inserisci il codice inviato ai tuoi altri dispositivi.',
      'Il codice è visualizzato sui tuoi dispositivi attendibili.',
    ],
  },
  pt: {
    sms: ['Enviamos um código por SMS.', 'Digite o código SMS que enviamos.'],
    email: ['Enviamos um código para o seu e-mail.', 'Digite o código enviado para j•••@example.com.'],
    voice: ['Você receberá uma ligação com o código.', 'Vamos te ligar para ditar o código.'],
    messaging: [
      'Enviamos um código pelo {app}.',
      'Digite o código que enviamos via {app}.',
      'Digite o código recebido no {app}.',
    ],
    push: [
      'Enviamos uma notificação para o seu celular com o código.',
      'Aprove a solicitação no seu celular e digite o código.',
    ],
    'other-device': [
      'Digite o código enviado para seus outros dispositivos.',
      'O código é exibido nos seus dispositivos confiáveis.',
    ],
  },
  nl: {
    sms: ['We hebben een code per sms verstuurd.', 'Voer de sms-code in.'],
    email: [
      'We hebben een code per e-mail gestuurd.',
      'Voer de code in die naar j•••@example.com is verzonden.',
    ],
    voice: ['We bellen je met je code.', 'U ontvangt een telefoongesprek met de code.'],
    messaging: [
      'We hebben een code via {app} gestuurd.',
      'Voer de code in die we per {app} hebben verstuurd.',
      'Voer de code in die je op {app} hebt ontvangen.',
    ],
    push: [
      'We hebben een pushmelding naar je telefoon gestuurd.',
      'Voer de code in uit de melding die we hebben verstuurd.',
    ],
    'other-device': [
      'Voer de code in die naar je andere apparaten is gestuurd.',
      'De code wordt getoond op uw vertrouwde apparaten.',
    ],
  },
};

/** "Verification code" in each language: the field's own label says nothing of the channel. */
const LABEL: Record<Language, string> = {
  en: 'Verification code',
  fr: 'Code de vérification',
  de: 'Bestätigungscode',
  es: 'Código de verificación',
  it: 'Codice di verifica',
  pt: 'Código de verificação',
  nl: 'Verificatiecode',
};

/** The code fields the sentence is put around: a `one-time-code` field, and a plain numeric one. */
const FIELDS = [
  'autocomplete="one-time-code" inputmode="numeric" maxlength="6"',
  'name="code" inputmode="numeric" maxlength="6"',
] as const;

function codeForm(lang: Language, text: string, field: string): string {
  return `<form lang="${lang}"><p>${text}</p><label for="t">${LABEL[lang]}</label><input id="t" type="text" ${field}><button>OK</button></form>`;
}

const FIELD_CHANNELS: readonly FieldChannel[] = [
  'sms',
  'email',
  'voice',
  'push',
  'other-device',
  ...APPS.map((name) => `messaging:${name}` as const),
];

/** Every language × every channel (each messaging app apart) × each construction. */
const fieldCases = LANGUAGES.flatMap((lang) =>
  FIELD_CHANNELS.flatMap((channel) => {
    const [kind, name = ''] = channel.split(':') as [Exclude<Channel, never>, string?];
    return AROUND[lang][kind].map((text) => [channel, lang, text.replace('{app}', name)] as const);
  }),
);

const cases = CHANNELS.flatMap((channel) =>
  LANGUAGES.flatMap((lang) => SAMPLES[channel][lang].map((text) => [channel, lang, text] as const)),
);

describe('out-of-band channel table', () => {
  it.each(CHANNELS.flatMap((channel) => LANGUAGES.map((lang) => [channel, lang] as const)))(
    '%s has patterns and samples in %s',
    (channel, lang) => {
      expect(OUT_OF_BAND[channel][lang].length).toBeGreaterThan(0);
      expect(SAMPLES[channel][lang].length).toBeGreaterThan(0);
    },
  );

  it.each(cases)('%s (%s): %s', (channel, _lang, text) => {
    expect(channelOf(normalize(text))).toBe(channel);
    expect(mentionsSentCode(text)).toBe(true);
  });

  it.each(LANGUAGES.flatMap((lang) => AUTHENTICATOR[lang].map((text) => [lang, text] as const)))(
    'the authenticator (%s): %s',
    (_lang, text) => {
      expect(channelOf(normalize(text))).toBeNull();
      expect(mentionsSentCode(text)).toBe(false);
    },
  );

  it.each(fieldCases)(
    'a code field under a %s code (%s) is flagged, never filled: "%s"',
    (channel, lang, text) => {
      expect(channelOf(normalize(text))).toBe(channel.startsWith('messaging') ? 'messaging' : channel);
      for (const field of FIELDS) {
        const [target] = findOtpTargets(mount(codeForm(lang, text, field)), window);
        // The content script fills only a target that is not flagged (`sms`).
        expect(target !== undefined && !target.sms).toBe(false);
        if (field === FIELDS[0]) {
          expect(target?.kind === 'single' && target.input.id).toBe('t');
          expect(target?.sms).toBe(true);
        }
      }
    },
  );

  it.each(LANGUAGES.flatMap((lang) => AUTHENTICATOR[lang].map((text) => [lang, text] as const)))(
    'the same code fields under the authenticator (%s) are filled: "%s"',
    (lang, text) => {
      for (const field of FIELDS) {
        const [target] = findOtpTargets(mount(codeForm(lang, text, field)), window);
        expect(target?.kind === 'single' && target.input.id).toBe('t');
        expect(target?.sms).toBe(false);
      }
    },
  );
});
