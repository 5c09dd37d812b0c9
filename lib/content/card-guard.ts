/**
 * Whether the person can really see Twofold's in-page card, so that a click on it is a decision
 * and not a click a page steered there (a near-invisible card under a decoy, an overlay that
 * lets clicks through, a card that appeared under the pointer a moment ago).
 *
 * The card arms its buttons only after it has been visible and unobscured for `ARM_AFTER_MS`.
 * Where the browser has IntersectionObserver v2 (`trackVisibility`, Chromium), the browser itself
 * judges occlusion, opacity, filters and transforms, ancestors included. Elsewhere a periodic
 * check stands in: the host's own box, every ancestor's opacity/filter/transform/clip/mask, and
 * `elementFromPoint` at each button. Neither sees a card moved while it stays visible: the
 * placement it had when its wait began is compared at each look (`card-placement.ts`).
 */

import { moveBetween, placementOf, type Placement } from './card-placement';
import { enforceHostStyle, keepInTopLayer } from './shadow-host';

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
 * visible, and where it was, for `ARM_AFTER_MS`; disarms them the moment it is not. A move of the
 * card or of a button, a changed transform, translate, scale, rotate, zoom or position on the host
 * or any ancestor (`<html>` included), a scroll or a resize that moves it: each restarts the wait
 * (`card-placement.ts`). `isArmed()` looks again at click time, so a page that moves the card
 * between two clicks of a double-click gets nothing even before an observer has run.
 *
 * Observers only, no busy loop: resizes (ResizeObserver), attribute changes on the host and its
 * ancestors and style sheets added to the page (MutationObserver), scrolls and window resizes,
 * each looked at once per animation frame; plus the slow check below for what no event reports
 * (a rule edited through the CSSOM). `onMoved(true)` says that an armed card was disarmed by a
 * move, `onMoved(false)` that it is armed again.
 */
export function guardCard(
  host: HTMLElement,
  card: HTMLElement,
  buttons: readonly HTMLButtonElement[],
  env: GuardEnvironment,
  onMoved: (moved: boolean) => void = () => undefined,
): { isArmed: () => boolean; stop: () => void } {
  const now = env.now ?? (() => env.win.performance.now());
  const win = env.win as Window & {
    IntersectionObserver?: typeof IntersectionObserver;
    ResizeObserver?: typeof ResizeObserver;
    MutationObserver?: typeof MutationObserver;
  };
  let visibleSince: number | undefined;
  /** Where the card was when its wait began. */
  let placement: Placement | undefined;
  let armed = false;
  let moved = false;
  let stopped = false;
  let armTimer: ReturnType<typeof setTimeout> | undefined;
  const setDisabled = (disabled: boolean) =>
    buttons.forEach((b) => {
      if (b.disabled !== disabled) b.disabled = disabled;
    });
  setDisabled(true);
  const tellMoved = (value: boolean) => {
    if (moved === value) return;
    moved = value;
    onMoved(value);
  };

  const Observer = win.IntersectionObserver;
  const supportsV2 = !!Observer && 'trackVisibility' in (Observer.prototype as object);
  let lastV2 = false;
  // With v2 the browser's verdict decides; the fallback check still guards what v2 cannot see.
  const fallbackCheck = () => {
    const styled = enforceHostStyle(host);
    const onTop = keepInTopLayer(host);
    return styled && onTop && cardLooksVisible(host, buttons, env) && (!supportsV2 || lastV2);
  };

  // Attribute changes on the host and on each ancestor: a class or style that moves them.
  const mutations = win.MutationObserver ? new win.MutationObserver(() => soon()) : undefined;
  let watched: readonly Element[] = [];
  const watch = (chain: readonly Element[]) => {
    if (!mutations || (chain.length === watched.length && chain.every((e, i) => e === watched[i]))) return;
    mutations.disconnect();
    watched = chain;
    for (const element of chain) {
      mutations.observe(element, { attributes: true, childList: element === env.doc.documentElement });
    }
    // A style sheet added to (or edited in) the page's head.
    if (env.doc.head)
      mutations.observe(env.doc.head, { childList: true, subtree: true, characterData: true });
  };

  /** One look: armed when seen, and in the same place, for long enough; restarts the wait otherwise. */
  const check = (): boolean => {
    clearTimeout(armTimer);
    if (stopped) return false;
    if (!fallbackCheck()) {
      visibleSince = undefined;
      placement = undefined;
      armed = false;
      setDisabled(true);
      return false;
    }
    const here = placementOf(host, buttons, env.win);
    watch(here.chain.map((link) => link.element));
    if (placement && moveBetween(placement, here)) {
      if (armed) tellMoved(true);
      visibleSince = undefined;
    }
    if (visibleSince === undefined) {
      visibleSince = now();
      placement = here;
    }
    const wait = visibleSince + ARM_AFTER_MS - now();
    armed = wait <= 0;
    setDisabled(!armed);
    if (armed) tellMoved(false);
    else armTimer = setTimeout(check, wait);
    return armed;
  };

  // At most one look per frame, however many observers report.
  let frame: number | undefined;
  const soon = () => {
    if (typeof win.requestAnimationFrame !== 'function') {
      check();
      return;
    }
    if (frame !== undefined) return;
    frame = win.requestAnimationFrame(() => {
      frame = undefined;
      check();
    });
  };
  const resizes = win.ResizeObserver ? new win.ResizeObserver(() => soon()) : undefined;
  for (const element of [host, card, ...buttons]) resizes?.observe(element);
  const listening = { capture: true, passive: true } as const;
  win.addEventListener?.('scroll', soon, listening);
  win.addEventListener?.('resize', soon, listening);

  let observer: IntersectionObserver | undefined;
  if (supportsV2 && Observer) {
    observer = new Observer(
      (entries) => {
        const entry = entries[entries.length - 1] as { isVisible?: boolean } | undefined;
        lastV2 = !!entry?.isVisible;
        check();
      },
      { threshold: [1], trackVisibility: true, delay: CHECK_EVERY_MS } as IntersectionObserverInit,
    );
    observer.observe(card);
  }
  const interval = setInterval(check, CHECK_EVERY_MS);
  if (!supportsV2) check();

  return {
    isArmed: check,
    stop: () => {
      stopped = true;
      observer?.disconnect();
      resizes?.disconnect();
      mutations?.disconnect();
      win.removeEventListener?.('scroll', soon, listening);
      win.removeEventListener?.('resize', soon, listening);
      if (frame !== undefined) win.cancelAnimationFrame?.(frame);
      clearInterval(interval);
      clearTimeout(armTimer);
    },
  };
}
