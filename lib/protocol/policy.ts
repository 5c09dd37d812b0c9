/** Who may send a message; the background checks this against the browser's `sender`. */
export type SenderKind = 'extension-page' | 'content-script';

/** A subject's policy: every one of its messages names who may send it. */
export type PolicyOf<P> = { readonly [K in keyof P]: SenderKind };
