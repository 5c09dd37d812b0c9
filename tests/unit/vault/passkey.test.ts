import { describe, expect, it } from 'vitest';
import { PasskeyService } from '@/lib/background/passkey-service';
import { SessionKey } from '@/lib/background/session-key';
import { AccountsService } from '@/lib/background/accounts-service';
import { VaultService } from '@/lib/background/vault-service';
import { fromBase64, randomBytes, toBase64 } from '@/lib/bytes';
import { decodeEnvelope, encodeEnvelope, type PasskeySlot } from '@/lib/vault/envelope';
import { derivePasskeyKek, unwrapPasskeySlot } from '@/lib/vault/passkey-slot';
import { VaultStore } from '@/lib/vault/store';
import { FAST_KDF } from '../helpers/vault-fixtures';
import { MemoryArea } from '../helpers/memory-area';

const PASS = 'a good passphrase';
const URI = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';

/** What an authenticator's PRF gives for one credential (fixed per credential, as a real one). */
const prf = (credentialId: string) => new Uint8Array(32).fill(credentialId.length * 7 + 1);

async function setup() {
  const local = new MemoryArea();
  const session = new MemoryArea();
  const store = new VaultStore(local, { kdf: FAST_KDF });
  const sessionKey = new SessionKey(session);
  const vault = new VaultService({ store, sessionKey });
  const passkeys = new PasskeyService({ store, sessionKey, vault, now: () => 1000 });
  await vault.create(PASS);
  await new AccountsService(vault).add(URI, 'https://example.com');
  return { local, session, store, sessionKey, vault, passkeys };
}

/** The page's half: PRF output -> KEK for this vault and credential. */
async function kekFor(passkeys: PasskeyService, credentialId: string): Promise<string> {
  const { vaultId } = await passkeys.options();
  return toBase64(await derivePasskeyKek(prf(credentialId), credentialId, vaultId));
}

async function addPasskey(passkeys: PasskeyService, credentialId: string, name: string) {
  const { prfSalt } = await passkeys.options();
  return passkeys.add({ credentialId, name, prfSalt, kek: await kekFor(passkeys, credentialId) });
}

async function passkeySlots(local: MemoryArea): Promise<PasskeySlot[][]> {
  return Promise.all(
    ['vault.A', 'vault.B'].map(async (key) =>
      (await decodeEnvelope(local.data.get(key))).header.slots.filter(
        (s): s is PasskeySlot => s.kind === 'passkey',
      ),
    ),
  );
}

describe('passkey slot', () => {
  it('has the documented format in both generations, and holds no key in clear', async () => {
    const { local, session, passkeys } = await setup();
    const dek = await new SessionKey(session).get();
    expect(await addPasskey(passkeys, 'cred-1', 'This laptop')).toEqual([
      { credentialId: 'cred-1', name: 'This laptop', createdAt: 1000 },
    ]);
    const [a, b] = await passkeySlots(local);
    expect(a).toEqual(b);
    const slot = a![0]!;
    expect(Object.keys(slot).sort()).toEqual(
      [
        'kind',
        'credentialId',
        'name',
        'createdAt',
        'prfSalt',
        'publicKey',
        'keyIv',
        'privateKey',
        'ephemeral',
        'iv',
        'wrapped',
      ].sort(),
    );
    expect(fromBase64(slot.prfSalt)).toHaveLength(32);
    expect(fromBase64(slot.keyIv)).toHaveLength(12);
    expect(fromBase64(slot.iv)).toHaveLength(12);
    expect(fromBase64(slot.wrapped)).toHaveLength(32 + 16);
    expect(fromBase64(slot.ephemeral)).toHaveLength(65); // uncompressed P-256 point
    const stored = local.snapshot();
    expect(stored).not.toContain(toBase64(dek!));
    expect(stored).not.toContain(await kekFor(passkeys, 'cred-1'));
    expect(stored).not.toContain(toBase64(prf('cred-1')));
  });

  it('unlocks with the passkey; the passphrase still unlocks too', async () => {
    const { vault, passkeys } = await setup();
    await addPasskey(passkeys, 'cred-1', 'This laptop');
    await vault.lock();
    expect((await passkeys.options()).credentials.map((c) => c.name)).toEqual(['This laptop']);
    expect(await passkeys.unlock('cred-1', await kekFor(passkeys, 'cred-1'))).toMatchObject({
      unlocked: true,
    });
    expect(await vault.accounts()).toHaveLength(1);
    await vault.lock();
    expect(await vault.unlock(PASS)).toMatchObject({ unlocked: true });
  });

  it('binds the vault id and the credential id: a KEK made for another of either opens nothing', async () => {
    const { store, passkeys, session } = await setup();
    await addPasskey(passkeys, 'cred-1', 'This laptop');
    const { vaultId } = await passkeys.options();
    const slot = (await store.read((await new SessionKey(session).get())!)).slots.find(
      (s): s is PasskeySlot => s.kind === 'passkey',
    )!;
    const right = await derivePasskeyKek(prf('cred-1'), 'cred-1', vaultId);
    expect(await unwrapPasskeySlot(slot, right, vaultId)).toBeDefined();
    expect(
      await unwrapPasskeySlot(slot, await derivePasskeyKek(prf('cred-1'), 'cred-2', vaultId), vaultId),
    ).toBeUndefined();
    expect(
      await unwrapPasskeySlot(slot, await derivePasskeyKek(prf('cred-1'), 'cred-1', 'other'), vaultId),
    ).toBeUndefined();
    expect(await unwrapPasskeySlot(slot, right, 'other vault')).toBeUndefined();
  });

  it.each([
    ['the wrapped data key', 'wrapped'],
    ['the sealed private key', 'privateKey'],
    ['the public key', 'publicKey'],
    ['the ephemeral key', 'ephemeral'],
  ] as const)(
    'a tampered slot (%s) is refused with a clear message and nothing changes',
    async (_name, field) => {
      const { local, vault, passkeys } = await setup();
      await addPasskey(passkeys, 'cred-1', 'This laptop');
      const kek = await kekFor(passkeys, 'cred-1');
      await vault.lock();
      for (const key of ['vault.A', 'vault.B']) {
        const e = await decodeEnvelope(local.data.get(key));
        const slots = e.header.slots.map((s) => {
          if (s.kind !== 'passkey') return s;
          const bytes = fromBase64(s[field]);
          bytes[bytes.length - 20]! ^= 1;
          return { ...s, [field]: toBase64(bytes) };
        });
        local.data.set(key, await encodeEnvelope({ ...e.header, slots }, e.iv, e.ciphertext));
      }
      const before = local.snapshot();
      await expect(passkeys.unlock('cred-1', kek)).rejects.toMatchObject({
        code: 'PASSKEY_REFUSED',
        message: expect.stringMatching(/could not unlock the vault.*Nothing was changed/) as unknown,
      });
      expect(local.snapshot()).toBe(before);
      expect(await vault.state()).toMatchObject({ unlocked: false });
    },
  );

  it('a wrong PRF output (another authenticator) is refused and nothing changes', async () => {
    const { local, vault, passkeys } = await setup();
    await addPasskey(passkeys, 'cred-1', 'This laptop');
    const { vaultId } = await passkeys.options();
    await vault.lock();
    const before = local.snapshot();
    const wrong = toBase64(await derivePasskeyKek(new Uint8Array(32).fill(9), 'cred-1', vaultId));
    await expect(passkeys.unlock('cred-1', wrong)).rejects.toMatchObject({ code: 'PASSKEY_REFUSED' });
    await expect(passkeys.unlock('cred-x', wrong)).rejects.toMatchObject({ code: 'PASSKEY_UNKNOWN' });
    expect(local.snapshot()).toBe(before);
  });

  it('a passphrase change (new data key) rewraps every passkey slot', async () => {
    const { vault, passkeys, session } = await setup();
    await addPasskey(passkeys, 'cred-1', 'This laptop');
    await addPasskey(passkeys, 'cred-22', 'YubiKey');
    const oldDek = await new SessionKey(session).get();
    await vault.changePassphrase(PASS, 'another good passphrase');
    const newDek = await new SessionKey(session).get();
    expect(newDek).not.toEqual(oldDek);
    for (const id of ['cred-1', 'cred-22']) {
      await vault.lock();
      await passkeys.unlock(id, await kekFor(passkeys, id));
      expect(await new SessionKey(session).get()).toEqual(newDek);
      expect(await vault.accounts()).toHaveLength(1);
    }
    expect((await passkeys.list()).map((p) => p.name)).toEqual(['This laptop', 'YubiKey']);
  });

  it('moving the vault to another data key (a synced vault’s) rewraps every passkey slot', async () => {
    const { store, vault, passkeys, session } = await setup();
    await addPasskey(passkeys, 'cred-1', 'This laptop');
    await addPasskey(passkeys, 'cred-22', 'YubiKey');
    const oldDek = (await new SessionKey(session).get())!;
    const synced = randomBytes(32);
    await store.rekey(oldDek, synced, 'the synced vault passphrase');
    for (const id of ['cred-1', 'cred-22']) {
      await vault.lock();
      await passkeys.unlock(id, await kekFor(passkeys, id));
      expect(await new SessionKey(session).get()).toEqual(synced);
      expect(await vault.accounts()).toHaveLength(1);
    }
    await expect(store.read(oldDek)).rejects.toMatchObject({ code: 'DAMAGED' });
    expect(await store.unlock('the synced vault passphrase')).toEqual(synced);
    expect((await passkeys.list()).map((p) => p.name)).toEqual(['This laptop', 'YubiKey']);
  });

  it('removing the last passkey leaves the vault as it was, passphrase only', async () => {
    const { local, store, vault, passkeys, session } = await setup();
    const dek = (await new SessionKey(session).get())!;
    const accountsBefore = (await store.read(dek)).payload;
    await addPasskey(passkeys, 'cred-1', 'This laptop');
    const kek = await kekFor(passkeys, 'cred-1');
    expect(await passkeys.remove('cred-1')).toEqual([]);
    expect(await passkeySlots(local)).toEqual([[], []]);
    const after = await store.read(dek);
    expect(after.payload).toEqual(accountsBefore);
    expect(after.slots.map((s) => s.kind)).toEqual(['passphrase']);
    await vault.lock();
    await expect(passkeys.unlock('cred-1', kek)).rejects.toMatchObject({ code: 'PASSKEY_UNKNOWN' });
    expect(await vault.unlock(PASS)).toMatchObject({ unlocked: true });
  });

  it('a refused set-up (no name, other salt, locked) writes nothing', async () => {
    const { local, vault, passkeys } = await setup();
    await addPasskey(passkeys, 'cred-1', 'This laptop');
    const before = local.snapshot();
    const kek = await kekFor(passkeys, 'cred-2');
    await expect(
      passkeys.add({ credentialId: 'cred-2', name: '  ', prfSalt: 'x', kek }),
    ).rejects.toMatchObject({
      code: 'PASSKEY_NAME',
    });
    await expect(
      passkeys.add({ credentialId: 'cred-2', name: 'Other', prfSalt: toBase64(new Uint8Array(32)), kek }),
    ).rejects.toMatchObject({ code: 'PASSKEY_REFUSED' });
    await vault.lock();
    const { prfSalt } = await passkeys.options();
    await expect(passkeys.add({ credentialId: 'cred-2', name: 'Other', prfSalt, kek })).rejects.toMatchObject(
      {
        code: 'LOCKED',
      },
    );
    expect(local.snapshot()).toBe(before);
  });
});
