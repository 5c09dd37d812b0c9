/**
 * Text around a field, as the user reads it. Everything here is bounded (characters and nodes
 * visited) because detection runs on every page the content script is injected in.
 */

/** Lower case, no accents, one kind of apostrophe and single spaces: vocabulary regexes stay ASCII. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Elements whose text is not prose about a nearby field (buttons and links are actions: "Get a code by SMS"
 * next to an app-code field must not make it an SMS field). */
const SKIP_TEXT = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'select',
  'option',
  'button',
  'a',
  'textarea',
  'svg',
  'canvas',
]);

function skipForText(el: Element): boolean {
  if (SKIP_TEXT.has(el.localName)) return true;
  const role = el.getAttribute('role');
  if (role === 'button' || role === 'link') return true;
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

/**
 * The readable text under `root`, stopping once `maxChars` characters or `maxNodes` nodes have been
 * seen. `truncated` tells the caller the subtree is bigger than it wanted.
 */
export function collectText(
  root: Node,
  maxChars: number,
  maxNodes = 400,
): { text: string; truncated: boolean } {
  const parts: string[] = [];
  let chars = 0;
  let nodes = 0;
  let truncated = false;
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && !truncated; child = child.nextSibling) {
      if (++nodes > maxNodes) {
        truncated = true;
        return;
      }
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? '';
        if (value.trim()) {
          parts.push(value);
          chars += value.length;
          if (chars > maxChars) truncated = true;
        }
      } else if (child.nodeType === 1 && !skipForText(child as Element)) {
        walk(child);
      }
    }
  };
  walk(root);
  return { text: parts.join(' ').replace(/\s+/g, ' ').trim(), truncated };
}

/** The parent element, crossing out of a shadow root to its host. */
export function parentOrHost(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.parentNode;
  if (root && root.nodeType === 11 && 'host' in root) return (root as ShadowRoot).host;
  return null;
}

type IdRoot = Document | ShadowRoot;

function idRoot(el: Element): IdRoot {
  return el.getRootNode() as IdRoot;
}

function textOfIds(el: Element, attr: string): string {
  const ids = el.getAttribute(attr);
  if (!ids) return '';
  const root = idRoot(el);
  if (typeof root.getElementById !== 'function') return '';
  return ids
    .split(/\s+/)
    .map((id) => {
      const ref = id ? root.getElementById(id) : null;
      return ref ? collectText(ref, 300).text : '';
    })
    .filter(Boolean)
    .join(' ');
}

/** What labels the field: `<label for>`, a wrapping label, `aria-labelledby`, `aria-label`, `title`. */
export type OwnText = { label: string; ariaLabel: string; placeholder: string; describedBy: string };

export function ownText(input: HTMLInputElement): OwnText {
  const labels: string[] = [];
  const id = input.id;
  if (id) {
    const root = idRoot(input);
    for (const label of Array.from(root.querySelectorAll('label[for]'))) {
      if (label.getAttribute('for') === id) labels.push(collectText(label, 300).text);
    }
  }
  const wrapping = input.closest('label');
  if (wrapping) labels.push(collectText(wrapping, 300).text);
  const labelledBy = textOfIds(input, 'aria-labelledby');
  if (labelledBy) labels.push(labelledBy);
  const title = input.getAttribute('title');
  if (title) labels.push(title);
  return {
    label: labels.join(' '),
    ariaLabel: input.getAttribute('aria-label') ?? '',
    placeholder: input.getAttribute('placeholder') ?? '',
    describedBy: textOfIds(input, 'aria-describedby'),
  };
}

/** Text of the label of a group container (`role="group"` with `aria-label`, a fieldset legend). */
export function containerOwnText(el: Element): string {
  const parts = [el.getAttribute('aria-label') ?? '', textOfIds(el, 'aria-labelledby')];
  const legend = el.localName === 'fieldset' ? el.querySelector('legend') : null;
  if (legend) parts.push(collectText(legend, 300).text);
  return parts.filter(Boolean).join(' ');
}

/**
 * Prose near the element: the text of the largest ancestor (up to `levels` up) whose text stays under
 * `maxChars`. A small dialog or form gives its heading and intro; a whole page is too big and stops the climb.
 */
export function nearbyText(el: Element, maxChars = 600, levels = 6): string {
  return nearbyReach(el, maxChars, levels).text;
}

/** The ancestor whose text `nearbyText` reads (to watch that text for changes), or null. */
export function nearbyScope(el: Element, maxChars = 600, levels = 6): Element | null {
  return nearbyReach(el, maxChars, levels).scope;
}

/**
 * Where a field's instructions live, to watch them change: the text detection reads around it (its
 * heading may sit outside its form), else its form or dialog, else its parent.
 */
export function contextScope(input: Element): Element | null {
  return nearbyScope(input) ?? input.closest('form, dialog, [role="dialog"]') ?? input.parentElement;
}

function nearbyReach(el: Element, maxChars: number, levels: number): { text: string; scope: Element | null } {
  let best = '';
  let scope: Element | null = null;
  let node = parentOrHost(el);
  for (let depth = 0; node && depth < levels; depth++) {
    if (node.localName === 'html') break;
    const { text, truncated } = collectText(node, maxChars);
    if (truncated) break;
    best = text;
    scope = node;
    node = parentOrHost(node);
  }
  return { text: best, scope };
}
