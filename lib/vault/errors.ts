/** Every vault failure a user can meet, with a message they can act on (English; see lib/errors.ts). */
export const VAULT_ERRORS = {
  NO_VAULT: 'No vault yet: create one with a passphrase first.',
  ALREADY_EXISTS: 'A vault already exists. Unlock it instead.',
  WRONG_PASSPHRASE: 'Wrong passphrase. Nothing was changed.',
  WEAK_PASSPHRASE: 'Choose a passphrase of at least 8 characters.',
  DAMAGED:
    'Both stored copies of the vault are damaged. Nothing was deleted: restore a backup or contact support.',
  KEY_PARAMS_DAMAGED: 'The vault key parameters are damaged.',
  READ_ONLY:
    'This vault was saved by a newer version of Twofold. Update Twofold to make changes; your accounts are untouched.',
  LOCKED: 'Twofold is locked. Unlock it first.',
  PASSKEY_NO_PRF:
    'This browser or authenticator cannot unlock Twofold with a passkey (it lacks the PRF extension). Nothing was changed: keep using your passphrase.',
  PASSKEY_NO_PRF_LEFT:
    "This authenticator cannot unlock Twofold (it lacks the PRF extension). Your vault was not changed, but the authenticator may now hold a passkey named \"$1\" for Twofold: delete it in the authenticator's settings (a security key's manager app, or your system's or browser's passkey settings).",
  PASSKEY_UNSUPPORTED:
    'This browser offers no passkeys here. Nothing was changed: keep using your passphrase.',
  PASSKEY_CANCELLED:
    'The passkey request was cancelled, or the authenticator could not verify you (fingerprint, face or PIN). Nothing was changed.',
  PASSKEY_REFUSED:
    'This passkey could not unlock the vault: its stored key slot does not match or was changed. Nothing was changed; unlock with your passphrase.',
  PASSKEY_UNKNOWN: 'This passkey is not set up for this vault. Unlock with your passphrase.',
  PASSKEY_NAME: 'Name the passkey (1 to 64 characters), for example "This laptop".',
  NOT_HEALTHY:
    'A stored copy of the vault is still damaged, so the set-aside copies were kept. Make a change (for example add or rename an account) and try again.',
} as const;

export type VaultErrorCode = keyof typeof VAULT_ERRORS;
