import { accountName } from '../account-name';
import { readPixels } from '../capture/pixels';
import { watchQrCodes } from '../capture/watcher';
import type { CaptureOffer, CaptureSaveResult, Rect } from '../messaging';
import { toBase64 } from '../vault/encoding';
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
    const fresh = current.accounts.filter((a) => a.status !== 'duplicate');
    const first = current.accounts[0];
    if (!first) return;
    if (fresh.length === 0) {
      prompt.show({ message: t('promptAlreadySaved', accountName(first)), buttons: [], autoHideMs: 4000 });
      return;
    }
    const message =
      fresh.length > 1
        ? t('promptSaveMany', String(fresh.length))
        : fresh[0]!.status === 'conflict'
          ? t('promptReplace', accountName(fresh[0]!))
          : t('promptSaveOne', accountName(fresh[0]!));
    prompt.show({
      message,
      buttons: [
        { label: t('saveToTwofold'), primary: true, action: () => void save(current) },
        {
          label: t('notNow'),
          action: () => {
            dismissed.add(signature(current));
            prompt.remove();
          },
        },
      ],
    });
  }

  async function save(current: CaptureOffer): Promise<void> {
    prompt.show({ message: t('saving'), buttons: [] });
    await settle(await send('capture:save', { offerId: current.offerId }));
  }

  async function settle(result: CaptureSaveResult): Promise<void> {
    if (result.status === 'locked') {
      prompt.show({
        message: t('promptLocked'),
        buttons: [{ label: t('unlockTwofold'), primary: true, action: () => void send('vault:openUnlock') }],
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
    prompt.show({ message: t(filled ? 'promptSaved' : 'promptSavedNoFill'), buttons: [], autoHideMs: 5000 });
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
