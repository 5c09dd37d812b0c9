/** Why an account's autofill website cannot be set (English; see lib/errors.ts). */
export const WEBSITE_ERRORS = {
  WEBSITE_INVALID: '"$1" is not a website address. Type one like example.com or https://example.com.',
  ACCOUNT_NOT_FOUND: 'This account is no longer in Twofold.',
} as const;

export type WebsiteErrorCode = keyof typeof WEBSITE_ERRORS;
