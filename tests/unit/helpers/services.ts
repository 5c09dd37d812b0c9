import { AccountsService } from '@/lib/background/accounts-service';
import { SessionKey } from '@/lib/background/session-key';
import { TransferService } from '@/lib/background/transfer-service';
import { VaultService } from '@/lib/background/vault-service';
import { VaultStore } from '@/lib/vault/store';
import { MemoryArea } from './memory-area';

import { FAST_KDF } from './vault-fixtures';

export { FAST_KDF };
export const PASSPHRASE = 'a good passphrase';
/** 10 s into a 30 s period. */
export const NOW = 1_750_000_000_000;

/** A vault (created and unlocked unless told otherwise) and the services over it, on a settable clock. */
export async function vaultServices({ create = true } = {}) {
  const clock = { now: NOW };
  const now = () => clock.now;
  const local = new MemoryArea();
  const session = new MemoryArea();
  let activity = 0;
  const vault = new VaultService({
    store: new VaultStore(local, { kdf: FAST_KDF, now }),
    sessionKey: new SessionKey(session),
    onActivity: () => activity++,
    now,
  });
  if (create) await vault.create(PASSPHRASE);
  return {
    local,
    session,
    vault,
    accounts: new AccountsService(vault, now),
    transfer: new TransferService(vault, now),
    now,
    tick: (ms: number) => (clock.now += ms),
    activity: () => activity,
  };
}
