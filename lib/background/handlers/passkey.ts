import type { PasskeyService } from '../passkey-service';
import type { Router } from '../router';

export function registerPasskeyHandlers(
  { handle }: Router,
  { passkeys }: { passkeys: PasskeyService },
): void {
  handle('passkey:options', () => passkeys.options());
  handle('passkey:list', () => passkeys.list());
  handle('passkey:add', (data) => passkeys.add(data));
  handle('passkey:remove', ({ credentialId }) => passkeys.remove(credentialId));
  handle('passkey:unlock', ({ credentialId, kek }) => passkeys.unlock(credentialId, kek));
}
