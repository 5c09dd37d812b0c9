import { TwofoldError } from '../errors';
import type { PasskeyCeremony, PasskeyInfo } from '../protocol/passkey';
import { fromBase64 } from '../bytes';
import type { KeySlot, PasskeySlot } from '../vault/envelope';
import { createPasskeySlot, isPasskeySlot, newPrfSalt } from '../vault/passkey-slot';
import type { VaultStore } from '../vault/store';
import type { SessionKey } from './session-key';
import type { VaultService } from './vault-service';

export interface PasskeyServiceDeps {
  store: VaultStore;
  sessionKey: SessionKey;
  vault: VaultService;
  now?: () => number;
}

const MAX_NAME = 64;
const MAX_PASSKEYS = 10;

/** Passkey slots next to the passphrase slot: set up, list, remove, unlock. */
export class PasskeyService {
  private readonly now: () => number;

  constructor(private readonly deps: PasskeyServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /**
   * Read before unlock, so not yet authenticated: a changed header can only make the ceremony
   * ask for the wrong credential or salt, and then the unwrap fails.
   */
  async options(): Promise<PasskeyCeremony> {
    const header = await this.deps.store.header();
    if (!header) throw new TwofoldError('NO_VAULT');
    const slots = header.slots.filter(isPasskeySlot);
    return {
      vaultId: header.vaultId,
      prfSalt: slots[0]?.prfSalt ?? newPrfSalt(),
      credentials: slots.map(info),
    };
  }

  async list(): Promise<PasskeyInfo[]> {
    const { slots } = await this.deps.store.read(await this.key());
    return slots.filter(isPasskeySlot).map(info);
  }

  async add(data: {
    credentialId: string;
    name: string;
    prfSalt: string;
    kek: string;
  }): Promise<PasskeyInfo[]> {
    const name = data.name.trim();
    if (name.length === 0 || name.length > MAX_NAME) throw new TwofoldError('PASSKEY_NAME');
    const kek = fromBase64(data.kek);
    const dek = await this.key();
    const slots = await this.deps.store.replaceSlots(dek, async (current, vaultId) => {
      const passkeys = current.filter(isPasskeySlot);
      // One salt per vault: every slot evaluates the PRF on the same input.
      if (passkeys[0] && passkeys[0].prfSalt !== data.prfSalt) throw new TwofoldError('PASSKEY_REFUSED');
      if (passkeys.length >= MAX_PASSKEYS) throw new TwofoldError('PASSKEY_REFUSED');
      const slot = await createPasskeySlot(dek, vaultId, {
        credentialId: data.credentialId,
        name,
        prfSalt: data.prfSalt,
        kek,
        createdAt: this.now(),
      });
      return [...current.filter((s) => !sameCredential(s, data.credentialId)), slot];
    });
    kek.fill(0);
    return slots.filter(isPasskeySlot).map(info);
  }

  async remove(credentialId: string): Promise<PasskeyInfo[]> {
    const dek = await this.key();
    const { slots: current } = await this.deps.store.read(dek);
    if (!current.some((s) => sameCredential(s, credentialId))) return current.filter(isPasskeySlot).map(info);
    const slots = await this.deps.store.replaceSlots(dek, (all) =>
      all.filter((s) => !sameCredential(s, credentialId)),
    );
    return slots.filter(isPasskeySlot).map(info);
  }

  async unlock(credentialId: string, kekBase64: string) {
    const kek = fromBase64(kekBase64);
    try {
      return await this.deps.vault.unlockWith(await this.deps.store.unlockWithPasskey(credentialId, kek));
    } finally {
      kek.fill(0);
    }
  }

  private async key(): Promise<Uint8Array<ArrayBuffer>> {
    const dek = await this.deps.sessionKey.get();
    if (!dek) throw new TwofoldError('LOCKED');
    return dek;
  }
}

function info(slot: PasskeySlot): PasskeyInfo {
  return { credentialId: slot.credentialId, name: slot.name, createdAt: slot.createdAt };
}

function sameCredential(slot: KeySlot, credentialId: string): boolean {
  return slot.kind === 'passkey' && slot.credentialId === credentialId;
}
