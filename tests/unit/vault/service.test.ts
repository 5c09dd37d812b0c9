import { describe, expect, it } from 'vitest';
import { SessionKey } from '@/lib/background/session-key';
import { VaultService } from '@/lib/background/vault-service';
import { generateCode } from '@/lib/otp/codes';
import { parseOtpauthUri } from '@/lib/otp/uri';
import { toBase64 } from '@/lib/vault/encoding';
import { VaultStore } from '@/lib/vault/store';
import { MemoryArea } from '../helpers/memory-area';

const FAST_KDF = { memory: 256, iterations: 1, parallelism: 1 };
const URI =
  'otpauth://totp/M2Mmanager:jane.doe%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=M2Mmanager';
const NOW = 1_750_000_000_000;

function setup() {
  const local = new MemoryArea();
  const session = new MemoryArea();
  const service = new VaultService({
    store: new VaultStore(local, { kdf: FAST_KDF }),
    sessionKey: new SessionKey(session),
    now: () => NOW,
  });
  return { local, session, service };
}

describe('VaultService', () => {
  it('creates, adds by URI, lists codes (never secrets), locks and unlocks', async () => {
    const { service } = setup();
    expect(await service.state()).toMatchObject({ exists: false, unlocked: false });
    expect(await service.create('a good passphrase')).toMatchObject({ exists: true, unlocked: true });
    const view = await service.addUri(URI, 'https://m2m.matooma.com/login');
    expect(view).toMatchObject({
      issuer: 'M2Mmanager',
      label: 'jane.doe@example.com',
      origin: 'https://m2m.matooma.com',
    });
    expect(view.code).toBe(generateCode(parseOtpauthUri(URI), NOW));
    expect(JSON.stringify(await service.list())).not.toContain('JBSWY3DP');
    await service.lock();
    await expect(service.list()).rejects.toThrow(/locked/i);
    await service.unlock('a good passphrase');
    expect(await service.list()).toHaveLength(1);
  });

  it('refuses the same secret for the same origin twice', async () => {
    const { service } = setup();
    await service.create('a good passphrase');
    await service.addUri(URI, 'm2m.matooma.com');
    await expect(service.addUri(URI, 'https://m2m.matooma.com')).rejects.toThrow(/already in Twofold/);
    expect(await service.list()).toHaveLength(1);
  });

  it('after lock, no stored value holds the data key or a secret in clear', async () => {
    const { local, session, service } = setup();
    await service.create('a good passphrase');
    const dek = await new SessionKey(session).get();
    await service.addUri(URI, undefined);
    await service.lock();
    const secret = parseOtpauthUri(URI).secret;
    const needles = [
      secret,
      secret.toLowerCase(),
      toBase64(dek!),
      Buffer.from(dek!).toString('hex'),
      'otpauth://',
      'a good passphrase',
    ];
    const stored = [...local.data.values(), ...session.data.values()].map((v) => JSON.stringify(v));
    expect(session.data.size).toBe(0);
    for (const value of stored) for (const needle of needles) expect(value).not.toContain(needle);
  });

  it('gives a clear message for a bad URI and stores nothing', async () => {
    const { local, service } = setup();
    await service.create('a good passphrase');
    const before = local.snapshot();
    await expect(service.addUri('https://example.com/not-otp', undefined)).rejects.toThrow(/otpauth/);
    expect(local.snapshot()).toBe(before);
  });

  it('binds an account to a website, moves it and unbinds it; an unknown id is refused', async () => {
    const { service } = setup();
    await service.create('a good passphrase');
    const { id } = await service.addUri(URI, undefined);
    expect(await service.setOrigin(id, 'https://shop.example')).toMatchObject({
      origin: 'https://shop.example',
    });
    expect(await service.accountsForOrigin('https://shop.example')).toHaveLength(1);
    expect(await service.setOrigin(id, 'https://login.shop.example')).toMatchObject({
      origin: 'https://login.shop.example',
    });
    expect(await service.accountsForOrigin('https://shop.example')).toHaveLength(0);
    const unbound = await service.setOrigin(id, undefined);
    expect('origin' in unbound).toBe(false);
    expect(await service.sites()).toEqual([]);
    await expect(service.setOrigin('nope', 'https://shop.example')).rejects.toMatchObject({
      code: 'ACCOUNT_NOT_FOUND',
    });
  });
});
