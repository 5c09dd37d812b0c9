import { accountName } from '../otp/names';
import { readPixels } from '../capture/pixels';
import { watchQrCodes } from '../capture/watcher';
import type { Rect } from '../geometry';
import type { CaptureOffer, CaptureSaveResult } from '../messaging';
import { toBase64 } from '../bytes';
import type { ContentContext } from './context';
import { isOwnOrigin } from './own-origin';

export interface QrCaptureDeps extends ContentContext {
  /** Puts a freshly saved account's code into the enrolment form; false when no field took it. */
  fill: (code: string) => Promise<boolean>;
}

/**
 * Enrolment on an enrolled site: see the QR code by itself, offer to save it,
 * save on one trusted click, fill the first code. Decoding happens in the
 * background: this script hands over pixels and gets back names, never a URI.
 */
export function startQrCapture(deps: QrCaptureDeps): () => void {
  const { doc, win, send, t } = deps;
  // An image opened on its own as an SVG document has no HTML to show a card in (HTML elements
  // under an <svg> root are not rendered): say nothing; the popup's scan reads such a page.
  if (!isHtmlDocument(doc)) return () => undefined;
  const prompt = deps.prompt;
  const dismissed = new Set<string>();

  async function offer(offerPromise: Promise<CaptureOffer | undefined>): Promise<void> {
    let current: CaptureOffer | undefined;
    try {
      current = await offerPromise;
    } catch (error) {
      // An otpauth code we cannot use: say why (never the URI).
      prompt.show({
        message: error instanceof Error ? error.message : t('promptNotOtp'),
        buttons: [{ label: t('close'), action: () => prompt.remove() }],
        urgent: true,
      });
      return;
    }
    if (!current || dismissed.has(signature(current))) return;
    showOffer(current);
  }

  function showOffer(current: CaptureOffer): void {
    const fresh = current.accounts.filter((a) => a.status === 'new');
    const conflict = current.accounts.find((a) => a.status === 'conflict');
    const first = current.accounts[0];
    if (!first) return;
    if (fresh.length === 0 && conflict) {
      showConflict(current, conflict);
      return;
    }
    if (fresh.length === 0) {
      prompt.show({ message: t('promptAlreadySaved', [accountName(first)]), buttons: [], autoHideMs: 4000 });
      return;
    }
    const message =
      fresh.length > 1 ? t('promptSaveMany', fresh.length) : t('promptSaveOne', [accountName(fresh[0]!)]);
    prompt.show({
      message,
      buttons: [
        { label: t('saveToTwofold'), primary: true, action: () => void save(current) },
        { label: t('notNow'), action: () => notNow(current) },
      ],
    });
  }

  /**
   * Same names as a saved account, another key: the page may be a re-enrolment or an attack, and
   * only the user can tell. The page never replaces a key; Twofold's own window asks.
   */
  function showConflict(current: CaptureOffer, conflict: CaptureOffer['accounts'][number]): void {
    prompt.show({
      message: t('promptConflict', [accountName(conflict)]),
      buttons: [
        {
          label: t('reviewInTwofold'),
          primary: true,
          action: () => {
            prompt.remove();
            void send('capture:review', { offerId: current.offerId });
          },
        },
        { label: t('notNow'), action: () => notNow(current) },
      ],
    });
  }

  function notNow(current: CaptureOffer): void {
    dismissed.add(signature(current));
    prompt.remove();
  }

  async function save(current: CaptureOffer): Promise<void> {
    prompt.show({ message: t('saving'), buttons: [] });
    await settle(await send('capture:save', { offerId: current.offerId }));
  }

  async function settle(result: CaptureSaveResult): Promise<void> {
    if (result.status === 'locked') {
      // No vault yet: the window that opened creates one, and the save resumes from there.
      prompt.show({
        message: t(result.setUp ? 'promptSetUp' : 'promptLocked'),
        buttons: [
          {
            label: t(result.setUp ? 'setUpTwofold' : 'unlockTwofold'),
            primary: true,
            action: () => void send('vault:openUnlock'),
          },
          // A way out that keeps the waiting save: it still happens if the vault opens later.
          { label: t('notNow'), action: () => prompt.remove() },
        ],
      });
      return;
    }
    if (result.status === 'expired') {
      prompt.show({
        message: t('promptExpired'),
        buttons: [{ label: t('close'), action: () => prompt.remove() }],
      });
      return;
    }
    // The background checked the tab; check our own frame's real origin too before writing a code.
    const ours = isOwnOrigin(win, result.origin);
    const filled = ours && result.code ? await deps.fill(result.code) : false;
    // Only a code a field took is used: the next login may fill it again otherwise.
    if (filled) void send('capture:filled').catch(() => undefined);
    const conflict = result.review?.accounts[0];
    if (result.review && conflict) showConflict(result.review, conflict);
    else if (result.saved.length) {
      prompt.show({
        message: t(filled ? 'promptSaved' : 'promptSavedNoFill'),
        buttons: [],
        autoHideMs: 5000,
      });
    } else prompt.remove();
  }

  const stopWatching = watchQrCodes(doc, win, {
    readPixels: (candidate) => readPixels(candidate, doc),
    submit: async (image) => {
      const reply = send('capture:pixels', {
        width: image.width,
        height: image.height,
        rgba: toBase64(new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength)),
      });
      await offer(reply.then((r) => r.offer));
      return reply.then(
        (r) => r.texts,
        () => 1,
      );
    },
    screenshot: async (candidates) => {
      const rects: Rect[] = candidates.map(({ rect }) => ({
        x: rect.x,
        y: rect.y,
        width: rect.width,
        height: rect.height,
      }));
      const viewport = { width: win.innerWidth, height: win.innerHeight };
      await offer(
        send('capture:screenshot', { rects, viewport }).then((reply) => {
          if (reply.needsClick) {
            prompt.show({
              message: t('promptNeedsClick'),
              buttons: [{ label: t('close'), action: () => prompt.remove() }],
            });
          }
          return reply.offer;
        }),
      );
    },
  });
  const stopSaved = deps.onMessage('capture:saved', (result) => void settle(result));
  const stopOffered = deps.onMessage('capture:offered', (current) => void offer(Promise.resolve(current)));

  return () => {
    stopWatching();
    stopSaved();
    stopOffered();
    prompt.remove();
  };
}

/** The same code shown again (a re-render) is not offered again after "Not now". */
function signature(offer: CaptureOffer): string {
  return offer.accounts.map((a) => `${a.issuer}\u0000${a.label}`).join('\u0001');
}

const XHTML = 'http://www.w3.org/1999/xhtml';

/** A document that renders HTML: a web page, or the browser's own page around an image (PNG, JPEG). */
export function isHtmlDocument(doc: Document): boolean {
  return doc.documentElement?.namespaceURI === XHTML && doc.body !== null;
}
