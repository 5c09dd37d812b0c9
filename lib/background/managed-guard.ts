import type { BackgroundProtocol } from '../messaging';
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
  if (type === 'passkey:add' || type === 'passkey:unlock') await managed.requirePasskeyAllowed();
  if (sender.kind === 'content-script' && (await managed.isBlocked(sender.origin))) {
    // The page hears what it hears on a site without accounts: nothing to fill.
    if (type === 'autofill:code') return { value: { status: 'none' } };
    // Hello and the shortcut names carry nothing of the vault.
    if (type !== 'content:hello' && type !== 'card:shortcut' && type !== 'autofill:shortcut')
      throw new TwofoldError('POLICY_BLOCKED_SITE');
  }
  return undefined;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The router with the policies in front of each handler; registration code is unchanged. */
export function withPolicies(router: Router, managed: ManagedPolicies): Router {
  return {
    handle<K extends Type>(type: K, handler: Handler<K>): void {
      const guarded = (async (data, sender) => {
        const answer = await policyAnswer(managed, type, data, sender);
        return answer ? answer.value : handler(data, sender);
      }) as Handler<K>;
      router.handle(type, guarded);
    },
  };
}
