/** Import refusals that protect the browser from a hostile file (English; see lib/errors.ts). */
export const TRANSFER_ERRORS = {
  IMPORT_TOO_COSTLY:
    'This $1 asks for a password key derivation too costly to run safely here ($2; Twofold allows at most $3). Nothing was imported.',
  IMPORT_TOO_MANY:
    'This file holds $1 accounts; one import may add at most $2. Split it and import it in parts. Nothing was imported.',
  IMPORT_EXPIRED: 'This import preview has expired. Choose the file again. Nothing was imported.',
} as const;

export type TransferErrorCode = keyof typeof TRANSFER_ERRORS;
