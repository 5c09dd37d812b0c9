import { fromBase64, toBase64 } from '../bytes';
import type { KeyValueArea } from '../vault/store';

const SESSION_KEY = 'vault.dek';

/**
 * The unlocked data key lives only in `storage.session`: memory-only, cleared at
 * browser restart and extension update, and not readable by content scripts.
 * It is stored as base64 because session storage keeps JSON values only.
 */
export class SessionKey {
  constructor(private readonly session: KeyValueArea) {}

  async get(): Promise<Uint8Array<ArrayBuffer> | undefined> {
    const value = (await this.session.get([SESSION_KEY]))[SESSION_KEY];
    return typeof value === 'string' ? fromBase64(value) : undefined;
  }

  async set(dek: Uint8Array): Promise<void> {
    await this.session.set({ [SESSION_KEY]: toBase64(dek) });
  }

  async clear(): Promise<void> {
    await this.session.remove([SESSION_KEY]);
  }
}
