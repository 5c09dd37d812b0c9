/** Every vault failure a user can meet, with a message they can act on. */
export type VaultErrorCode =
  'NO_VAULT' | 'ALREADY_EXISTS' | 'WRONG_PASSPHRASE' | 'WEAK_PASSPHRASE' | 'DAMAGED' | 'READ_ONLY' | 'LOCKED';

const MESSAGES: Record<VaultErrorCode, string> = {
  NO_VAULT: 'No vault yet: create one with a passphrase first.',
  ALREADY_EXISTS: 'A vault already exists. Unlock it instead.',
  WRONG_PASSPHRASE: 'Wrong passphrase. Nothing was changed.',
  WEAK_PASSPHRASE: 'Choose a passphrase of at least 8 characters.',
  DAMAGED:
    'Both stored copies of the vault are damaged. Nothing was deleted: restore a backup or contact support.',
  READ_ONLY:
    'This vault was saved by a newer version of Twofold. Update Twofold to make changes; your accounts are untouched.',
  LOCKED: 'Twofold is locked. Unlock it first.',
};

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string = MESSAGES[code],
  ) {
    super(message);
    this.name = 'VaultError';
  }
}

/**
 * The same error with its message in the browser's language (`_locales` key
 * `vaultError_<CODE>`); anything else is returned unchanged.
 */
export function localizeVaultError(error: unknown, getMessage: (key: string) => string): unknown {
  if (!(error instanceof VaultError)) return error;
  const translated = getMessage(`vaultError_${error.code}`);
  return translated ? new VaultError(error.code, translated) : error;
}
