import type { AccountView, OtpAccount, StoredAccount } from '../otp/account';
import { generateCode, periodEnd } from '../otp/codes';

/**
 * Public view of an account: everything a page may show, never the secret. `correctionMs`
 * shifts the code to the site's clock; `expiresAt` stays on this computer's clock.
 */
export function toView(account: StoredAccount, now: number, correctionMs = 0): AccountView {
  return {
    id: account.id,
    type: account.type,
    issuer: account.issuer,
    label: account.label,
    digits: account.digits,
    period: account.period,
    pinned: account.pinned ?? false,
    ...(account.origin ? { origin: account.origin } : {}),
    code: generateCode(account, now + correctionMs),
    ...(account.type === 'totp' ? { expiresAt: periodEnd(account, now + correctionMs) - correctionMs } : {}),
  };
}

export function newStoredAccount(
  otp: OtpAccount,
  origin: string | undefined,
  now: number,
  id: string = crypto.randomUUID(),
): StoredAccount {
  return { ...otp, id, ...(origin ? { origin } : {}), createdAt: now, updatedAt: now };
}

/** The same secret bound to the same origin is the same account. */
export function findDuplicate(
  accounts: readonly StoredAccount[],
  otp: OtpAccount,
  origin: string | undefined,
): StoredAccount | undefined {
  return accounts.find((a) => a.secret === otp.secret && a.origin === origin);
}
