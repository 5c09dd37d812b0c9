declare const __TWOFOLD_SANDBOX__: boolean | undefined;

/**
 * The host's own styles, each `!important` and inline: an inline important declaration beats
 * every rule a page can write (layers included), so the page cannot hide, move, shrink or fade
 * the card through its host. `all: initial` resets whatever we do not name.
 */
const HOST_STYLE: readonly [string, string][] = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['z-index', '2147483647'],
  ['top', '16px'],
  ['right', '16px'],
  ['left', 'auto'],
  ['bottom', 'auto'],
  ['opacity', '1'],
  ['visibility', 'visible'],
  ['pointer-events', 'auto'],
];

const written = new WeakMap<HTMLElement, string | null>();

/**
 * Puts the host's styles back if a page edited its `style` attribute, and says whether they had
 * held. Called when the card is shown, while it is watched, and again at click time.
 */
export function enforceHostStyle(host: HTMLElement): boolean {
  const held = written.has(host) && written.get(host) === host.getAttribute('style');
  if (!held) {
    host.removeAttribute('style');
    for (const [name, value] of HOST_STYLE) host.style.setProperty(name, value, 'important');
    written.set(host, host.getAttribute('style'));
  }
  return held;
}

/**
 * Puts the host in the browser's top layer (a manual popover: no light dismiss, no Escape from the
 * page), and back there if the page took it out (`hidePopover()`, the attribute removed). In the
 * top layer no element of the page's own layers can cover the card, and no transform, translate,
 * `position` or scroll of an ancestor moves it: it is placed against the viewport. Says whether it
 * had stayed there. A browser without popovers keeps the fixed host as before.
 */
export function keepInTopLayer(host: HTMLElement): boolean {
  if (typeof host.showPopover !== 'function' || !host.isConnected) return true;
  let held = host.getAttribute('popover') === 'manual';
  if (!held) host.setAttribute('popover', 'manual');
  if (!host.matches(':popover-open')) {
    held = false;
    try {
      host.showPopover();
    } catch {
      // Not shown (the document is going away): the caller treats the card as not seen.
    }
  }
  return held;
}

/**
 * A host element for Twofold's in-page UI. The shadow root is closed in real builds, so page
 * scripts cannot read or restyle what is inside; sandbox builds open it so end-to-end tests can
 * find our buttons by role, as a person would. The host is attached to `<html>`, not `<body>`,
 * so a page's styles on its body do not reach it.
 */
export function createShadowHost(doc: Document, name: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement('twofold-ui');
  host.setAttribute('data-twofold-ui', name);
  enforceHostStyle(host);
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
