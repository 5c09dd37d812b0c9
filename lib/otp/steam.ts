/**
 * Steam Guard codes: RFC 6238 TOTP (HMAC-SHA1, 30 s) whose 31-bit truncated value is written as
 * 5 characters, least significant first, in base 26 over an alphabet without look-alikes.
 */
export const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';
export const STEAM_CODE_LENGTH = 5;

/** The 31-bit value of RFC 4226's dynamic truncation, as a number. */
export function steamCode(truncated: number): string {
  let value = truncated;
  let code = '';
  for (let i = 0; i < STEAM_CODE_LENGTH; i++) {
    code += STEAM_ALPHABET.charAt(value % STEAM_ALPHABET.length);
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return code;
}
