/** Public API of the OTP core: parse and write otpauth URIs, make codes, read GA exports. */
export type {
  AccountProblem,
  AccountView,
  DeletedAccount,
  DeletedAccountView,
  OtpAccount,
  OtpAlgorithm,
  OtpEncoder,
  OtpType,
  PreviousKey,
  StoredAccount,
} from './account';
export { normaliseSecret, MIN_SECRET_BYTES, secretBits, WEAK_SECRET_BITS } from './base32';
export { STEAM_ALPHABET } from './steam';
export { codeProblem, generateCode, periodEnd, problemOf, secondsRemaining } from './codes';
export { parseAnyOtpText } from './import';
export type { PasteProblem, PasteResult } from './import';
export { decodeMigrationUri, encodeMigrationUri } from './migration';
export { accountName } from './names';
export type { MigrationBatch, MigrationResult } from './migration';
export { parseOtpauthUri, toOtpauthUri } from './uri';
