import type { AutofillContentProtocol } from './autofill';
import type { CaptureOffer, CaptureSaveResult } from './capture';
import type { PolicyOf } from './policy';

export interface ContentHello {
  /** The origin the background saw in `sender` (never what the page claims). */
  origin: string;
  /** This origin is in the M2Mmanager preset or was enabled by the user. */
  enrolledSite: boolean;
}

/** A content script introduces itself; the answer comes from the browser's `sender`. */
export interface ContentHelloProtocol {
  'content:hello'(): ContentHello;
  /**
   * The keys of the `card-action` command as the browser shows them (the user may change them at
   * the browser's shortcuts page); '' when none is set. The in-page card says them.
   */
  'card:shortcut'(): string;
  /**
   * The loader of this frame found a field or a QR candidate: inject capture and autofill here.
   * Whether they were injected now (false when they already run).
   */
  'content:load'(): boolean;
}

export const CONTENT_POLICY = {
  'content:hello': 'content-script',
  'card:shortcut': 'content-script',
  'content:load': 'content-script',
} as const satisfies PolicyOf<ContentHelloProtocol>;

/** Messages content scripts handle (sent by the background with tabs.sendMessage). */
export interface ContentProtocol extends AutofillContentProtocol {
  /** Is Twofold alive in this frame? Also proves the content -> background round trip. */
  'content:ping'(): { origin: string; hello: ContentHello };
  /** A save that waited for the unlock (or was made in the popup) is done. */
  'capture:saved'(data: CaptureSaveResult): void;
  /** A screenshot scan the page asked for found this: show the in-page prompt. */
  'capture:offered'(data: CaptureOffer): void;
  /** The vault was unlocked: a page waiting to fill a code asks again. */
  'vault:unlocked'(): void;
  /**
   * The user pressed the `card-action` shortcut (a browser command: trusted, no page can send it):
   * the frame showing Twofold's card does what its primary button does. Whether a card acted.
   */
  'card:act'(): boolean;
}
