import { describe, expect, it, vi } from 'vitest';
import { isTwofoldError } from '@/lib/errors';
import { setUpPasskey } from '@/lib/passkey/ceremony';
import type { PasskeyCeremony } from '@/lib/protocol/passkey';

const CEREMONY = {
  vaultId: 'vault-1',
  prfSalt: btoa('s'.repeat(32)),
  credentials: [],
} as unknown as PasskeyCeremony;

/** A credential as an authenticator without PRF returns it: created, no PRF output. */
const prfLess = {
  id: 'cred-1',
  type: 'public-key',
  getClientExtensionResults: () => ({ prf: { enabled: false } }),
};

async function failure(run: Promise<unknown>): Promise<unknown> {
  try {
    await run;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('passkey set-up without PRF', () => {
  it.each([
    ['the browser says it has no PRF: refused before anything is created', false, 'PASSKEY_NO_PRF', 0, []],
    [
      'the authenticator has none: the error names the passkey it may keep',
      true,
      'PASSKEY_NO_PRF_LEFT',
      1,
      ['This laptop'],
    ],
  ] as const)('%s', async (_name, prf, code, creates, params) => {
    const create = vi.fn(() => Promise.resolve(prfLess));
    const credentials = { create } as unknown as CredentialsContainer;
    const error = await failure(
      setUpPasskey(credentials, CEREMONY, 'This laptop', () => Promise.resolve({ 'extension:prf': prf })),
    );
    expect(isTwofoldError(error, code)).toBe(true);
    expect((error as { params?: unknown }).params ?? []).toEqual(params);
    expect(create).toHaveBeenCalledTimes(creates);
  });
});
