/**
 * The WebAuthn side of passkey unlock, run in an extension page (it needs a document). The PRF
 * output stays in this module's locals: what leaves is the slot's key-encryption key, derived
 * here with HKDF and bound to the vault id and credential id (lib/vault/passkey-slot.ts).
 */
import { TwofoldError } from '../errors';
import type { PasskeyCeremony } from '../protocol/passkey';
import { fromBase64, randomBytes, toBase64 } from '../bytes';
import { derivePasskeyKek } from '../vault/passkey-slot';

/** Authenticator data flag: the user was verified (biometrics, PIN). */
const FLAG_UV = 0x04;

interface PrfOutputs {
  enabled?: boolean;
  results?: { first?: BufferSource };
}

export interface PasskeyKey {
  credentialId: string;
  /** base64 KEK for `passkey:add` / `passkey:unlock`. */
  kek: string;
}

/** Creates a credential (user verification required) and derives its KEK. */
export async function setUpPasskey(
  credentials: CredentialsContainer | undefined,
  ceremony: PasskeyCeremony,
  name: string,
): Promise<PasskeyKey> {
  if (!credentials) throw new TwofoldError('PASSKEY_UNSUPPORTED');
  const salt = fromBase64(ceremony.prfSalt);
  const created = await run(() =>
    credentials.create({
      publicKey: {
        rp: { name: 'Twofold' },
        user: { id: randomBytes(16), name, displayName: name },
        challenge: randomBytes(32),
        pubKeyCredParams: [
          { type: 'public-key', alg: -7 },
          { type: 'public-key', alg: -257 },
        ],
        authenticatorSelection: { userVerification: 'required', residentKey: 'discouraged' },
        excludeCredentials: ceremony.credentials.map((c) => ({
          type: 'public-key',
          id: fromBase64Url(c.credentialId),
        })),
        extensions: { prf: { eval: { first: salt } } },
      },
    }),
  );
  const prf = (created.getClientExtensionResults() as { prf?: PrfOutputs }).prf;
  if (!prf?.enabled && !prf?.results?.first) throw new TwofoldError('PASSKEY_NO_PRF');
  // Some authenticators evaluate the PRF only on assertions: ask once more.
  const output = prf.results?.first ?? (await assert(credentials, ceremony, [created.id])).output;
  return { credentialId: created.id, kek: await kekOf(output, created.id, ceremony.vaultId) };
}

/** Asks for any of the vault's passkeys (user verification required) and derives its KEK. */
export async function unlockKey(
  credentials: CredentialsContainer | undefined,
  ceremony: PasskeyCeremony,
): Promise<PasskeyKey> {
  if (!credentials) throw new TwofoldError('PASSKEY_UNSUPPORTED');
  const { id, output } = await assert(
    credentials,
    ceremony,
    ceremony.credentials.map((c) => c.credentialId),
  );
  return { credentialId: id, kek: await kekOf(output, id, ceremony.vaultId) };
}

async function assert(
  credentials: CredentialsContainer,
  ceremony: PasskeyCeremony,
  ids: string[],
): Promise<{ id: string; output: BufferSource }> {
  const got = await run(() =>
    credentials.get({
      publicKey: {
        challenge: randomBytes(32),
        allowCredentials: ids.map((id) => ({ type: 'public-key', id: fromBase64Url(id) })),
        userVerification: 'required',
        extensions: {
          prf: { eval: { first: fromBase64(ceremony.prfSalt) } },
        },
      },
    }),
  );
  const response = got.response as AuthenticatorAssertionResponse;
  const flags = new Uint8Array(response.authenticatorData)[32] ?? 0;
  if ((flags & FLAG_UV) === 0) throw new TwofoldError('PASSKEY_CANCELLED');
  const output = (got.getClientExtensionResults() as { prf?: PrfOutputs }).prf?.results?.first;
  if (!output) throw new TwofoldError('PASSKEY_NO_PRF');
  return { id: got.id, output };
}

/** Runs a ceremony; a refusal, a time-out or a failed verification is one clear error. */
async function run(ceremony: () => Promise<Credential | null>): Promise<PublicKeyCredential> {
  let credential: Credential | null;
  try {
    credential = await ceremony();
  } catch (error) {
    if (error instanceof TwofoldError) throw error;
    const name = (error as { name?: string } | null)?.name;
    if (name === 'NotSupportedError' || name === 'SecurityError')
      throw new TwofoldError('PASSKEY_UNSUPPORTED');
    throw new TwofoldError('PASSKEY_CANCELLED');
  }
  if (!credential || credential.type !== 'public-key') throw new TwofoldError('PASSKEY_CANCELLED');
  return credential as PublicKeyCredential;
}

async function kekOf(output: BufferSource, credentialId: string, vaultId: string): Promise<string> {
  const prf = new Uint8Array(
    ArrayBuffer.isView(output)
      ? output.buffer.slice(output.byteOffset, output.byteOffset + output.byteLength)
      : output.slice(0),
  );
  try {
    const kek = await derivePasskeyKek(prf, credentialId, vaultId);
    const text = toBase64(kek);
    kek.fill(0);
    return text;
  } finally {
    prf.fill(0);
  }
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/');
  return fromBase64(padded + '='.repeat((4 - (padded.length % 4)) % 4));
}
