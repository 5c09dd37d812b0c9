/** Sync failures a user can meet, with what to do (English; see lib/errors.ts). */
export const SYNC_ERRORS = {
  SYNC_WRONG_PASSPHRASE: 'This is not the passphrase of your synced vault. Nothing was changed.',
  SYNC_DAMAGED:
    "The synced vault in the browser's sync space is damaged. Nothing was changed here; turn sync on from a computer whose accounts are complete.",
  SYNC_NEWER_VERSION:
    "A newer version of Twofold wrote the synced vault in the browser's sync space. Update Twofold on this computer to sync; nothing was changed.",
} as const;
