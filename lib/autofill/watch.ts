/**
 * Fill as soon as a code field appears (single-page apps, pop-ups, late iframes). One
 * MutationObserver over the document, each open shadow root and each same-origin iframe document;
 * mutations are batched per microtask (no rAF: content scripts must react within a few ms) and only
 * the subtrees that changed are scanned. Whole-document rescans (for changes high up the tree, such as
 * a class on <body>) are throttled. A field held back because the text around it asks for a backup
 * code gets its own watch on that text (headings and instructions change, the input does not).
 */
import { findOtpTargets } from './detect';
import { frameDocument } from './frames';
import { contextScope, parentOrHost } from './text';
import { targetInputs, type DetectOptions, type OtpTarget } from './types';

export type WatchOptions = DetectOptions & {
  /** Report targets already on the page (in a microtask after the call). Default true. */
  initialScan?: boolean;
  /** Minimum interval between whole-document rescans, ms. Default 250. */
  fullRescanMs?: number;
};

/** Attributes that can make a field appear, become fillable, or change what it is. */
const WATCHED_ATTRIBUTES = [
  'style',
  'class',
  'hidden',
  'disabled',
  'readonly',
  'type',
  'inert',
  'aria-hidden',
  'open',
  'autocomplete',
  'maxlength',
];

/** A changed container with more inputs than this is rescanned as part of a throttled full scan. */
const LARGE_SCOPE_INPUTS = 20;
/** How far above a changed input to scan, so sibling boxes and the label come along. */
const INPUT_SCOPE_LEVELS = 3;

type Scope = Document | ShadowRoot | Element;

function scopeForInput(input: Element): Scope {
  let scope: Element = input;
  for (let i = 0; i < INPUT_SCOPE_LEVELS; i++) {
    const parent = parentOrHost(scope);
    if (!parent || parent.localName === 'html') break;
    scope = parent;
  }
  return scope;
}

function contains(outer: Scope, inner: Scope): boolean {
  return outer !== inner && outer.contains(inner);
}

/**
 * Call `onTargets` with targets that were not reported before, whenever some appear. Returns a
 * function that stops watching.
 */
export function watchForTargets(
  root: Document,
  win: Window,
  onTargets: (targets: OtpTarget[]) => void,
  options: WatchOptions = {},
): () => void {
  const w = win as Window & typeof globalThis;
  const fullRescanMs = options.fullRescanMs ?? 250;
  const reported = new WeakSet<HTMLInputElement>();
  const held = new WeakSet<HTMLInputElement>();
  const detectOptions: DetectOptions = {
    ...(options.digits ? { digits: options.digits } : {}),
    onHeld: (input) => watchHeld(input),
  };
  const observed = new WeakSet<Node>();
  const hookedFrames = new WeakSet<Element>();
  const cleanups: (() => void)[] = [];
  const pending = new Set<Scope>();
  let flushQueued = false;
  let stopped = false;
  let lastFull = -Infinity;
  let fullTimer: number | undefined;
  const now = (): number => (w.performance ?? performance).now();
  const microtask = (fn: () => void): void => {
    void Promise.resolve().then(fn);
  };

  const flush = (): void => {
    flushQueued = false;
    if (stopped) return;
    const scopes = [...pending];
    pending.clear();
    const outer = scopes.filter((scope) => !scopes.some((other) => contains(other, scope)));
    const fresh: OtpTarget[] = [];
    for (const scope of outer) {
      if (!scope.isConnected) continue;
      const doc = scope.nodeType === 9 ? (scope as Document) : (scope.ownerDocument ?? root);
      for (const target of findOtpTargets(scope, doc.defaultView ?? win, detectOptions)) {
        const inputs = targetInputs(target);
        if (inputs.some((input) => reported.has(input))) continue;
        inputs.forEach((input) => reported.add(input));
        fresh.push(target);
      }
    }
    if (fresh.length > 0) onTargets(fresh.sort((a, b) => b.score - a.score));
  };

  const schedule = (scope: Scope): void => {
    pending.add(scope);
    if (!flushQueued) {
      flushQueued = true;
      microtask(flush);
    }
  };

  const requestFullScan = (): void => {
    if (fullTimer !== undefined || stopped) return;
    const wait = lastFull + fullRescanMs - now();
    if (wait <= 0) {
      lastFull = now();
      schedule(root);
      return;
    }
    fullTimer = w.setTimeout(() => {
      fullTimer = undefined;
      lastFull = now();
      schedule(root);
    }, wait);
  };

  const Observer = w.MutationObserver ?? MutationObserver;

  /**
   * Rescan a held-back field whenever the text of its form or dialog changes (the page switched from
   * "Use a backup code" to the authenticator); stop once it was reported or left the page.
   */
  function watchHeld(input: HTMLInputElement): void {
    if (held.has(input)) return;
    held.add(input);
    const scope = contextScope(input);
    if (!scope) return;
    const textObserver = new Observer(() => {
      if (reported.has(input) || !input.isConnected || stopped) {
        textObserver.disconnect();
        held.delete(input);
        return;
      }
      schedule(scopeForInput(input));
    });
    textObserver.observe(scope, { childList: true, characterData: true, subtree: true });
    cleanups.push(() => textObserver.disconnect());
  }

  const observer = new Observer((records) => {
    for (const record of records) {
      if (record.type === 'childList') {
        record.addedNodes.forEach((node) => {
          if (node.nodeType !== 1) return;
          const el = node as Element;
          hookTree(el);
          if (el.localName === 'input') schedule(scopeForInput(el));
          else if (el.querySelector('input')) schedule(el);
        });
        record.removedNodes.forEach((node) => {
          if (node.nodeType !== 1) return;
          const el = node as Element;
          // Out of the page after this batch (not merely moved): report it again if it comes back.
          const inputs = el.localName === 'input' ? [el] : Array.from(el.getElementsByTagName('input'));
          for (const input of inputs) if (!input.isConnected) reported.delete(input as HTMLInputElement);
        });
      } else if (record.target.nodeType === 1) {
        const el = record.target as Element;
        if (el.localName === 'input') schedule(scopeForInput(el));
        else if (el.localName === 'body' || el.localName === 'html') requestFullScan();
        else if (el.querySelector('input')) {
          if (el.getElementsByTagName('input').length > LARGE_SCOPE_INPUTS) requestFullScan();
          else schedule(el);
        }
      }
    }
  });

  function observe(node: Document | ShadowRoot): void {
    if (observed.has(node)) return;
    observed.add(node);
    observer.observe(node, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
    hookTree(node);
  }

  /** Observe shadow roots and frames in a (new) subtree: a document observer does not see inside them. */
  function hookTree(node: Document | ShadowRoot | Element): void {
    if (node.nodeType === 1) hookElement(node as Element);
    for (const el of Array.from(node.querySelectorAll('*'))) hookElement(el);
  }

  function hookElement(el: Element): void {
    if (el.shadowRoot && !observed.has(el.shadowRoot)) {
      observe(el.shadowRoot);
      if (el.shadowRoot.querySelector('input')) schedule(el.shadowRoot);
    }
    if ((el.localName === 'iframe' || el.localName === 'frame') && !hookedFrames.has(el)) {
      hookedFrames.add(el);
      const frame = el as HTMLIFrameElement;
      // A same-origin frame may load (or navigate) later: hook its document each time it loads.
      const onLoad = (): void => {
        const doc = frameDocument(frame);
        if (!doc || observed.has(doc)) return;
        observe(doc);
        schedule(doc);
      };
      frame.addEventListener('load', onLoad);
      cleanups.push(() => frame.removeEventListener('load', onLoad));
      onLoad();
    }
  }

  observe(root);
  if (options.initialScan !== false) schedule(root);

  return () => {
    stopped = true;
    observer.disconnect();
    if (fullTimer !== undefined) w.clearTimeout(fullTimer);
    cleanups.forEach((cleanup) => cleanup());
  };
}
