/**
 * The phishing guard: which enrolled origin, if any, a page's origin imitates (homoglyphs and mixed
 * scripts, typos, hyphen and dot tricks, another TLD or registrable domain, the brand inside another
 * domain). What it flags and never flags: docs/security.md, "Phishing guard".
 */
import { lookalikeMatch } from './lookalike-detect';

export function lookalikeOf(pageOrigin: string, enrolledOrigins: readonly string[]): string | undefined {
  return lookalikeMatch(pageOrigin, enrolledOrigins);
}
