/**
 * Test-side encryptors for the encrypted formats, written from each format's documentation with
 * node:crypto (scrypt, PBKDF2, AES-GCM, AES-CBC, HMAC), independently of the WebCrypto/hash-wasm
 * decrypt paths under test.
 */
import { createCipheriv, createHmac, pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OtpAccount } from '../../../lib/otp';
import type { ImportedAccount } from '../../../lib/transfer';

export const FIXTURES = join(process.cwd(), 'tests/unit/transfer/fixtures');
export const readFixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
/** Our own vectors (vectors.json): V1 TOTP SHA1/6/30, V2 TOTP SHA256/8/60, V3 HOTP SHA512/7/42. */
export const VECTORS = JSON.parse(readFixture('vectors.json')) as OtpAccount[];
export const V = (i: 1 | 2 | 3): OtpAccount => VECTORS[i - 1]!;

/** The OTP fields only, to compare imports with vectors. */
export function core(a: ImportedAccount): OtpAccount {
  const { type, issuer, label, secret, algorithm, digits, period, counter } = a;
  return { type, issuer, label, secret, algorithm, digits, period, counter };
}

function gcm(key: Buffer, iv: Buffer, plaintext: Buffer): { ct: Buffer; tag: Buffer } {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ct, tag: cipher.getAuthTag() };
}

/** Aegis docs/vault.md: scrypt password slot wrapping a random master key; db AES-256-GCM. */
export function aegisEncrypt(db: unknown, password: string, params = { n: 1024, r: 8, p: 1 }) {
  const master = randomBytes(32);
  const salt = randomBytes(32);
  const derived = scryptSync(password, salt, 32, {
    N: params.n,
    r: params.r,
    p: params.p,
    maxmem: 256 << 20,
  });
  const slotNonce = randomBytes(12);
  const wrapped = gcm(derived, slotNonce, master);
  const dbNonce = randomBytes(12);
  const sealed = gcm(master, dbNonce, Buffer.from(JSON.stringify(db), 'utf8'));
  return {
    version: 1,
    header: {
      slots: [
        {
          type: 2,
          uuid: 'biometric',
          key: randomBytes(32).toString('hex'),
          key_params: { nonce: '00', tag: '00' },
        },
        {
          type: 1,
          uuid: 'a8325752-c1be-458a-9b3e-5e0a8154d9ec',
          key: wrapped.ct.toString('hex'),
          key_params: { nonce: slotNonce.toString('hex'), tag: wrapped.tag.toString('hex') },
          n: params.n,
          r: params.r,
          p: params.p,
          salt: salt.toString('hex'),
          repaired: true,
          is_backup: false,
        },
      ],
      params: { nonce: dbNonce.toString('hex'), tag: sealed.tag.toString('hex') },
    },
    db: sealed.ct.toString('base64'),
  };
}

/** 2FAS: b64(ct‖tag):b64(salt 256 B):b64(iv 12 B), PBKDF2-HMAC-SHA256 10 000 iterations. */
export function twofasEncrypt(plain: { services: unknown[]; schemaVersion: number }, password: string) {
  const salt = randomBytes(256);
  const key = pbkdf2Sync(password, salt, 10_000, 32, 'sha256');
  const seal = (text: string) => {
    const iv = randomBytes(12);
    const { ct, tag } = gcm(key, iv, Buffer.from(text, 'utf8'));
    return [Buffer.concat([ct, tag]), salt, iv].map((b) => b.toString('base64')).join(':');
  };
  return {
    services: [],
    groups: [],
    updatedAt: 1700000000000,
    schemaVersion: plain.schemaVersion,
    appVersionCode: 5000000,
    appVersionName: '5.0.0',
    appOrigin: 'android',
    servicesEncrypted: seal(JSON.stringify(plain.services)),
    reference: seal(
      'tRViSsLKzd86Hprh4ceC2OP7xazn4rrt4xhfEUbOjxLX8Rc3mkISXE0lWbmnWfggogbBJhtYgpK6fMl1D6mtsy92R3HkdGfwuXbzLebqVFJsR7IZ2w58t938iymwG4824igYy1wi6n2WDpO1Q1P69zwJGs2F5a1qP4MyIiDSD7NCV2OvidXQCBnDlGfmz0f1BQySRkkt4ryiJeCjD2o4QsveJ9uDBUn8ELyOrESv5R5DMDkD4iAF8TXU7KyoJujd',
    ),
  };
}

/** Bitwarden password-protected export (kdfType 0): PBKDF2 → HKDF-Expand enc/mac → EncString 2. */
export function bitwardenEncrypt(inner: unknown, password: string, iterations = 1000) {
  const salt = randomBytes(16).toString('base64');
  const master = pbkdf2Sync(password, Buffer.from(salt, 'utf8'), iterations, 32, 'sha256');
  const expand = (info: string) =>
    createHmac('sha256', master)
      .update(Buffer.concat([Buffer.from(info), Buffer.from([1])]))
      .digest();
  const encKey = expand('enc');
  const macKey = expand('mac');
  const encString = (text: string) => {
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-256-cbc', encKey, iv);
    const ct = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    const mac = createHmac('sha256', macKey)
      .update(Buffer.concat([iv, ct]))
      .digest();
    return `2.${iv.toString('base64')}|${ct.toString('base64')}|${mac.toString('base64')}`;
  };
  return {
    encrypted: true,
    passwordProtected: true,
    salt,
    kdfType: 0,
    kdfIterations: iterations,
    kdfMemory: null,
    kdfParallelism: null,
    encKeyValidation_DO_NOT_EDIT: encString(randomBytes(8).toString('hex')),
    data: encString(JSON.stringify(inner)),
  };
}
