import type { AccountView } from '@/lib/otp/account';

/** A TOTP account as the popup receives it (a code, never a secret), named by its id. */
export function accountView(
  id: string,
  fields: { issuer?: string; label?: string; expiresAt?: number; code?: string } = {},
): AccountView {
  return {
    id,
    type: 'totp',
    issuer: id,
    label: '',
    digits: 6,
    period: 30,
    pinned: false,
    code: '123456',
    expiresAt: 30_000,
    ...fields,
  };
}
