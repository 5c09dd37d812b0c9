import type { BackgroundProtocol, SenderKind } from '../messaging';
import { MANAGE_POLICY } from '../protocol/manage';
import { SYNC_POLICY } from '../protocol/sync';

/**
 * Who may send each background message. Exhaustive by type: a new message does
 * not compile until it says who may send it. Secrets never go to content scripts,
 * so nothing here lets a content script read accounts.
 */
export const POLICY = {
  ...MANAGE_POLICY,
  ...SYNC_POLICY,
  'content:hello': 'content-script',
  'capture:pixels': 'content-script',
  'capture:screenshot': 'content-script',
  'capture:save': 'content-script',
  'vault:openUnlock': 'content-script',
  'autofill:code': 'content-script',
  'autofill:username': 'content-script',
  'vault:state': 'extension-page',
  'vault:create': 'extension-page',
  'vault:unlock': 'extension-page',
  'vault:lock': 'extension-page',
  'accounts:list': 'extension-page',
  'accounts:addUri': 'extension-page',
  'accounts:delete': 'extension-page',
  'scan:activeTab': 'extension-page',
  'scan:pending': 'extension-page',
  'scan:save': 'extension-page',
  'sites:enabled': 'extension-page',
  'sites:activate': 'extension-page',
  'sites:revoke': 'extension-page',
} as const satisfies { readonly [K in keyof BackgroundProtocol]: SenderKind };
