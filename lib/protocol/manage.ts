/**
 * Messages of the popup's and options page's account management, settings,
 * backup, import and export (issue 7). Part of the one protocol map in
 * lib/messaging.ts; who may send each is declared in MANAGE_POLICY below.
 * Every one of them is for extension pages only.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the features land.
export interface ManageProtocol {}

export const MANAGE_POLICY = {} as const satisfies { readonly [K in keyof ManageProtocol]: 'extension-page' };
