/**
 * Typography over the whole shipped catalogue, both languages: French spacing before high
 * punctuation and inside guillemets, one apostrophe, and sentences that end the same way in
 * English and French. Read from the same files the build ships (and the English error catalog).
 */
import { readFileSync } from 'node:fs';
import { parseMessagesText, type ParsedMessage } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG } from '@/lib/errors';

const parsed = (lang: 'en' | 'fr'): Map<string, ParsedMessage> =>
  new Map(
    parseMessagesText(readFileSync(`lib/i18n/locales/${lang}.yml`, 'utf8'), 'YAML')
      .filter((message) => !message.key[0]?.startsWith('@@'))
      .map((message) => [message.key.join('_'), message]),
  );
const texts = (message: ParsedMessage | undefined): string[] =>
  !message ? [] : message.type === 'plural' ? Object.values(message.plurals) : [message.message];

const EN = parsed('en');
const FR = parsed('fr');
/** English texts: the UI file, and the error catalog (English errors live in lib/). */
const CATALOG: Readonly<Record<string, string>> = ERROR_CATALOG;
const english = (key: string): string[] => {
  if (!key.startsWith('error_')) return texts(EN.get(key));
  const text = CATALOG[key.slice('error_'.length)];
  return text === undefined ? [] : [text];
};
const frenchKeys = [...FR.keys()];

/** Where French typography wants a (narrow) no-break space, and what it finds there. */
const NBSP = '[\u00a0\u202f]';
const FRENCH_RULES: [string, RegExp][] = [
  // "Faible : …", "Supprimer ? ", "… ; …": a no-break space, never a plain one or none.
  ['a no-break space before : ; ? !', new RegExp(`(?<!${NBSP})[:;?!](?=\\s|$)`, 'u')],
  ['a no-break space after «', new RegExp(`«(?!${NBSP})`, 'u')],
  ['a no-break space before »', new RegExp(`(?<!${NBSP})»`, 'u')],
  // One apostrophe style: the typographic one.
  ['the typographic apostrophe ’', /'/u],
];

describe.each(FRENCH_RULES)('French: %s', (_rule, wrong) => {
  it.each(frenchKeys)('%s', (key) => {
    for (const text of texts(FR.get(key))) expect(text).not.toMatch(wrong);
  });
});

/** A text that ends a sentence: with a full stop, a question or exclamation mark, or an ellipsis. */
const ENDS_SENTENCE = /[.?!…]\s*$/u;
/** A text of several sentences ("Saved. Reload the page"): it must end like one too. */
const SEVERAL_SENTENCES = /[.?!]\s+\p{Lu}/u;

/**
 * What is not a full sentence, so may end bare: reviewed by hand. A key belongs here only when
 * its text is a label, a button, a heading or a title, a name, or a fragment set inside other
 * text or after a label ("Clock: in time", "Accounts: $1"). Everything else is a full
 * sentence and ends with . ! ? or … in both languages, so a new message is a sentence until
 * someone decides otherwise here. Texts ending with ':' lead into a list and are left alone;
 * the error catalog is left alone too, as its texts are clauses set inside other messages
 * ("Cannot make a code: $1", "$1: $2").
 */
const NOT_SENTENCES: readonly string[] = [
  // Names and titles.
  'extName',
  'optionsTitle',
  'nudgeTitle',
  'presetAccessOffTitle',
  'passkeyTitle',
  'clockTitle',
  'lookalikeTitle',
  'welcomeTitle',
  'whatsNew',
  'whatsNewTitle',
  'clockAskTitle',
  'previewTitle',
  'skippedTitle',
  'aboutVersion',
  'settingsIndex',
  // Section headings.
  'accounts',
  'sectionSecurity',
  'sectionSites',
  'sectionBackup',
  'sectionImport',
  'sectionExport',
  'sectionSync',
  'sectionDeleted',
  'sectionAbout',
  'enabledSites',
  'previewList',
  'passkeyList',
  'exportedUris',
  'groupSite',
  'groupPinned',
  // Field and control labels.
  'passphrase',
  'confirmPassphrase',
  'strengthLabel',
  'otpauthUriOrSecret',
  'website',
  'autoLockMinutes',
  'searchAccounts',
  'issuer',
  'accountName',
  'sortLabel',
  'accountNames',
  'secretOptions',
  'otpType',
  'algorithm',
  'digits',
  'period',
  'counter',
  'currentPassphrase',
  'newPassphrase',
  'confirmNewPassphrase',
  'clipboardClearSeconds',
  'rememberDevice',
  'backupPassphrase',
  'confirmBackupPassphrase',
  'importFile',
  'otpauthUris',
  'filePassword',
  'exportConsent',
  'passkeyName',
  'clockCheckEnabled',
  'clockManualLabel',
  'syncSwitch',
  'syncFirstPassphrase',
  'syncSyncedPassphrase',
  'syncNewPassphrase',
  'conflictChoice',
  'actionsFor',
  'nextCodeFor',
  'editAccount',
  'qrOf',
  'transferQrOf',
  'dragToReorder',
  'deleteAccountLabel',
  'undoKeyReplaceLabel',
  'undoDeleteLabel',
  'restoreDeletedLabel',
  'forgetDeletedLabel',
  'passkeyRemoveLabel',
  'passkeyRemoveWhich',
  'revokeSite',
  'enableSiteOn',
  // Options of a choice.
  'sortManual',
  'sortName',
  'sortRecent',
  'typeTotp',
  'typeHotp',
  'conflictKeepBoth',
  'conflictReplace',
  // Buttons, links, menu and shortcut entries.
  'createVault',
  'unlock',
  'lock',
  'addAccount',
  'save',
  'cancel',
  'delete',
  'openSettings',
  'saveToTwofold',
  'notNow',
  'close',
  'unlockTwofold',
  'setUpTwofold',
  'scanQrCode',
  'nextCode',
  'pin',
  'unpin',
  'moveUp',
  'moveDown',
  'edit',
  'deleteForGood',
  'emptyImportLink',
  'nudgeAction',
  'dismiss',
  'changePassphrase',
  'exportBackup',
  'importButton',
  'decrypt',
  'addSelected',
  'showUriList',
  'showQrCodes',
  'hide',
  'downloadText',
  'previous',
  'next',
  'enableSite',
  'disableSite',
  'menuScanImage',
  'reviewInTwofold',
  'replaceSavedKey',
  'undoKeyReplace',
  'saveAnyway',
  'addAnyway',
  'commandFillCode',
  'commandCardAction',
  'menuFillCode',
  'fillCode',
  'showTransferCodes',
  'presetAccessAllow',
  'noticeQuarantineDelete',
  'noticeRollbackAccept',
  'passkeyUnlock',
  'passkeyUsePassphrase',
  'passkeySetup',
  'passkeyRemove',
  'clockCheckNow',
  'clockManualSave',
  'wrongCodeNext',
  'syncTurnOn',
  'syncUseSynced',
  'syncMerge',
  'syncUseNewPassphrase',
  'syncStop',
  'syncReplace',
  'firstRunCreateNew',
  'firstRunUseSynced',
  'selectAll',
  'selectNone',
  'lookalikeCopyAnyway',
  'undoDelete',
  'restoreDeleted',
  'forgetDeleted',
  'clockAskUse',
  'clockAskKeep',
  'welcomeDismiss',
  'policyPassphraseChangeAction',
  'policyPasskeyRequiredAction',
  'policyContactSupport',
  // Fragments shown inside other text or after a label.
  'secondsLeft',
  'scanFound',
  'siteAccounts',
  'statusNew',
  'statusDuplicate',
  'statusConflict',
  'statusRepeat',
  'qrPosition',
  'skippedLine',
  'skippedPosition',
  'skippedUnnamed',
  'weakSecretRow',
  'hotpCounter',
  'digitsCount',
  'nothingToAdd',
  'chosenFile',
  'clockInTime',
  'clockOffsetSlow',
  'clockOffsetFast',
  'clockOffsetTooFar',
  'clockNotMeasured',
  'clockWithinSlow',
  'clockWithinFast',
  'clockManualApplied',
  'clockShiftMark',
  'clockShiftMinutes',
  'clockShiftSeconds',
  'clockHeldPending',
  'clockHeldDeclined',
  'clockUntrusted',
  'syncLastSent',
  'syncLastReceived',
  'syncNever',
  'syncSpace',
  'accountNoCode',
  'leftOutItem',
  'previewSummary',
  'policySetByOrganisation',
];
const LEADS_INTO_LIST = /:\s*$/u;
const fullSentences = (lang: Map<string, ParsedMessage>): string[] =>
  [...lang.keys()].filter((key) => !NOT_SENTENCES.includes(key) && !key.startsWith('error_'));

describe.each([
  ['English', EN],
  ['French', FR],
])('%s: a full sentence ends with . ! ? or …', (_language, lang) => {
  it.each(fullSentences(lang))('%s', (key) => {
    for (const text of texts(lang.get(key))) {
      if (!LEADS_INTO_LIST.test(text)) expect(text).toMatch(ENDS_SENTENCE);
    }
  });
});

describe('The list of texts that are not sentences stays true', () => {
  it.each(NOT_SENTENCES)('%s is in both catalogues and ends bare in English', (key) => {
    expect(FR.has(key)).toBe(true);
    // A text that already ends like a sentence needs no exemption: keep the list to what needs one.
    expect(texts(EN.get(key)).some((text) => ENDS_SENTENCE.test(text))).toBe(false);
  });
});

describe('Sentences end the same way in both languages', () => {
  it.each(frenchKeys.filter((key) => english(key).length > 0))('%s', (key) => {
    const en = english(key);
    const fr = texts(FR.get(key));
    for (const text of [...en, ...fr]) {
      if (SEVERAL_SENTENCES.test(text)) expect(text).toMatch(ENDS_SENTENCE);
    }
    expect(fr.map((text) => ENDS_SENTENCE.test(text))).toEqual(fr.map(() => ENDS_SENTENCE.test(en[0] ?? '')));
  });
});
