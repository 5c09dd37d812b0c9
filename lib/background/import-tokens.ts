import type { ImportResult } from '../transfer';
import { randomBytes, toBase64 } from '../bytes';

/** How long a preview stays usable: long enough to tick boxes, short for decrypted secrets. */
export const IMPORT_TOKEN_MS = 10 * 60 * 1000;
const MAX_HELD = 4;

/**
 * Decrypted imports between the preview and the commit, in the background's memory only.
 * The key derivation of an encrypted file runs once, for the preview; the commit names the
 * preview by an opaque token and never sees the file or its password again.
 */
export class ImportTokens {
  private readonly held = new Map<string, { result: ImportResult; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  put(result: ImportResult): string {
    this.prune();
    while (this.held.size >= MAX_HELD) this.held.delete(this.held.keys().next().value!);
    const token = toBase64(randomBytes(18));
    this.held.set(token, { result, expires: this.now() + IMPORT_TOKEN_MS });
    return token;
  }

  /** The result, once: a token is used up by its commit. */
  take(token: string): ImportResult | undefined {
    this.prune();
    const entry = this.held.get(token);
    this.held.delete(token);
    return entry?.result;
  }

  clear(): void {
    this.held.clear();
  }

  private prune(): void {
    const now = this.now();
    for (const [token, { expires }] of this.held) if (expires <= now) this.held.delete(token);
  }
}
