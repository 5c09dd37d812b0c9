/**
 * Where Twofold's card sits, so that a card a page moved under the pointer is not clicked on the
 * strength of the wait it did somewhere else. IntersectionObserver v2 counts a card translated by
 * an ancestor as visible, and a card moved by a scroll or a zoom is still unobscured: only a
 * comparison with where the card was when its wait began tells that it moved.
 *
 * A placement holds the host's and each button's box in the viewport, and, for every element from
 * the host up to `<html>`, the computed properties that move or resize what they contain.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  host: Box;
  buttons: Box[];
  /** The host, then each ancestor up to `<html>`, with its moving properties, in that order. */
  chain: { element: Element; look: string }[];
}

/** What a page can set on the host or an ancestor to move, turn or resize the card as one piece. */
export const MOVING_PROPERTIES = [
  'transform',
  'translate',
  'scale',
  'rotate',
  'zoom',
  'position',
  'offset-path',
] as const;

/** A still card measures the same to the layout's own precision; a page's move is larger. */
const TOLERANCE_PX = 0.5;

export type Move = 'styles' | 'card' | 'button';

function boxOf(element: Element): Box {
  const { left, top, width, height } = element.getBoundingClientRect();
  return { left, top, width, height };
}

/** The card's placement now. `win` gives the computed styles (a parameter, so tests can inject it). */
export function placementOf(host: HTMLElement, buttons: readonly HTMLElement[], win: Window): Placement {
  const chain: Placement['chain'] = [];
  for (let element: Element | null = host; element; element = element.parentElement) {
    const style = win.getComputedStyle(element);
    chain.push({ element, look: MOVING_PROPERTIES.map((name) => style.getPropertyValue(name)).join('|') });
  }
  return { host: boxOf(host), buttons: buttons.map(boxOf), chain };
}

function sameBox(a: Box | undefined, b: Box | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    Math.abs(a.left - b.left) <= TOLERANCE_PX &&
    Math.abs(a.top - b.top) <= TOLERANCE_PX &&
    Math.abs(a.width - b.width) <= TOLERANCE_PX &&
    Math.abs(a.height - b.height) <= TOLERANCE_PX
  );
}

/**
 * How the card moved between two placements, or undefined when it did not: another ancestor (the
 * host re-parented) or a changed transform, translate, scale, rotate, zoom, position or offset
 * path anywhere from the host to `<html>` first, then the host's box (moved by a scroll, or
 * resized), then a button's box.
 */
export function moveBetween(before: Placement, after: Placement): Move | undefined {
  if (
    before.chain.length !== after.chain.length ||
    before.chain.some(
      (link, i) => link.element !== after.chain[i]?.element || link.look !== after.chain[i]?.look,
    )
  ) {
    return 'styles';
  }
  if (!sameBox(before.host, after.host)) return 'card';
  if (
    before.buttons.length !== after.buttons.length ||
    before.buttons.some((box, i) => !sameBox(box, after.buttons[i]))
  ) {
    return 'button';
  }
  return undefined;
}
