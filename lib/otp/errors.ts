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
} as const;

export type OtpErrorCode = keyof typeof OTP_ERRORS;
