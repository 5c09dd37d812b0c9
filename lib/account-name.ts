/** "M2Mmanager (jane.doe@example.com)": how every UI names an account. */
export function accountName(account: { issuer: string; label: string }): string {
  if (account.issuer && account.label) return `${account.issuer} (${account.label})`;
  return account.issuer || account.label || '—';
}
