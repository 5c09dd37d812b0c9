import type { AutofillService } from '../autofill-service';
import type { Router } from '../router';

export function registerAutofillHandlers(
  { handle }: Router,
  { autofill }: { autofill: AutofillService },
): void {
  handle('autofill:code', ({ accountId }, sender) => autofill.code(sender, accountId));
  handle('autofill:username', ({ username }, sender) => autofill.rememberUsername(sender, username));
}
