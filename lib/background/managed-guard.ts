import type { BackgroundProtocol, PopupStart, VaultState } from '../messaging';
import { policyRequests } from '../policy/effective';
import { TwofoldError } from '../errors';
import type { ManagedPolicies } from './managed-policies';
import type { Handler, Router } from './router';

type Type = keyof BackgroundProtocol;

/** A message the policies answer themselves, with this value, instead of its handler. */
interface Answer {
  value: unknown;
}

/** Messages a policy may refuse, and the policy that decides. */
const FORBIDDEN_BY: Partial<Record<Type, 'sync' | 'plainExport' | 'import'>> = {
  'sync:enable': 'sync',
  'sync:useNewPassphrase': 'sync',
  'export:accounts': 'plainExport',
  'import:preview': 'import',
  'import:commit': 'import',
};

/**
 * Applies the organisation's policies in front of every handler, in one place, so a page
 * that shows a forbidden control by mistake (or a script sending the message itself) still
 * changes nothing. A content script on a blocked site gets no code, no capture, no offer.
 */
export async function policyAnswer(
  managed: ManagedPolicies,
  type: Type,
  data: unknown,
  sender: { kind: string; origin?: string },
): Promise<Answer | undefined> {
  const forbiddenBy = FORBIDDEN_BY[type];
  if (forbiddenBy) await managed.require(forbiddenBy);
  const fields = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (type === 'vault:create') await managed.requirePassphrase(text(fields.passphrase));
  if (type === 'vault:changePassphrase') await managed.requirePassphrase(text(fields.next));
  // Without its options a page offers no passkey at all, set-up or unlock.
  if (type === 'passkey:add' || type === 'passkey:unlock' || type === 'passkey:options')
    await managed.requirePasskeyAllowed();
  // A fixed clock-check policy is not the user's to switch.
  if (type === 'clock:setEnabled' && (await managed.fixes('clockCheck')))
    throw new TwofoldError('POLICY_FORBIDDEN');
  if (sender.kind === 'content-script' && (await managed.isBlocked(sender.origin))) {
    // The page hears what it hears on a site without accounts: nothing to fill.
    if (type === 'autofill:code') return { value: { status: 'none' } };
    // Hello and the shortcut names carry nothing of the vault.
    if (type !== 'content:hello' && type !== 'card:shortcut' && type !== 'autofill:shortcut')
      throw new TwofoldError('POLICY_BLOCKED_SITE');
  }
  return undefined;
}

/** The answers that are the vault's state: what the organisation asks of it rides on them. */
const VAULT_STATE_REPLIES = new Set<Type>([
  'vault:state',
  'vault:create',
  'vault:unlock',
  'vault:lock',
  'vault:clearQuarantine',
  'vault:acceptRollback',
  'passkey:unlock',
]);

/**
 * An unlocked vault's state, with what the organisation asks of it added: a passphrase change
 * when the passphrase this very message carried is too short (only `vault:unlock` carries one,
 * so the request is said at each unlock and kept nowhere), a passkey set-up when one is required.
 */
export async function policyReply(
  managed: ManagedPolicies,
  type: Type,
  data: unknown,
  reply: unknown,
  hasPasskey: () => Promise<boolean>,
): Promise<unknown> {
  // The popup's start carries the vault's state: the same requests ride on it.
  if (type === 'popup:start') {
    const start = reply as PopupStart;
    return { ...start, state: await policyReply(managed, 'vault:state', data, start.state, hasPasskey) };
  }
  if (!VAULT_STATE_REPLIES.has(type)) return reply;
  const state = reply as VaultState;
  if (!state.unlocked) return reply;
  // The popup's first state must not wait for the managed area (seconds on a fresh profile):
  // only the unlock itself, slow anyway, waits for it; a state asked before it answered adds nothing.
  const policies = type === 'vault:state' ? managed.policiesIfKnown() : await managed.policies();
  if (!policies) return reply;
  if (policies.minPassphraseLength === undefined && policies.passkeyUnlock !== 'required') return reply;
  const fields = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const requests = policyRequests(policies, {
    ...(type === 'vault:unlock' ? { passphrase: text(fields.passphrase) } : {}),
    hasPasskey: policies.passkeyUnlock === 'required' ? await hasPasskey().catch(() => true) : true,
  });
  return { ...state, ...requests };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The router with the policies in front of each handler; registration code is unchanged. */
export function withPolicies(
  router: Router,
  managed: ManagedPolicies,
  hasPasskey: () => Promise<boolean> = () => Promise.resolve(true),
): Router {
  return {
    handle<K extends Type>(type: K, handler: Handler<K>): void {
      const guarded = (async (data, sender) => {
        const answer = await policyAnswer(managed, type, data, sender);
        if (answer) return answer.value;
        return policyReply(managed, type, data, await handler(data, sender), hasPasskey);
      }) as Handler<K>;
      router.handle(type, guarded);
    },
  };
}
