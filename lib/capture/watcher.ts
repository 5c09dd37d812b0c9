import type { RgbaImage } from '../qr/types';
import { findQrCandidates, type QrCandidate } from './candidates';
import type { PixelResult } from './pixels';

export interface QrWatchDeps {
  readPixels: (candidate: QrCandidate) => Promise<PixelResult>;
  /** Hands one element's pixels over for decoding; resolves to how many QR codes were read. */
  submit: (image: RgbaImage, candidate: QrCandidate) => Promise<number>;
  /** Tainted elements: decode a screenshot crop instead (the background does it). */
  screenshot: (candidates: QrCandidate[]) => Promise<void>;
}

/** A canvas may be inserted blank and drawn a moment later: look again after these delays (ms). */
const BLANK_RETRIES = [30, 80, 200, 500, 1200, 3000];
const MIN_SCAN_INTERVAL_MS = 50;

/**
 * Finds QR codes on the page by itself: now, when the DOM changes (a pop-up
 * opens), and again a few times for canvases that were still blank. Each
 * element's pixels are handed over once until the element shows something else.
 */
export function watchQrCodes(doc: Document, win: Window, deps: QrWatchDeps): () => void {
  const seen = new WeakMap<Element, string>();
  /** Decoded and unchanged since: not read again until a mutation touches it. */
  const done = new WeakSet<Element>();
  let lastScan = -Infinity;
  const retries = new WeakMap<Element, number>();
  const tainted = new WeakSet<Element>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let scheduled = false;
  let stopped = false;

  const later = (ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      schedule();
    }, ms);
    timers.add(timer);
  };

  async function inspect(candidate: QrCandidate, screenshotQueue: QrCandidate[]): Promise<void> {
    const { element } = candidate;
    if (tainted.has(element) || done.has(element)) return;
    const result = await deps.readPixels(candidate);
    if ('tainted' in result) {
      tainted.add(element);
      screenshotQueue.push(candidate);
      return;
    }
    if ('empty' in result) {
      const attempt = retries.get(element) ?? 0;
      if (attempt < BLANK_RETRIES.length) {
        retries.set(element, attempt + 1);
        later(BLANK_RETRIES[attempt]!);
      }
      return;
    }
    // Same pixels as last time: nothing new to decode.
    const key = fingerprint(result.image);
    if (seen.get(element) === key) {
      done.add(element);
      return;
    }
    const found = await deps.submit(result.image, candidate);
    if (found === 0) {
      // Drawn but not (yet) a readable code: a progressive render may finish soon.
      const attempt = retries.get(element) ?? 0;
      if (attempt < 2) {
        retries.set(element, attempt + 1);
        later(BLANK_RETRIES[attempt + 2]!);
      }
      return;
    }
    done.add(element);
    seen.set(element, key);
  }

  async function scan(): Promise<void> {
    scheduled = false;
    if (stopped) return;
    lastScan = win.performance.now();
    const screenshotQueue: QrCandidate[] = [];
    for (const candidate of findQrCandidates(doc, win)) await inspect(candidate, screenshotQueue);
    if (screenshotQueue.length > 0 && !stopped) await deps.screenshot(screenshotQueue);
  }

  function schedule(): void {
    if (scheduled || stopped) return;
    scheduled = true;
    // A microtask: right after the script that opened the pop-up, before the next paint.
    // A page that mutates without pause (animations) is scanned at most every 50 ms.
    const wait = lastScan + MIN_SCAN_INTERVAL_MS - win.performance.now();
    if (wait <= 0) queueMicrotask(() => void scan());
    else setTimeout(() => void scan(), wait);
  }

  const observer = new (win as Window & typeof globalThis).MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes' && mutation.target.nodeType === 1)
        done.delete(mutation.target as Element);
    }
    if (mutations.some(mayShowCode)) schedule();
  });
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['style', 'class', 'hidden', 'open', 'src', 'width', 'height', 'aria-hidden'],
  });
  schedule();

  return () => {
    stopped = true;
    observer.disconnect();
    timers.forEach(clearTimeout);
  };
}

/** A cheap digest of an image, to tell a redrawn canvas from an unchanged one. */
function fingerprint(image: RgbaImage): string {
  let hash = 2166136261;
  const step = Math.max(1, Math.floor(image.data.length / 4096));
  for (let i = 0; i < image.data.length; i += step) hash = Math.imul(hash ^ image.data[i]!, 16777619);
  return `${image.width}x${image.height}:${hash >>> 0}`;
}

/** Text edits and our own UI never show a QR code: skip them cheaply. */
function mayShowCode(mutation: MutationRecord): boolean {
  if (mutation.type === 'attributes') return true;
  for (const node of mutation.addedNodes) {
    if (node.nodeType === 1 && !(node as Element).hasAttribute('data-twofold-ui')) return true;
  }
  return false;
}
