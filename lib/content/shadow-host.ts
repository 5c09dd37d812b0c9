declare const __TWOFOLD_SANDBOX__: boolean | undefined;

/**
 * A host element for Twofold's in-page UI. The shadow root is closed in real
 * builds, so page scripts cannot read or restyle it; sandbox builds open it
 * so end-to-end tests can find our buttons by role, as a person would.
 */
export function createShadowHost(doc: Document, name: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement('twofold-ui');
  host.setAttribute('data-twofold-ui', name);
  // Page CSS must not size, hide or move us.
  host.style.cssText = 'all: initial; position: fixed; z-index: 2147483647; top: 16px; right: 16px;';
  const open = typeof __TWOFOLD_SANDBOX__ !== 'undefined' && __TWOFOLD_SANDBOX__;
  const root = host.attachShadow({ mode: open ? 'open' : 'closed' });
  return { host, root };
}

/** Runs `action` only for a real user's click or key press, never for one a page script made up. */
export function onTrusted<E extends Event>(action: (event: E) => void): (event: E) => void {
  return (event) => {
    if (!event.isTrusted) return;
    action(event);
  };
}
