/** Sync failures a user can meet, with what to do (English; see lib/errors.ts). */
export const SYNC_ERRORS = {
  SYNC_WRONG_PASSPHRASE: 'This is not the passphrase of your synced vault. Nothing was changed.',
  SYNC_DAMAGED:
    "The synced vault in the browser's sync space is damaged. Nothing was changed here; turn sync on from a computer whose accounts are complete.",
} as const;
