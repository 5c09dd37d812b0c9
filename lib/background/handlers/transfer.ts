import { errorMessage } from '../../i18n';
import type { ImportCommit, ImportPreview } from '../../messaging';
import type { Router } from '../router';
import type { TransferService } from '../transfer-service';

export function registerTransferHandlers(
  { handle }: Router,
  { transfer }: { transfer: TransferService },
): void {
  // An import refused comes back as a value: put it in the browser's language like any error.
  const inUiLanguage = <T extends ImportPreview | ImportCommit>(result: T): T => {
    if (result.ok) return result;
    return { ...result, message: errorMessage(result.code, result.params) };
  };
  handle('export:backup', ({ passphrase }) => transfer.exportBackup(passphrase));
  handle('export:accounts', () => transfer.exportAccounts());
  handle('import:preview', async ({ text, password }) =>
    inUiLanguage(await transfer.preview(text, password)),
  );
  handle('import:commit', async ({ token, select, replace }) =>
    inUiLanguage(await transfer.commit(token, select, replace)),
  );
}
