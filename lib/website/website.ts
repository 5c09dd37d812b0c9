import { TwofoldError } from '../errors';
import { normalizeWebsite } from '../origins';

/**
 * The origin an account is bound to from what a person typed: undefined (unbound) for an empty
 * field, a coded error naming their text for anything that is not a website.
 */
export function websiteOrigin(input: string): string | undefined {
  const trimmed = input.trim();
  if (trimmed === '') return undefined;
  try {
    return normalizeWebsite(trimmed);
  } catch {
    throw new TwofoldError('WEBSITE_INVALID', [trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed]);
  }
}
