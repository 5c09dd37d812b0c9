import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PreviousKey, StoredAccount } from '@/lib/otp/account';
import { CODEC_VERSION, decodeBody, encodeBody, type AccountBody } from '@/lib/sync/codec';
import { MAX_LET_GO, type LetGoKey } from '@/lib/sync/let-go';
import { CONCERNS, FIELD_ROLES, LOCAL_ONLY_FIELDS, PREVIOUS_KEY_FIELDS } from '@/lib/sync/concerns';
import { fromB64u } from '@/lib/bytes';
import { importAesKey, openRecord, sealRecord } from '@/lib/sync/record';
import v1 from './fixtures/v1-records.json';

const base32 = fc.stringMatching(/^[A-Z2-7]{0,64}$/);
/** Secrets are base32 once normalised; anything else still travels (as text). */
const secret = fc.oneof(base32, base32, fc.string({ unit: 'grapheme', maxLength: 40 }));
const algorithm = fc.constantFrom('SHA1', 'SHA256', 'SHA512' as const);
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const epochMs = fc.integer({ min: 0, max: 2 ** 42 - 1 });

/** The key material of every kind: TOTP, HOTP and Steam, every algorithm, digits and period. */
const keyMaterial = fc.oneof(
  fc.record({
    type: fc.constantFrom('totp' as const, 'hotp' as const),
    secret,
    algorithm,
    digits: fc.integer({ min: 6, max: 8 }),
    period: fc.oneof(fc.constant(30), fc.integer({ min: 1, max: 3600 })),
    counter: fc.oneof(fc.constant(0), fc.nat(), fc.maxSafeNat()),
  }),
  fc.record({
    type: fc.constant('totp' as const),
    secret: base32,
    algorithm: fc.constant('SHA1' as const),
    digits: fc.constant(5),
    period: fc.constant(30),
    counter: fc.constant(0),
    encoder: fc.constant('steam' as const),
  }),
);

const previousKey: fc.Arbitrary<PreviousKey> = fc
  .tuple(keyMaterial, epochMs)
  .map(([key, replacedAt]) => ({ ...key, replacedAt }));

const hlc = fc.record({
  wall: epochMs,
  count: fc.integer({ min: 0, max: 0xffff }),
  device: fc.uint8Array({ minLength: 3, maxLength: 3 }).map((b) => Buffer.from(b).toString('base64url')),
});

const account: fc.Arbitrary<StoredAccount> = fc
  .tuple(
    keyMaterial,
    fc.record(
      {
        id: fc.uuid(),
        issuer: text,
        label: text,
        origin: fc.oneof(
          fc.webUrl().map((u) => new URL(u).origin),
          fc.constant('http://m2mmanager.localhost:4100'),
        ),
        pinned: fc.boolean(),
        createdAt: epochMs,
        updatedAt: epochMs,
        previousKeys: fc.array(previousKey, { minLength: 1, maxLength: 6 }),
      },
      { requiredKeys: ['id', 'issuer', 'label', 'createdAt', 'updatedAt'] },
    ),
  )
  .map(([key, rest]) => ({ ...key, ...rest }));

const rank = fc.oneof(fc.nat(), fc.maxSafeNat(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const versions = fc.option(fc.dictionary(fc.constantFrom(...CONCERNS), hlc, { minKeys: 1 }), {
  nil: undefined,
});
/** Let-go keys: an 8-byte digest, the counter reached, when. */
const letGo = fc.option(
  fc.array(
    fc.record({
      digest: fc.uint8Array({ minLength: 8, maxLength: 8 }).map((d) => Buffer.from(d).toString('base64url')),
      counter: fc.oneof(fc.constant(0), fc.nat(), fc.maxSafeNat()),
      at: epochMs,
    }),
    { minLength: 1, maxLength: MAX_LET_GO },
  ),
  { nil: undefined },
);
const oneLetGo: LetGoKey[] = [{ digest: 'AAAAAAAAAAA', counter: 11, at: 1 }];

/** What sync carries of an account: all of it but the record id and the local-only fields. */
function synced(a: StoredAccount): AccountBody['account'] {
  const copy: Record<string, unknown> = { ...a };
  for (const field of [...LOCAL_ONLY_FIELDS, 'id']) delete copy[field];
  return copy as AccountBody['account'];
}

describe('account body codec: lossless for every field (property)', () => {
  it('decode(encode(a)) equals a, for accounts of every kind, but for the local-only fields', () => {
    fc.assert(
      fc.property(account, rank, versions, letGo, (a, r, v, l) => {
        const body: AccountBody = {
          account: synced(a),
          rank: r,
          ...(v ? { versions: v } : {}),
          ...(l ? { letGo: l } : {}),
        };
        const bytes = encodeBody(body);
        expect(decodeBody(bytes)).toEqual(body);
        // Only a body with let-go keys needs version 3: the others stay readable by version 2 builds.
        expect(bytes[0]! & 0x0f).toBe(l ? 3 : 2);
      }),
      { numRuns: 2_000 },
    );
  });

  it('names updatedAt as the only local-only field, and every other field has a merge role', () => {
    expect(LOCAL_ONLY_FIELDS).toEqual(['updatedAt']);
    // A field added to StoredAccount without a role fails type checking in concerns.ts.
    for (const role of Object.values(FIELD_ROLES)) expect(role).toBeTruthy();
  });

  it('a typical account costs no more than in version 1', () => {
    for (const { hex, decoded } of v1.bodies.filter((b) => b.name === 'typical')) {
      expect(encodeBody(decoded as AccountBody).length).toBe(hex.length / 2);
    }
  });
});

/** The keys of `value` that hold something (an absent optional field is not a field carried). */
function present(value: object): string[] {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
}

describe('a field added to the account type cannot stay out of sync', () => {
  // The record id travels beside the body (as the record's id), the local-only fields not at all.
  const syncedFields = (Object.keys(FIELD_ROLES) as (keyof StoredAccount)[]).filter(
    (k) => !LOCAL_ONLY_FIELDS.includes(k),
  );

  it('the arbitrary generates every field of FIELD_ROLES but the local-only ones', () => {
    const seen = new Set(fc.sample(account, { numRuns: 1_000, seed: 1 }).flatMap(present));
    expect(syncedFields.filter((k) => !seen.has(k))).toEqual([]);
  });

  it('the arbitrary generates every field of PREVIOUS_KEY_FIELDS', () => {
    const seen = new Set(fc.sample(previousKey, { numRuns: 1_000, seed: 1 }).flatMap(present));
    expect(Object.keys(PREVIOUS_KEY_FIELDS).filter((k) => !seen.has(k))).toEqual([]);
  });

  it('decode(encode(a)) keeps every field a holds, and every field of each previous key', () => {
    fc.assert(
      fc.property(account, rank, (a, r) => {
        const { account: back } = decodeBody(encodeBody({ account: synced(a), rank: r }));
        expect(present(back).sort()).toEqual(present(synced(a)).sort());
        expect(back.previousKeys?.map((k) => present(k).sort())).toEqual(
          a.previousKeys?.map((k) => present(k).sort()),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('records written by the previous release (codec version 1)', () => {
  it.each(v1.bodies.map((b) => [b.name, b] as const))('%s still decodes', (_name, { hex, decoded }) => {
    expect(decodeBody(Buffer.from(hex, 'hex'))).toEqual(decoded);
  });

  it('a sealed version 1 record and tombstone still open', async () => {
    const key = await importAesKey(Uint8Array.from(Buffer.from(v1.record.dekHex, 'hex')));
    const opened = await openRecord(key, v1.record.context, v1.record.text);
    expect(opened).toMatchObject({ ok: true, record: { id: v1.record.id, body: v1.bodies[0]!.decoded } });
    expect(await openRecord(key, v1.record.context, v1.tombstone)).toMatchObject({
      ok: true,
      record: { id: 'acc-2' },
    });
    expect(
      ((await openRecord(key, v1.record.context, v1.tombstone)) as { record: object }).record,
    ).not.toHaveProperty('gone');
  });

  it(`new bodies are version 2, or ${CODEC_VERSION} with let-go keys`, async () => {
    const body = v1.bodies[0]!.decoded as AccountBody;
    expect(encodeBody(body)[0]! & 0x0f).toBe(2);
    expect(encodeBody({ ...body, letGo: oneLetGo })[0]! & 0x0f).toBe(CODEC_VERSION);
    const key = await importAesKey(new Uint8Array(32));
    const context = { vaultId: 'v', epoch: 1 };
    const version = { wall: 1, count: 0, device: 'AbCd' };
    const gone = [Buffer.from(fromB64u('AAAAAAAAAAA')).toString('base64url')];
    const text = await sealRecord(key, context, { id: 'x', version, gone });
    expect(await openRecord(key, context, text)).toEqual({ ok: true, record: { id: 'x', version, gone } });
  });
});

describe('version 3 (let-go keys)', () => {
  const body = v1.bodies[0]!.decoded as AccountBody;
  const withLetGo = () => encodeBody({ ...body, letGo: oneLetGo });

  it('a version 2 body claiming let-go keys is refused (a version 2 build never wrote one)', () => {
    const bytes = withLetGo();
    bytes[0] = (bytes[0]! & 0xf0) | 2;
    expect(() => decodeBody(bytes)).toThrow('bad record');
  });

  it('a version 3 body without let-go keys is refused', () => {
    // With the extra flags byte (an explicit unpin), and without it.
    for (const plain of [
      encodeBody({ ...body, account: { ...body.account, pinned: false } }),
      encodeBody(body),
    ]) {
      plain[0] = (plain[0]! & 0xf0) | 3;
      expect(() => decodeBody(plain)).toThrow('bad record');
    }
  });

  it.each<[string, LetGoKey[]]>([
    ['a short digest', [{ digest: 'AAAA', counter: 3, at: 1 }]],
    ['a negative counter', [{ digest: 'AAAAAAAAAAA', counter: -1, at: 1 }]],
    [`more than ${MAX_LET_GO} keys`, Array.from({ length: MAX_LET_GO + 1 }, () => oneLetGo[0]!)],
  ])('is never written with %s', (_name, entries) => {
    expect(() => encodeBody({ ...body, letGo: entries })).toThrow();
  });
});
