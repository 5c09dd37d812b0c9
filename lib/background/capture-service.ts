import type { CaptureOffer, CaptureSaveResult, OfferedAccount } from '../messaging';
import type { OtpAccount } from '../otp/account';
import { decodeMigrationUri } from '../otp/migration';
import { parseOtpauthUri } from '../otp/uri';
import type { RgbaImage } from '../qr/types';
import { fromBase64 } from '../vault/encoding';
import { type ClockForCodes, correctionBeforeFill } from './autofill-service';
import type { VaultService } from './vault-service';

/** Only these QR payloads are authenticator enrolments; anything else is ignored. */
export function isOtpText(text: string): boolean {
  return /^otpauth(-migration)?:\/\//i.test(text.trim());
}

/** otpauth:// or otpauth-migration:// text -> accounts; a clear Error otherwise. */
export function accountsFromText(text: string): OtpAccount[] {
  const trimmed = text.trim();
  if (/^otpauth-migration:/i.test(trimmed)) {
    const { accounts } = decodeMigrationUri(trimmed);
    if (accounts.length === 0)
      throw new Error('This Google Authenticator export holds no account Twofold can use.');
    return accounts;
  }
  if (!isOtpText(trimmed)) throw new Error('This QR code is not an authenticator code.');
  return [parseOtpauthUri(trimmed)];
}

interface Offer {
  tabId: number;
  frameId: number;
  origin: string;
  accounts: OtpAccount[];
  /** The user asked to save while the vault was locked: save at unlock. */
  waiting: boolean;
  createdAt: number;
}

const MAX_OFFERS = 20;
const OFFER_TTL_MS = 15 * 60_000;

export interface CaptureDeps {
  vault: VaultService;
  /** QR decoding (lib/qr): pixels come from content scripts, which carry no decoder. */
  decode: (image: RgbaImage) => string[];
  /** Opens the unlock window (the popup page in a small window). */
  openUnlock: () => Promise<void>;
  /** Tells a frame that its waiting save is done (the caller re-checks the tab's origin). */
  notify: (tabId: number, frameId: number, result: CaptureSaveResult) => Promise<void>;
  /** The enrolment code was handed out: autofill must not fill it again (a replay). */
  onCodeGiven?: (accountId: string, code: string) => void;
  /** The first code is filled on the site: computed on the site's clock. */
  clock?: ClockForCodes;
  now?: () => number;
  newId?: () => string;
}

/**
 * QR captures between "the page showed a code" and "the user said save". Held
 * in the worker's memory only, never written anywhere in clear; bound to the
 * tab, frame and origin that offered them.
 */
export class CaptureService {
  private readonly offers = new Map<string, Offer>();
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(private readonly deps: CaptureDeps) {
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? (() => crypto.randomUUID());
    deps.vault.onUnlock(() => void this.saveWaiting());
  }

  /** An element's pixels from a content script: decode, and offer what is an authenticator code. */
  async offerPixels(
    pixels: { width: number; height: number; rgba: string },
    from: { tabId: number; frameId: number; origin: string },
  ): Promise<{ texts: number; offer?: CaptureOffer }> {
    const bytes = fromBase64(pixels.rgba);
    if (bytes.length !== pixels.width * pixels.height * 4) return { texts: 0 };
    const texts = this.deps.decode({
      data: new Uint8ClampedArray(bytes.buffer),
      width: pixels.width,
      height: pixels.height,
    });
    const otp = texts.filter(isOtpText);
    return otp.length ? { texts: texts.length, offer: await this.offer(otp, from) } : { texts: texts.length };
  }

  async offer(
    texts: readonly string[],
    from: { tabId: number; frameId: number; origin: string },
  ): Promise<CaptureOffer> {
    const otpTexts = [...new Set(texts.filter(isOtpText))];
    if (otpTexts.length === 0) throw new Error('This QR code is not an authenticator code.');
    const accounts = otpTexts.flatMap(accountsFromText);
    this.prune();
    const offerId = this.newId();
    this.offers.set(offerId, { ...from, accounts, waiting: false, createdAt: this.now() });
    const locked = !(await this.deps.vault.isUnlocked());
    const named: OfferedAccount[] = locked
      ? accounts.map((a) => ({ issuer: a.issuer, label: a.label, status: 'new' }))
      : await this.deps.vault.offerStatus(accounts, from.origin);
    return { offerId, accounts: named, locked };
  }

  async save(
    offerId: string,
    from: { tabId: number; frameId: number; origin: string },
  ): Promise<CaptureSaveResult> {
    const offer = this.offers.get(offerId);
    // Another tab, frame or origin may not save (or learn about) this capture.
    if (
      !offer ||
      offer.tabId !== from.tabId ||
      offer.frameId !== from.frameId ||
      offer.origin !== from.origin
    ) {
      return { status: 'expired' };
    }
    if (!(await this.deps.vault.isUnlocked())) {
      offer.waiting = true;
      await this.deps.openUnlock();
      return { status: 'locked' };
    }
    return this.commit(offerId, offer);
  }

  /** From Twofold's own popup: the offer stays bound to the tab's origin it came from. */
  async saveFromPopup(offerId: string): Promise<CaptureSaveResult & { tabId?: number; frameId?: number }> {
    const offer = this.offers.get(offerId);
    if (!offer) return { status: 'expired' };
    if (!(await this.deps.vault.isUnlocked())) return { status: 'locked' };
    return { ...(await this.commit(offerId, offer)), tabId: offer.tabId, frameId: offer.frameId };
  }

  private async commit(offerId: string, offer: Offer): Promise<CaptureSaveResult> {
    const correction = await correctionBeforeFill(this.deps.clock, offer.origin);
    const { saved, ids, code } = await this.deps.vault.saveCaptured(offer.accounts, offer.origin, correction);
    this.offers.delete(offerId);
    const first = ids[0];
    if (first !== undefined && code) this.deps.onCodeGiven?.(first, code);
    return { status: 'saved', saved, origin: offer.origin, ...(code ? { code } : {}) };
  }

  private async saveWaiting(): Promise<void> {
    for (const [offerId, offer] of [...this.offers]) {
      if (!offer.waiting) continue;
      const result = await this.commit(offerId, offer);
      await this.deps.notify(offer.tabId, offer.frameId, result).catch(() => undefined);
    }
  }

  private prune(): void {
    const cutoff = this.now() - OFFER_TTL_MS;
    for (const [id, offer] of this.offers) if (offer.createdAt < cutoff) this.offers.delete(id);
    while (this.offers.size >= MAX_OFFERS) this.offers.delete(this.offers.keys().next().value!);
  }
}
