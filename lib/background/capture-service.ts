import { TwofoldError } from '../errors';
import type {
  CaptureFound,
  CaptureOffer,
  CaptureSaveOutcome,
  CaptureSaveResult,
  OfferedAccount,
} from '../messaging';
import { codeProblem, decodeMigrationUri, generateCode, parseOtpauthUri, type OtpAccount } from '../otp';
import type { RgbaImage } from '../qr/types';
import { fromBase64 } from '../bytes';
import { findDuplicate, findSameNames, newStoredAccount, offerStatus, replaceKey } from './accounts';
import { correctionBeforeFill, type ClockForCodes } from './clock-service';
import type { VaultService } from './vault-service';

/** Only these QR payloads are authenticator enrolments; anything else is ignored. */
export function isOtpText(text: string): boolean {
  return /^otpauth(-migration)?:\/\//i.test(text.trim());
}

/** otpauth:// or otpauth-migration:// text -> accounts; a clear error otherwise. */
export function accountsFromText(text: string): OtpAccount[] {
  const trimmed = text.trim();
  if (/^otpauth-migration:/i.test(trimmed)) {
    const { accounts } = decodeMigrationUri(trimmed);
    if (accounts.length === 0) throw new TwofoldError('NO_USABLE_ACCOUNT');
    return accounts;
  }
  if (!isOtpText(trimmed)) throw new TwofoldError('NOT_OTP_QR');
  return [parseOtpauthUri(trimmed)];
}

/** The tab, frame and origin a capture came from, as the browser's `sender` says. */
export interface CaptureSource {
  tabId: number;
  frameId: number;
  origin: string;
}

interface Offer extends CaptureSource {
  accounts: OtpAccount[];
  /** Found only inside another site's frame: only Twofold's window, with the user's say-so, saves it. */
  foundIn?: string;
  /** The user asked to save while the vault was locked: save at unlock. */
  waiting: boolean;
  createdAt: number;
}

/** Offers one tab may hold: a page cannot evict another tab's waiting capture. */
const MAX_OFFERS_PER_TAB = 5;
const OFFER_TTL_MS = 15 * 60_000;

export interface CaptureDeps {
  vault: VaultService;
  /** QR decoding (lib/qr): pixels come from content scripts, which carry no decoder. */
  decode: (image: RgbaImage) => string[];
  /** Open the unlock window; `returnToTab` comes back to the front when it closes. */
  openUnlock: (returnToTab?: number) => Promise<void>;
  /** The tab's top-level origin now (it may have navigated since the capture). */
  tabOrigin: (tabId: number) => Promise<string | undefined>;
  /** Shows an offer in Twofold's own window, where the user decides (a conflict to review). */
  showInTwofold: (offer: CaptureOffer) => Promise<void>;
  /** Sends a frame the outcome of its save (`capture:saved`). */
  notify: (tabId: number, frameId: number, result: CaptureSaveResult) => Promise<void>;
  /** The enrolment code went into the page's field: autofill must not fill it again (a replay). */
  onCodeGiven?: (accountId: string, code: string) => void;
  /** The first code is filled on the site: computed on the site's clock. */
  clock?: ClockForCodes;
  now?: () => number;
  newId?: () => string;
}

/**
 * QR captures between "the page showed a code" and "the user said save". Held in the worker's
 * memory only, never written anywhere in clear; bound to the tab, frame and origin that offered
 * them.
 */
export class CaptureService {
  private readonly offers = new Map<string, Offer>();
  /** The first code of the last save per tab, until its frame says a field took it. */
  private readonly given = new Map<
    number,
    { frameId: number; origin: string; accountId: string; code: string }
  >();
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
    from: CaptureSource,
  ): Promise<CaptureFound> {
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

  async offer(texts: readonly string[], from: CaptureSource, foundIn?: string): Promise<CaptureOffer> {
    const otpTexts = [...new Set(texts.filter(isOtpText))];
    if (otpTexts.length === 0) throw new TwofoldError('NOT_OTP_QR');
    const accounts = otpTexts.flatMap(accountsFromText);
    const offerId = this.hold({
      ...from,
      accounts,
      waiting: false,
      createdAt: this.now(),
      ...(foundIn ? { foundIn } : {}),
    });
    const locked = !(await this.deps.vault.isUnlocked());
    let named: OfferedAccount[];
    if (locked) {
      named = accounts.map((a) => ({ issuer: a.issuer, label: a.label, status: 'new' }));
    } else {
      const saved = await this.deps.vault.accounts();
      named = accounts.map((a) => ({
        issuer: a.issuer,
        label: a.label,
        status: offerStatus(saved, a, from.origin),
      }));
    }
    return { offerId, accounts: named, locked, origin: from.origin, ...(foundIn ? { foundIn } : {}) };
  }

  /** "Save to Twofold" in the page that offered the capture. */
  async save(offerId: string, from: CaptureSource): Promise<CaptureSaveResult> {
    const offer = this.offerFor(offerId, from);
    if (!offer || offer.foundIn) return { status: 'expired' };
    if (!(await this.deps.vault.isUnlocked())) {
      offer.waiting = true;
      await this.deps.openUnlock(from.tabId);
      // A fresh install has no vault: the card says "set up", the window creates one, the save resumes.
      return (await this.deps.vault.exists()) ? { status: 'locked' } : { status: 'locked', setUp: true };
    }
    return this.commit(offerId, offer, false);
  }

  /** "Review in Twofold": the page's offer opens in Twofold's own window. */
  async review(offerId: string, from: CaptureSource): Promise<void> {
    const offer = this.offerFor(offerId, from);
    if (!offer) return;
    const unlocked = await this.deps.vault.isUnlocked();
    const saved = unlocked ? await this.deps.vault.accounts() : [];
    await this.deps.showInTwofold({
      offerId,
      origin: offer.origin,
      locked: !unlocked,
      accounts: offer.accounts.map((a) => ({
        issuer: a.issuer,
        label: a.label,
        status: offerStatus(saved, a, offer.origin),
      })),
    });
  }

  /**
   * From Twofold's own popup: the offer stays bound to the tab's origin it came from; the page
   * hears of it (and fills its enrolment field), the popup never sees the code.
   */
  async saveFromPopup(
    offerId: string,
    { replace, confirmFrame }: { replace: boolean; confirmFrame: boolean },
  ): Promise<CaptureSaveOutcome> {
    const offer = this.live(offerId);
    if (!offer) return { status: 'expired' };
    if (offer.foundIn && !confirmFrame) return { status: 'unconfirmed' };
    if (!(await this.deps.vault.isUnlocked())) return { status: 'locked' };
    const result = await this.commit(offerId, offer, replace);
    await this.tell(offer, result);
    if (result.status !== 'saved') return result;
    const { code: _code, ...withoutCode } = result;
    return withoutCode;
  }

  /**
   * Saves the offer's accounts bound to its origin, judged against the vault as it is now (it
   * may have changed while the offer waited for an unlock). A duplicate is skipped. A conflict
   * (same names, another key: the site re-enrolled) is replaced only when the user chose so in
   * Twofold (`replace`), keeping the old key; otherwise it is held back for review.
   */
  private async commit(offerId: string, offer: Offer, replace: boolean): Promise<CaptureSaveResult> {
    const saved: OfferedAccount[] = [];
    const held: OtpAccount[] = [];
    const ids: string[] = [];
    const now = this.now();
    const correction = await correctionBeforeFill(this.deps.clock, offer.origin);
    const accounts = await this.deps.vault.update((list) => {
      let next = list;
      for (const otp of offer.accounts) {
        const status = offerStatus(next, otp, offer.origin);
        if (status === 'duplicate') {
          ids.push(findDuplicate(next, otp, offer.origin)!.id);
          continue;
        }
        const old = status === 'conflict' ? findSameNames(next, otp, offer.origin) : undefined;
        if (old && !replace) {
          held.push(otp);
          continue;
        }
        if (old) {
          next = next.map((a) => (a.id === old.id ? replaceKey(old, otp, now) : a));
          ids.push(old.id);
        } else {
          const added = newStoredAccount(otp, offer.origin, now);
          next = [...next, added];
          ids.push(added.id);
        }
        saved.push({ issuer: otp.issuer, label: otp.label, status });
      }
      return next;
    });
    this.offers.delete(offerId);
    const review = held.length ? this.reviewOffer(offer, held) : undefined;
    // Computed from what was written: no second read of the vault.
    const first = accounts.find((a) => a.id === ids[0]);
    // The first code is filled on the site: on the site's clock.
    // Saved already: an account that cannot make a code is still saved, just not filled.
    const code = first && !codeProblem(first) ? generateCode(first, now + correction) : undefined;
    // Not used yet: only once the page's field took it (`filled`), never on a page without one.
    if (first && code) {
      this.given.set(offer.tabId, {
        frameId: offer.frameId,
        origin: offer.origin,
        accountId: first.id,
        code,
      });
    }
    return {
      status: 'saved',
      saved,
      origin: offer.origin,
      ...(code ? { code } : {}),
      ...(review ? { review } : {}),
    };
  }

  /**
   * The frame that saved says its code field took the first code: that code is used now. Only the
   * very frame and origin the save came from, once.
   */
  filled(from: CaptureSource): void {
    const given = this.given.get(from.tabId);
    if (!given || given.frameId !== from.frameId || given.origin !== from.origin) return;
    this.given.delete(from.tabId);
    this.deps.onCodeGiven?.(given.accountId, given.code);
  }

  /** What was held back, as a new offer of its own that only Twofold's window may save. */
  private reviewOffer(from: Offer, accounts: OtpAccount[]): CaptureOffer {
    const offerId = this.hold({ ...from, accounts, waiting: false, createdAt: this.now() });
    return {
      offerId,
      origin: from.origin,
      locked: false,
      accounts: accounts.map((a) => ({ issuer: a.issuer, label: a.label, status: 'conflict' })),
    };
  }

  /**
   * Tells the frame that offered a capture that it was saved. The code goes along only to the
   * main frame, and only while the tab still shows the origin the account is bound to.
   */
  private async tell(offer: Offer, result: CaptureSaveResult): Promise<void> {
    if (result.status !== 'saved') return;
    const sameOrigin =
      offer.frameId === 0 &&
      (await this.deps.tabOrigin(offer.tabId).catch(() => undefined)) === result.origin;
    const { code, ...withoutCode } = result;
    const message = sameOrigin && code ? { ...withoutCode, code } : withoutCode;
    await this.deps.notify(offer.tabId, offer.frameId, message).catch(() => undefined);
  }

  /** At unlock: the saves that waited are judged again against the vault now open. */
  private async saveWaiting(): Promise<void> {
    for (const [offerId, offer] of [...this.offers]) {
      if (!offer.waiting || !this.live(offerId)) continue;
      await this.tell(offer, await this.commit(offerId, offer, false));
    }
  }

  /** An offer still within its time, or undefined (an expired one is dropped). */
  private live(offerId: string): Offer | undefined {
    const offer = this.offers.get(offerId);
    if (offer && offer.createdAt < this.now() - OFFER_TTL_MS) this.offers.delete(offerId);
    return this.offers.get(offerId);
  }

  /** The offer, if it is live and was made for this very tab, frame and origin. */
  private offerFor(offerId: string, from: CaptureSource): Offer | undefined {
    const offer = this.live(offerId);
    // Another tab, frame or origin may not save (or learn about) this capture.
    const same =
      offer && offer.tabId === from.tabId && offer.frameId === from.frameId && offer.origin === from.origin;
    return same ? offer : undefined;
  }

  /** Keeps an offer; expired ones go, and a tab holds at most a few (its oldest go first). */
  private hold(offer: Offer): string {
    const cutoff = this.now() - OFFER_TTL_MS;
    for (const [id, held] of this.offers) if (held.createdAt < cutoff) this.offers.delete(id);
    const sameTab = [...this.offers].filter(([, held]) => held.tabId === offer.tabId);
    for (const [id] of sameTab.slice(0, Math.max(0, sameTab.length - MAX_OFFERS_PER_TAB + 1))) {
      this.offers.delete(id);
    }
    const offerId = this.newId();
    this.offers.set(offerId, offer);
    return offerId;
  }
}
