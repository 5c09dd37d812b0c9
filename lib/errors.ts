/**
 * Twofold's one error model. Every failure a person can see is a `TwofoldError` with a code
 * from one catalog and positional parameters ($1, $2…). The English text lives here (so
 * `lib/` stays usable and testable in Node); other languages live in
 * `lib/i18n/locales/<lang>.yml` under `error.<CODE>`. lib/i18n is the one place that translates (`errorMessage`, `inUiLanguage`,
 * built on `localizeError`): the router uses it for every reply, the pages for their own errors.
 *
 * Each subject declares its own codes in its own catalog (lib/otp/errors.ts, …), joined below.
 */
import { ACCOUNT_ERRORS } from './account-errors';
import { OTP_ERRORS } from './otp/errors';
import { POLICY_ERRORS } from './policy/errors';
import { SYNC_ERRORS } from './sync/errors';
import { TRANSFER_ERRORS } from './transfer/errors';
import { VAULT_ERRORS } from './vault/errors';
import { WEBSITE_ERRORS } from './website/errors';

// Joined in a call marked pure: a bundle that never reads the catalog (the content script) drops
// every text. A bare spread is kept, since spreading may run getters.
export const ERROR_CATALOG = /* @__PURE__ */ (() =>
  ({
    ...ACCOUNT_ERRORS,
    ...OTP_ERRORS,
    ...TRANSFER_ERRORS,
    ...SYNC_ERRORS,
    ...VAULT_ERRORS,
    ...WEBSITE_ERRORS,
    ...POLICY_ERRORS,
  }) as const satisfies Record<string, string>)();

export type ErrorCode = keyof typeof ERROR_CATALOG;

/** Replace `$1`… with the parameters; `$$` is a literal dollar, as in `i18n.getMessage`. */
export function fillTemplate(template: string, params: readonly string[]): string {
  return template.replace(/\$(\$|\d)/g, (match: string, which: string) =>
    which === '$' ? '$' : (params[Number(which) - 1] ?? match),
  );
}

export class TwofoldError extends Error {
  readonly params: readonly string[];

  constructor(
    readonly code: ErrorCode,
    params: readonly (string | number)[] = [],
    /** A message already in the user's language (set by `localizeError` only). */
    message?: string,
  ) {
    const texts = params.map(String);
    super(message ?? fillTemplate(ERROR_CATALOG[code], texts));
    this.name = 'TwofoldError';
    this.params = texts;
  }
}

export function isTwofoldError(error: unknown, code?: ErrorCode): error is TwofoldError {
  return error instanceof TwofoldError && (code === undefined || error.code === code);
}

/** Looks up a translated message: `i18n.getMessage`'s shape; '' when the language has none. */
export type Translate = (key: string, substitutions: string[]) => string;

/**
 * The error in the user's language. A `TwofoldError` whose code has a translation comes back
 * translated (same code and parameters); English, untranslated codes and any other value come
 * back unchanged.
 */
export function localizeError(error: unknown, translate: Translate): unknown {
  if (!(error instanceof TwofoldError)) return error;
  const translated = translate(`error_${error.code}`, [...error.params]);
  return translated ? new TwofoldError(error.code, error.params, translated) : error;
}

/** The text to show for any thrown value. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
