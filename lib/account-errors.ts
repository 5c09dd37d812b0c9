/** Why a change to the account list or a captured QR code was refused (English; see lib/errors.ts). */
export const ACCOUNT_ERRORS = {
  ACCOUNT_EXISTS: 'This account is already in Twofold.',
  ACCOUNT_GONE: 'This account is no longer in Twofold.',
  NOT_HOTP: 'This account is not a counter-based (HOTP) account.',
  NO_PREVIOUS_KEY: 'This account has no earlier key to go back to.',
  NOT_OTP_QR: 'This QR code is not an authenticator code.',
  NO_USABLE_ACCOUNT: 'This Google Authenticator export holds no account Twofold can use.',
  DELETED_GONE: 'This deleted account is no longer kept: it was restored or deleted for good.',
  ACCOUNT_NO_CODE: 'This account cannot make a code: its saved settings are damaged.',
} as const;
