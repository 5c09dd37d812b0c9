import type { browser as extensionBrowser } from 'wxt/browser';
import type { ImportCommit, ImportPreview } from '../../messaging';
import type { FormatId } from '../../transfer';
import type { Router } from '../router';
import type { TransferService } from '../transfer-service';

export function registerTransferHandlers(
  { handle }: Router,
  { transfer, browser }: { transfer: TransferService; browser: typeof extensionBrowser },
): void {
  const inUiLanguage = <T extends ImportPreview | ImportCommit>(result: T): T => {
    if (result.ok || browser.i18n.getUILanguage().toLowerCase().startsWith('en')) return result;
    const message = browser.i18n.getMessage(
      `importError_${result.code}`,
      result.format ? PRODUCT[result.format] : '',
    );
    return message ? { ...result, message } : result;
  };
  handle('export:backup', ({ passphrase }) => transfer.exportBackup(passphrase));
  handle('export:accounts', () => transfer.exportAccounts());
  handle('import:preview', async ({ text, password }) =>
    inUiLanguage(await transfer.preview(text, password)),
  );
  handle('import:commit', async ({ text, password, select }) =>
    inUiLanguage(await transfer.commit(text, password, select)),
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
