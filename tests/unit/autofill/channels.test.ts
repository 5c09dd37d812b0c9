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
  ],
  fr: [
    "Saisissez le code à 6 chiffres affiché dans votre application d'authentification.",
    'Faire confiance à cet appareil',
  ],
  de: ['Geben Sie den Code aus Ihrer Authenticator-App ein.'],
  es: ['Introduce el código de tu aplicación de autenticación.'],
  it: ["Inserisci il codice dell'app di autenticazione."],
  pt: ['Digite o código do seu aplicativo autenticador.'],
  nl: ['Voer de code uit je authenticator-app in.'],
};

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

  it.each(
    (['messaging', 'voice', 'push', 'other-device'] as const).flatMap((channel) =>
      (['en', 'fr'] as const).map((lang) => [channel, lang, SAMPLES[channel][lang][0]!] as const),
    ),
  )('a one-time-code field under a %s code (%s) is flagged, never filled', (_channel, lang, text) => {
    const doc = mount(
      `<form lang="${lang}"><p>${text}</p><label for="t">Code</label><input id="t" autocomplete="one-time-code" inputmode="numeric" maxlength="6"></form>`,
    );
    const [target] = findOtpTargets(doc, window);
    expect(target?.kind === 'single' && target.input.id).toBe('t');
    expect(target?.sms).toBe(true);
  });
});
