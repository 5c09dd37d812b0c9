/** A rough strength hint (not a gate): length and variety, in four levels. */
export type Strength = 'weak' | 'fair' | 'good' | 'strong';

export function passphraseStrength(passphrase: string): Strength {
  const length = [...passphrase].length;
  if (length < 8) return 'weak';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d\s]/, /\s/].filter((re) => re.test(passphrase)).length;
  const words = passphrase.trim().split(/\s+/).length;
  if (length >= 20 || (words >= 4 && length >= 16)) return 'strong';
  if (length >= 12 && classes >= 2) return 'good';
  return 'fair';
}
