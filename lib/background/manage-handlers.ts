import { browser } from 'wxt/browser';
import { webOriginOf } from '../origins';
import type { ImportCommit, ImportPreview } from '../protocol/manage';
import type { FormatId } from '../transfer';
import { handle } from './router';
import type { VaultService } from './vault-service';

export interface ManageDeps {
  vault: VaultService;
  self: { id: string; baseUrl: string };
}

/** Handlers of ManageProtocol (lib/protocol/manage.ts): account management, settings, backups. */
export function registerManageHandlers({ vault, self }: ManageDeps): void {
  handle('accounts:update', ({ id, patch }) => vault.updateAccount(id, patch), self);
  handle('accounts:reorder', ({ ids }) => vault.reorder(ids), self);
  handle('accounts:nextHotp', ({ id }) => vault.nextHotp(id), self);
  handle('tabs:activeOrigin', () => activeOrigin(), self);
  handle('sites:list', () => vault.sites(), self);
  handle('vault:changePassphrase', ({ current, next }) => vault.changePassphrase(current, next), self);
  handle('export:backup', ({ passphrase }) => vault.exportBackup(passphrase), self);
  handle('export:accounts', () => vault.exportAccounts(), self);
  handle(
    'import:preview',
    async ({ text, password }) => inUiLanguage(await vault.importPreview(text, password)),
    self,
  );
  handle(
    'import:commit',
    async ({ token, select }) => inUiLanguage(await vault.importCommit(token, select)),
    self,
  );
}

/** The app each format comes from, as the translated messages name it. */
const PRODUCT: Record<FormatId, string> = {
  'twofold-backup': 'Twofold',
  'otpauth-list': 'otpauth',
  'google-migration': 'Google Authenticator',
  aegis: 'Aegis',
  'aegis-encrypted': 'Aegis',
  '2fas': '2FAS',
  '2fas-encrypted': '2FAS',
  'bitwarden-json': 'Bitwarden',
  'bitwarden-encrypted': 'Bitwarden',
  'bitwarden-csv': 'Bitwarden',
  andotp: 'andOTP',
};

/**
 * An import refused, in the browser's language. English keeps the importer's own,
 * more precise wording; other languages get the translation for its code.
 */
function inUiLanguage<T extends ImportPreview | ImportCommit>(result: T): T {
  if (result.ok || browser.i18n.getUILanguage().toLowerCase().startsWith('en')) return result;
  const message = result.params
    ? browser.i18n.getMessage(`error_${result.code}` as 'extName', result.params)
    : browser.i18n.getMessage(
        `importError_${result.code}` as 'extName',
        result.format ? PRODUCT[result.format] : '',
      );
  return message ? { ...result, message } : result;
}

/**
 * The active tab's web origin. Its URL is visible only where Twofold may see it:
 * a host permission, or activeTab after the toolbar click that opened the popup.
 */
async function activeOrigin(): Promise<{ origin?: string }> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  const origin = webOriginOf(tab?.url);
  return origin ? { origin } : {};
}
