import type { PasskeyService } from '../passkey-service';
import { handle } from '../router';

export interface PasskeyHandlerDeps {
  passkeys: PasskeyService;
  self: { id: string; baseUrl: string; localize?: (error: unknown) => unknown };
}

/** Handlers of PasskeyProtocol (lib/protocol/passkey.ts). */
export function registerPasskeyHandlers({ passkeys, self }: PasskeyHandlerDeps): void {
  handle('passkey:options', () => passkeys.options(), self);
  handle('passkey:list', () => passkeys.list(), self);
  handle('passkey:add', (data) => passkeys.add(data), self);
  handle('passkey:remove', ({ credentialId }) => passkeys.remove(credentialId), self);
  handle('passkey:unlock', ({ credentialId, kek }) => passkeys.unlock(credentialId, kek), self);
}
