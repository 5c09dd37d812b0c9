/**
 * Out-of-band channels: the ways a site sends a code to the user instead of asking for the
 * authenticator's. A field whose text says its code came by one of them is never filled: the
 * authenticator's code would be wrong there, and a mismatch teaches users to ignore one.
 *
 * One table, channel × language, for every language detection reads (`vocabulary.ts`). Patterns
 * run on `normalize()`d text (lower case, no accents: "envoyé" is written "envoye").
 */

/** The languages Twofold's vocabulary covers; every channel has patterns in each. */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CHANNELS = ['sms', 'email', 'voice', 'messaging', 'push', 'other-device'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Messaging apps a code is sent through: their names are the same in every language. */
const CLEAR_APPS = 'whatsapp|telegram|viber|wechat|imessage|kakaotalk|threema|zalo';
/** Also words ("signal", "line", "messenger"): named only after "via"/"through" or a verb of sending. */
const ALL_APPS = `${CLEAR_APPS}|signal|line|messenger`;
/** `before` + app name + `after`, as one pattern; `all` takes the apps whose names are also words. */
const app = (before: string, after = '\\b', all = false): RegExp =>
  new RegExp(`${before}(${all ? ALL_APPS : CLEAR_APPS})${after}`);

export const OUT_OF_BAND: Readonly<Record<Channel, Readonly<Record<Language, readonly RegExp[]>>>> = {
  sms: {
    en: [
      /\b(sent|texted|delivered|send you)\b[^.]{0,60}\b(sms|text message|text)\b/,
      /\b(sms|text message)\b[^.]{0,60}\b(sent|has been sent|was sent)\b/,
      /\b(by|via|through) (sms|text( message)?)\b/,
      /\bsent to (your )?(phone|mobile|number|\+?\d)/,
      /\btexted\b/,
      /\b(sms|text message) code\b|\bsms-?code\b|\bsms (authentication|verification)\b/,
    ],
    fr: [
      /\bpar (sms|texto)\b|\bcode (sms|par sms)\b|\bauthentification par sms\b/,
      /\benvoye\w*[^.]{0,60}\b(sms|texto)\b/,
      /\bsms\b[^.]{0,60}\benvoye/,
    ],
    de: [
      /\bper sms\b|\bsms-?code\b/,
      /\bsms\b[^.]{0,60}\b(gesendet|geschickt)/,
      /\b(gesendet|geschickt)\b[^.]{0,60}\bsms\b/,
    ],
    es: [/\b(por|via) sms\b|\bcodigo sms\b/, /\bsms\b[^.]{0,60}\benviado/, /\benviado\b[^.]{0,60}\bsms\b/],
    it: [
      /\b(via|tramite|per) sms\b|\bcodice sms\b/,
      /\bsms\b[^.]{0,60}\binviato/,
      /\binviato\b[^.]{0,60}\bsms\b/,
    ],
    pt: [/\b(por|via) sms\b|\bcodigo sms\b/, /\bsms\b[^.]{0,60}\benviado/, /\benviado\b[^.]{0,60}\bsms\b/],
    nl: [
      /\b(per|via) sms\b|\bsms-?code\b/,
      /\bsms\b[^.]{0,60}\b(verzonden|verstuurd|gestuurd)/,
      /\b(verzonden|verstuurd|gestuurd)\b[^.]{0,60}\bsms\b/,
    ],
  },
  email: {
    en: [
      /\b(sent|emailed|e-mailed|delivered|send you|sending)\b[^.]{0,60}\b(e-?mail|inbox)\b/,
      /\b(e-?mail|inbox)\b[^.]{0,40}\b(sent|has been sent|was sent)\b/,
      /\bcode (from|in) (your|the) (e-?mail|inbox)\b|\bcheck your (e-?mail|inbox)\b|\b(by|via) e-?mail\b|\be-?mail(ed)? code\b/,
      /\bsent to \S*@/,
    ],
    fr: [
      /\benvoye\w*[^.]{0,60}\b(e-?mail|courriel|adresse e-?mail|boite)\b|\b(par|dans votre) (e-?mail|courriel)\b/,
      /@[\w.\-•*]+\s+(\S+\s+){0,3}envoye|\benvoye\w* a \S*@/,
    ],
    de: [
      /\b(gesendet|geschickt|zugesandt|versendet|verschickt)\b[^.]{0,60}\be-?mail|\be-?mail\b[^.]{0,60}\b(gesendet|geschickt|zugesandt|versendet|verschickt)\b/,
      /\b(aus|in) (der|ihrer|deiner) e-?mail\b|\bper e-?mail\b/,
      // A masked or full address the code went to: "an m•••@example.com gesendet".
      /@[\w.\-•*]+\s+(\S+\s+){0,3}(gesendet|geschickt|zugesandt)|\bgesendet an \S*@/,
    ],
    es: [
      /\b(enviado|enviada|enviamos|hemos enviado)\b[^.]{0,60}\b(correo|e-?mail)\b|\b(por|en tu) (correo|e-?mail)\b/,
      /@[\w.\-•*]+\s+(\S+\s+){0,3}enviado|\b(enviado|enviamos) (a|al) \S*@/,
    ],
    it: [
      /\b(inviato|inviata|abbiamo inviato)\b[^.]{0,60}\b(e-?mail|posta)\b|\b(via|per|tramite) e-?mail\b/,
      /@[\w.\-•*]+\s+(\S+\s+){0,3}inviato|\binviato a \S*@/,
    ],
    pt: [
      /\b(enviado|enviada|enviamos)\b[^.]{0,60}\b(e-?mail|correio)\b|\b(no seu|pelo|por) e-?mail\b/,
      /\b(enviado|enviamos) para \S*@/,
    ],
    nl: [
      /\b(verzonden|verstuurd|gestuurd|gemaild)\b[^.]{0,60}\b(e-?mail|inbox)\b|\b(e-?mail|inbox)\b[^.]{0,60}\b(verzonden|verstuurd|gestuurd)\b|\bper e-?mail\b/,
      /@[\w.\-•*]+\s+(\S+\s+){0,3}(verzonden|gestuurd|verstuurd)|\b(verzonden|verstuurd|gestuurd) naar \S*@/,
    ],
  },
  voice: {
    en: [
      /\b(we('ll| will)? call you|phone call|voice call|call you|calling you|by (phone|voice) call|automated call|read (it|the code) (out|aloud))\b/,
    ],
    fr: [
      /\bappel (vocal|telephonique|automatise)\b|\b(nous allons|nous vous|on va vous) (vous )?appeler\b|\bvous appelle(r|ra)?\b/,
    ],
    de: [/\b(sprach|telefon)?anruf\b|\bwir rufen (sie|dich) an\b/],
    es: [/\bllamada( telefonica| de voz)?\b|\bte llamaremos\b|\ble llamaremos\b/],
    it: [/\bchiamata( vocale| telefonica)?\b|\bti chiameremo\b|\bla chiameremo\b/],
    pt: [/\b(ligacao|chamada telefonica|chamada de voz)\b|\bvamos (te )?ligar\b/],
    nl: [/\b(telefoongesprek|spraakoproep)\b|\b(we|wij) bellen (je|u)\b|\bgebeld\b/],
  },
  messaging: {
    en: [
      app('\\b(via|through) ', '\\b', true),
      app('\\b(on|in|over|by|to your) '),
      app('\\b', ' (code|message|chat|account)\\b'),
      app('\\b(sent|send|sending|messaged|delivered)\\b[^.]{0,60}\\b(via|through|on|in|over) ', '\\b', true),
      app('\\b(sent|send|sending|messaged|delivered)\\b[^.]{0,60}\\b'),
      // "received on Signal"; "received in line with the policy" is not an app.
      app('\\b(received|receive|got)\\b[^.]{0,60}\\b(via|through|on|in|over) ', '\\b(?! with\\b)', true),
    ],
    fr: [
      app('\\b(par|via) ', '\\b', true),
      app('\\b(sur|dans) '),
      app('\\bcode '),
      app('\\benvoye\\w*[^.]{0,60}\\b', '\\b', true),
      // "reçu sur Signal"; "reçu un signal sonore" names no app.
      app('\\brecu\\w*[^.]{0,60}\\b(sur|par|via|dans) ', '\\b', true),
    ],
    de: [
      app('\\b(per|uber|via) ', '\\b', true),
      app('\\b(auf|in) '),
      app('\\b', '-?code\\b'),
      app('\\b(gesendet|geschickt)\\b[^.]{0,60}\\b', '\\b', true),
      app('\\b', '\\b[^.]{0,60}\\b(gesendet|geschickt)'),
      app('\\b(auf|uber|per|via) ', '\\b[^.]{0,60}\\b(erhalten|bekommen)', true),
    ],
    es: [
      app('\\b(por|via) ', '\\b', true),
      app('\\ben '),
      app('\\bcodigo (de )?'),
      app('\\b(enviado|enviamos)\\b[^.]{0,60}\\b', '\\b', true),
      app('\\brecib\\w*[^.]{0,60}\\b(en|por|via) ', '\\b', true),
    ],
    it: [
      app('\\b(via|tramite|per) ', '\\b', true),
      app('\\bsu '),
      app('\\bcodice (di )?'),
      app('\\binviato\\b[^.]{0,60}\\b', '\\b', true),
      app('\\bricevut\\w*[^.]{0,60}\\b(su|via|tramite|per) ', '\\b', true),
    ],
    pt: [
      app('\\b(por|pelo|via) ', '\\b', true),
      app('\\bno '),
      app('\\bcodigo (do |de )?'),
      app('\\b(enviado|enviamos)\\b[^.]{0,60}\\b', '\\b', true),
      app('\\breceb\\w*[^.]{0,60}\\b(no|pelo|por|via|em) ', '\\b', true),
    ],
    nl: [
      app('\\b(via|per) ', '\\b', true),
      app('\\b(op|in) '),
      app('\\b', '-?code\\b'),
      app('\\b(verzonden|verstuurd|gestuurd)\\b[^.]{0,60}\\b', '\\b', true),
      app('\\b', '\\b[^.]{0,60}\\b(verzonden|verstuurd|gestuurd)'),
      app('\\b(op|via|per) ', '\\b[^.]{0,60}\\b(ontvangen|gekregen)', true),
    ],
  },
  push: {
    en: [
      /\bpush (notification|message|request)\b/,
      /\b(sent|send|sending)\b[^.]{0,40}\bnotification\b|\bcode (in|from) the notification\b|\bapprove the (sign[- ]?in|login|log[- ]?in) request\b/,
    ],
    fr: [
      /\bnotification( push)?\b[^.]{0,60}\benvoye|\benvoye\w*[^.]{0,60}\bnotification\b|\bapprouvez la demande\b/,
    ],
    de: [
      /\bpush-?(benachrichtigung|mitteilung)\b|\b(benachrichtigung|mitteilung)\b[^.]{0,60}\b(gesendet|geschickt)/,
    ],
    es: [
      /\bnotificacion( push)?\b[^.]{0,60}\benviad|\b(enviad\w*|enviamos)[^.]{0,60}\bnotificacion\b|\baprueba la solicitud\b/,
    ],
    it: [/\bnotifica( push)?\b[^.]{0,60}\binviat|\binviat\w*[^.]{0,60}\bnotifica\b|\bapprova la richiesta\b/],
    pt: [
      /\bnotificacao( push)?\b[^.]{0,60}\benviad|\b(enviad\w*|enviamos)[^.]{0,60}\bnotificacao\b|\baprove a solicitacao\b/,
    ],
    nl: [
      /\bpush-?melding\b|\bmelding\b[^.]{0,60}\b(verzonden|verstuurd|gestuurd)|\b(verzonden|verstuurd|gestuurd)\b[^.]{0,60}\bmelding\b/,
    ],
  },
  'other-device': {
    en: [
      /\b(sent|shown|displayed|appears?) (to|on) (all )?(your|the) ((other|trusted) )?(apple )?devices\b/,
      /\b(sent|shown|displayed|appears?) (to|on) (your|the|a) (other|trusted) (apple )?device\b/,
    ],
    fr: [
      /\b(envoye|affiche)\w* (sur|a) (tous )?(vos|votre) (autres appareils|appareils? de confiance|appareils)\b/,
    ],
    de: [/\b(an|auf) (ihre|deine|ihren|deinen|ihrem|deinem) (anderen|vertrauenswurdigen) geraten?\b/],
    es: [/\b(enviado|mostrado)\w* (a|en) (tus|sus|tu|su) (otros dispositivos|dispositivos? de confianza)\b/],
    it: [
      /\b(inviato|mostrato|visualizzato)\w* (sui|sugli|agli|ai|al|sul) (tuoi )?(altri dispositivi|dispositivi? attendibil[ei])\b/,
    ],
    pt: [
      /\b(enviado|exibido|mostrado)\w* (para|em|nos) (seus|os seus|teus) (outros dispositivos|dispositivos confiaveis)\b/,
    ],
    nl: [
      /\b(naar|op) (je|uw) (andere|vertrouwde) apparat(en)?\b|\b(naar|op) (je|uw) (andere|vertrouwde) apparaat\b/,
    ],
  },
};

/**
 * Words each channel's patterns need, in normalised text: a text with none of them cannot match
 * that channel, so its patterns are neither compiled nor run. Firefox compiles every pattern again
 * in each page, on first use: the whole table cost 5–15 ms per login page there.
 * `channel-gates.test.ts` checks that whatever a pattern matches passes its channel's gate.
 */
export const CHANNEL_GATES: Readonly<Record<Channel, readonly string[]>> = {
  sms: ['sms', 'text', 'sent to'],
  email: ['mail', 'inbox', 'courriel', 'boite', 'correo', 'posta', 'correio', '@'],
  voice: [
    'call',
    'read ',
    'appel',
    'anruf',
    'rufen',
    'llam',
    'chiam',
    'liga',
    'chamada',
    'gesprek',
    'oproep',
    'bel',
  ],
  messaging: ALL_APPS.split('|'),
  push: [
    'push',
    'notifica',
    'approv',
    'approuv',
    'aprue',
    'aprov',
    'benachrichtigung',
    'mitteilung',
    'melding',
  ],
  'other-device': ['device', 'appareil', 'gerat', 'dispositiv', 'appara'],
};

/** Every pattern of one channel, all languages together. */
export function channelPatterns(channel: Channel): RegExp[] {
  return LANGUAGES.flatMap((lang) => [...OUT_OF_BAND[channel][lang]]);
}

const PATTERNS = new Map(CHANNELS.map((channel) => [channel, channelPatterns(channel)]));

/** The (normalised) text says the code came by `channel`: its gate first, then its patterns. */
export function namesChannel(channel: Channel, normal: string): boolean {
  if (!CHANNEL_GATES[channel].some((word) => normal.includes(word))) return false;
  return PATTERNS.get(channel)?.some((pattern) => pattern.test(normal)) ?? false;
}

/** The first channel the (normalised) text names, or null. */
export function channelOf(normal: string): Channel | null {
  if (normal === '') return null;
  return CHANNELS.find((channel) => namesChannel(channel, normal)) ?? null;
}
