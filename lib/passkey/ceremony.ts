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

/** What the browser says it supports before any ceremony (WebAuthn Level 3), where it says. */
export type ClientCapabilities = () => Promise<Record<string, boolean | undefined>>;

/** `PublicKeyCredential.getClientCapabilities` of this page, when the browser has it. */
export function pageCapabilities(scope: typeof globalThis = globalThis): ClientCapabilities | undefined {
  const pkc = (scope as { PublicKeyCredential?: { getClientCapabilities?: ClientCapabilities } })
    .PublicKeyCredential;
  return typeof pkc?.getClientCapabilities === 'function' ? () => pkc.getClientCapabilities!() : undefined;
}

/**
 * Creates a credential (user verification required) and derives its KEK. A browser that says
 * it has no PRF is refused before anything is created. An authenticator without PRF can only
 * be told apart once it answered: its credential then exists, so the error names it (and the
 * browser is asked to forget it, where it offers that).
 */
export async function setUpPasskey(
  credentials: CredentialsContainer | undefined,
  ceremony: PasskeyCeremony,
  name: string,
  capabilities: ClientCapabilities | undefined = pageCapabilities(),
): Promise<PasskeyKey> {
  if (!credentials) throw new TwofoldError('PASSKEY_UNSUPPORTED');
  const supported = capabilities ? await capabilities().catch(() => undefined) : undefined;
  if (supported?.['extension:prf'] === false) throw new TwofoldError('PASSKEY_NO_PRF');
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
  if (!prf?.enabled && !prf?.results?.first) {
    await forget(created.id);
    throw new TwofoldError('PASSKEY_NO_PRF_LEFT', [name]);
  }
  // Some authenticators evaluate the PRF only on assertions: ask once more.
  const output = prf.results?.first ?? (await assert(credentials, ceremony, [created.id])).output;
  return { credentialId: created.id, kek: await kekOf(output, created.id, ceremony.vaultId) };
}

/** Best effort: the Signal API lets a passkey provider drop a credential its site will not use. */
async function forget(credentialId: string, scope: typeof globalThis = globalThis): Promise<void> {
  const pkc = (
    scope as {
      PublicKeyCredential?: {
        signalUnknownCredential?: (o: { rpId: string; credentialId: string }) => Promise<void>;
      };
    }
  ).PublicKeyCredential;
  const rpId = scope.location?.hostname;
  if (!rpId || typeof pkc?.signalUnknownCredential !== 'function') return;
  await pkc.signalUnknownCredential({ rpId, credentialId }).catch(() => undefined);
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
