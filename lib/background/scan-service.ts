import type { browser as extensionBrowser } from 'wxt/browser';
import type { CaptureFound, CaptureOffer, ScanOutcome } from '../messaging';
import type { Rect } from '../geometry';
import { SCAN_SOURCE_KEY, type PageScan } from '../capture/scan-page';
import { webOriginOf } from '../origins';
import type { RgbaImage } from '../qr/types';
import { isOtpText, type CaptureService } from './capture-service';
import { cropScreenshot, maskRects, screenshotPixels, type CaptureThrottle } from './screenshot';

type Browser = typeof extensionBrowser;

interface PendingCrop {
  frameId: number;
  rects: Rect[];
  viewport: { width: number; height: number };
}

/**
 * Screenshots need activeTab (a click on the toolbar button or the context
 * menu): the one thing a page-side click cannot grant. Crops a content script
 * could not read wait here, per tab, until the user gives that click.
 */
export class ScanService {
  private readonly pending = new Map<number, PendingCrop>();
  /** A context-menu scan waiting for the popup window that shows it. */
  private menuOutcome: { outcome: ScanOutcome; at: number } | undefined;

  constructor(
    private readonly browser: Browser,
    private readonly capture: CaptureService,
    private readonly throttle: CaptureThrottle,
    private readonly decode: (image: RgbaImage) => string[],
    /** Shows an offer in the page that asked for the scan (its own in-page prompt). */
    private readonly offerToPage: (tabId: number, offer: CaptureOffer) => Promise<void>,
  ) {
    browser.tabs.onRemoved.addListener((tabId) => this.pending.delete(tabId));
  }

  /** From a content script: decode crops of a screenshot, or keep them for the user's click. */
  async cropsFromContent(
    from: { tabId: number; frameId: number; origin: string },
    rects: Rect[],
    viewport: { width: number; height: number },
  ): Promise<CaptureFound & { needsClick?: boolean }> {
    // Only the main frame's rectangles are in screenshot coordinates.
    if (from.frameId !== 0) return { texts: 0 };
    const tab = await this.browser.tabs.get(from.tabId);
    const texts = await this.cropTexts(tab, rects, viewport).catch(() => undefined);
    if (texts === undefined) {
      this.pending.set(from.tabId, { frameId: from.frameId, rects, viewport });
      return { texts: 0, needsClick: true };
    }
    const otp = texts.filter(isOtpText);
    return otp.length
      ? { texts: texts.length, offer: await this.capture.offer(otp, from) }
      : { texts: texts.length };
  }

  /** Keeps a context-menu result for the popup window about to open. */
  holdForPopup(outcome: ScanOutcome): void {
    this.menuOutcome = { outcome, at: Date.now() };
  }

  /**
   * On popup open: what the image menu found, or the crop the active tab's page asked for, now
   * that the user clicked; null when nothing waits. A page's own scan shows in its prompt too.
   */
  async scanPending(): Promise<ScanOutcome | null> {
    const fromMenu = this.menuOutcome;
    this.menuOutcome = undefined;
    if (fromMenu && Date.now() - fromMenu.at < 60_000) return fromMenu.outcome;
    const [tab] = await this.browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (!tab?.id || !this.pending.has(tab.id)) return null;
    const outcome = await this.scanActiveTab();
    if ('offer' in outcome) await this.offerToPage(tab.id, outcome.offer).catch(() => undefined);
    return outcome;
  }

  /**
   * The popup's "Scan QR code on this page" (activeTab is granted by opening the
   * popup): the crops a content script asked for, else the page's own pixels,
   * else the whole visible tab.
   */
  async scanActiveTab(srcUrl?: string, frameId = 0): Promise<ScanOutcome> {
    const [tab] = await this.browser.tabs.query({ active: true, lastFocusedWindow: true });
    const origin = webOriginOf(tab?.url);
    if (!tab?.id || !origin) return { message: 'noAccess' };
    const from = { tabId: tab.id, frameId, origin };
    let texts: string[] = [];
    /** Set when the code shows only inside a frame of another site: the user must confirm. */
    let foundIn: string | undefined;
    const pending = this.pending.get(tab.id);
    if (pending && !srcUrl) {
      this.pending.delete(tab.id);
      texts = await this.cropTexts(tab, pending.rects, pending.viewport);
    } else {
      const scan = await this.injectScanner(tab.id, frameId, srcUrl);
      if (!scan) return { message: 'noAccess' };
      // Candidates first (a tight crop each decodes best); then everything visible.
      texts = frameId === 0 ? await this.cropTexts(tab, scan.rects, scan.viewport) : [];
      if (!srcUrl && texts.filter(isOtpText).length === 0) {
        const screen = await this.screenPixels(tab);
        // What the page itself shows first; other sites' frames only if the code is nowhere else.
        texts = texts.concat(
          this.decode(
            maskRects(
              screen,
              scan.foreignFrames.map((f) => f.rect),
              scan.viewport,
            ),
          ),
        );
        if (texts.filter(isOtpText).length === 0 && scan.foreignFrames.length) {
          const everything = this.decode(screen);
          if (everything.some(isOtpText))
            foundIn = [...new Set(scan.foreignFrames.map((f) => f.origin))].join(', ');
          texts = texts.concat(everything);
        }
      }
    }
    const otp = texts.filter(isOtpText);
    if (otp.length === 0) return { message: texts.length ? 'notOtp' : 'noQr' };
    try {
      return { offer: await this.capture.offer(otp, from, foundIn) };
    } catch (error) {
      return { message: 'invalid', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  private async injectScanner(
    tabId: number,
    frameId: number,
    srcUrl?: string,
  ): Promise<PageScan | undefined> {
    try {
      if (srcUrl) {
        await this.browser.scripting.executeScript({
          target: { tabId, frameIds: [frameId] },
          func: (key: string, src: string) => {
            (globalThis as Record<string, unknown>)[key] = src;
          },
          args: [SCAN_SOURCE_KEY, srcUrl],
        });
      }
      const [result] = await this.browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        files: ['/content-scripts/scanner.js'],
      });
      return result?.result as PageScan | undefined;
    } catch {
      return undefined;
    }
  }

  private async cropTexts(
    tab: { windowId?: number; active?: boolean },
    rects: Rect[],
    viewport: { width: number; height: number },
  ): Promise<string[]> {
    if (rects.length === 0) return [];
    if (!tab.active) throw new Error('tab not visible');
    const dataUrl = await this.throttle.run(() =>
      this.browser.tabs.captureVisibleTab(tab.windowId!, { format: 'png' }),
    );
    return (await cropScreenshot(dataUrl, rects, viewport)).flatMap((crop) => this.decode(crop));
  }

  private async screenPixels(tab: { windowId?: number }): Promise<RgbaImage> {
    const dataUrl = await this.throttle.run(() =>
      this.browser.tabs.captureVisibleTab(tab.windowId!, { format: 'png' }),
    );
    return screenshotPixels(dataUrl);
  }
}
