/**
 * Why an otpauth URI, a secret or an export cannot be used (English; see lib/errors.ts).
 * `$1`… are parameters: user-supplied values are shortened and quoted before they get here.
 */
export const OTP_ERRORS = {
  SECRET_EMPTY: 'The secret is empty',
  SECRET_NOT_BASE32:
    'The secret is not valid base32: it may only contain the letters A to Z and the digits 2 to 7',
  SECRET_BAD_LENGTH: 'The secret is not valid base32: a character seems to be missing or extra',
  SECRET_TOO_SHORT: 'The secret is too short',
  URI_NOT_OTPAUTH: 'This is not an otpauth URI',
  URI_EMPTY: 'The otpauth URI is empty',
  URI_TOO_LONG: 'The otpauth URI is too long',
  URI_IS_MIGRATION: 'This is a Google Authenticator export, not a single otpauth URI',
  URI_NO_SECRET: 'The otpauth URI has no secret',
  URI_PARAM_TWICE: 'The otpauth URI gives the $1 parameter twice, differently',
  URI_BAD_ESCAPE: 'The otpauth URI is badly encoded (a %-escape is invalid)',
  URI_NO_TYPE: 'The otpauth URI has no OTP type (totp or hotp)',
  NAME_INVALID: 'The account name contains invalid characters',
  ISSUER_MISMATCH: 'Issuer in the label ($1) and issuer parameter ($2) disagree',
  HOTP_NO_COUNTER: 'HOTP needs a counter',
  ALGORITHM_UNSUPPORTED: 'Unsupported algorithm $1',
  DIGITS_INVALID: 'Digits must be 6, 7 or 8',
  PERIOD_INVALID: 'The period must be a whole number of seconds from 1 to $1',
  COUNTER_INVALID: 'The counter must be a whole number, 0 or more',
  COUNTER_NEGATIVE: 'The counter is negative',
  COUNTER_TOO_LARGE: 'The counter is too large',
  TYPE_UNSUPPORTED: 'Unsupported OTP type $1',
  ENCODER_UNSUPPORTED: 'Unsupported code encoder $1',
  STEAM_FIXED:
    'Steam Guard codes are always 5 characters, SHA1, every 30 seconds: this account asks for something else',
  ACCOUNT_NO_SECRET: 'The account has no secret',
  ENTRY_INVALID: 'The entry is not valid',
  TIME_INVALID: 'The time is not a valid timestamp',
  MIGRATION_NOT_EXPORT: 'This is not a Google Authenticator export',
  MIGRATION_TOO_LONG: 'The export data is too long',
  MIGRATION_NO_DATA: 'The Google Authenticator export has no data',
  MIGRATION_EMPTY: 'The Google Authenticator export holds no accounts',
  MIGRATION_DAMAGED: 'The export data is damaged',
  MIGRATION_ALGORITHM_CODE: 'Unsupported algorithm (code $1)',
  MIGRATION_DIGITS_CODE: 'Unsupported digit count (code $1)',
  MIGRATION_TYPE_CODE: 'Unsupported OTP type (code $1)',
  MIGRATION_CANNOT_HOLD_PERIOD: '$1: a Google Authenticator export cannot hold a $2-second period',
  MIGRATION_CANNOT_HOLD_7_DIGITS: '$1: a Google Authenticator export cannot hold 7-digit codes',
  MIGRATION_CANNOT_HOLD_STEAM: '$1: a Google Authenticator export cannot hold Steam Guard accounts',
} as const;

export type OtpErrorCode = keyof typeof OTP_ERRORS;
