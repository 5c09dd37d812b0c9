/**
 * Whether the person can really see Twofold's in-page card, so that a click on it is a decision
 * and not a click a page steered there (a near-invisible card under a decoy, an overlay that
 * lets clicks through, a card that appeared under the pointer a moment ago).
 *
 * The card arms its buttons only after it has been visible and unobscured for `ARM_AFTER_MS`.
 * Where the browser has IntersectionObserver v2 (`trackVisibility`, Chromium), the browser itself
 * judges occlusion, opacity, filters and transforms, ancestors included. Elsewhere a periodic
 * check stands in: the host's own box, every ancestor's opacity/filter/transform/clip/mask, and
 * `elementFromPoint` at each button.
 */

import { enforceHostStyle } from './shadow-host';

/** How long the card must have been seen, unobscured, before a click on it counts. */
export const ARM_AFTER_MS = 500;
const CHECK_EVERY_MS = 100;

export interface GuardEnvironment {
  win: Window;
  doc: Document;
  now?: () => number;
}

/** Properties a page could use, on an ancestor of the card, to hide it from the eye but not the pointer. */
function ancestorHides(style: CSSStyleDeclaration): boolean {
  return (
    Number(style.opacity || '1') < 1 ||
    (style.filter !== '' && style.filter !== 'none') ||
    (style.clipPath !== '' && style.clipPath !== 'none') ||
    (style.getPropertyValue('mask-image') !== '' && style.getPropertyValue('mask-image') !== 'none') ||
    (style.mixBlendMode !== '' && style.mixBlendMode !== 'normal') ||
    style.visibility === 'hidden' ||
    style.visibility === 'collapse'
  );
}

/**
 * One look at the card without IntersectionObserver v2: in the viewport, no ancestor hiding it,
 * and the topmost element at every button's centre is the card itself.
 */
export function cardLooksVisible(
  host: HTMLElement,
  buttons: readonly HTMLElement[],
  { win, doc }: GuardEnvironment,
): boolean {
  if (!host.isConnected) return false;
  const box = host.getBoundingClientRect();
  // Shrunk by a transform somewhere above it: the layout size is the card's real size.
  if (box.width < host.offsetWidth * 0.9 || box.height < host.offsetHeight * 0.9 || box.width < 1)
    return false;
  if (box.left < 0 || box.top < 0 || box.right > win.innerWidth || box.bottom > win.innerHeight) return false;
  for (let node: Element | null = host; node; node = node.parentElement) {
    if (ancestorHides(win.getComputedStyle(node))) return false;
  }
  return buttons.every((button) => {
    const rect = button.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) return false;
    const hit = doc.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    // The shadow root is closed to the page (and to this document-level query): a hit on the card is the host.
    return hit === host || hit === button;
  });
}

/**
 * Watches the card while it is shown and arms its buttons (removes `disabled`) once it has been
 * visible for `ARM_AFTER_MS`; disarms them the moment it is not. `isArmed()` is asked again at
 * click time. Returns a stop function.
 */
export function guardCard(
  host: HTMLElement,
  card: HTMLElement,
  buttons: readonly HTMLButtonElement[],
  env: GuardEnvironment,
): { isArmed: () => boolean; stop: () => void } {
  const now = env.now ?? (() => env.win.performance.now());
  let visibleSince: number | undefined;
  let armTimer: ReturnType<typeof setTimeout> | undefined;
  const setDisabled = (disabled: boolean) => buttons.forEach((b) => (b.disabled = disabled));
  setDisabled(true);

  const seen = (visible: boolean) => {
    clearTimeout(armTimer);
    if (!visible) {
      visibleSince = undefined;
      setDisabled(true);
      return;
    }
    visibleSince ??= now();
    const wait = visibleSince + ARM_AFTER_MS - now();
    if (wait <= 0) setDisabled(false);
    else armTimer = setTimeout(() => seen(fallbackCheck()), wait);
  };

  let observer: IntersectionObserver | undefined;
  let interval: ReturnType<typeof setInterval> | undefined;
  const Observer = (env.win as Window & { IntersectionObserver?: typeof IntersectionObserver })
    .IntersectionObserver;
  const supportsV2 = !!Observer && 'trackVisibility' in (Observer.prototype as object);
  // With v2 the browser's verdict decides; the fallback check still guards what v2 cannot see.
  const fallbackCheck = () =>
    enforceHostStyle(host) && cardLooksVisible(host, buttons, env) && (!supportsV2 || lastV2);
  let lastV2 = false;
  if (supportsV2 && Observer) {
    observer = new Observer(
      (entries) => {
        const entry = entries[entries.length - 1] as { isVisible?: boolean } | undefined;
        lastV2 = !!entry?.isVisible;
        seen(fallbackCheck());
      },
      { threshold: [1], trackVisibility: true, delay: CHECK_EVERY_MS } as IntersectionObserverInit,
    );
    observer.observe(card);
  }
  interval = setInterval(() => seen(fallbackCheck()), CHECK_EVERY_MS);
  if (!supportsV2) seen(fallbackCheck());

  return {
    isArmed: () => {
      const visible = fallbackCheck();
      if (!visible) seen(false);
      return visible && visibleSince !== undefined && now() - visibleSince >= ARM_AFTER_MS;
    },
    stop: () => {
      observer?.disconnect();
      clearInterval(interval);
      clearTimeout(armTimer);
      interval = undefined;
    },
  };
}
