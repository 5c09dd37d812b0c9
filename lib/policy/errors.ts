/** What a person meets when an organisation's policy refuses an action (English; see lib/errors.ts). */
export const POLICY_ERRORS = {
  POLICY_PASSPHRASE_TOO_SHORT:
    'Your organisation requires a passphrase of at least $1 characters. Nothing was changed.',
  POLICY_FORBIDDEN: 'Your organisation does not allow this in Twofold. Nothing was changed.',
  POLICY_BLOCKED_SITE: 'Your organisation does not allow Twofold on this site.',
} as const;
