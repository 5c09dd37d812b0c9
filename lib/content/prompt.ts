import { guardCard } from './card-guard';
import { twofoldMark } from './mark';
import { createShadowHost, enforceHostStyle, keepInTopLayer, onTrusted } from './shadow-host';

export interface PromptButton {
  label: string;
  primary?: boolean;
  action: () => void;
}

export interface PromptContent {
  message: string;
  buttons: PromptButton[];
  /** Hide by itself after this many ms (confirmations). */
  autoHideMs?: number;
  /** role=alert for errors; a polite status otherwise. */
  urgent?: boolean;
  /**
   * A countdown to `until` (ms epoch): the visible text follows it each second, while screen readers
   * hear the message once (the updates are hidden from them).
   */
  countdown?: { until: number; text: (seconds: number) => string; now: () => number };
  /** The message already names the keys that act here (a waiting code's fill-code shortcut). */
  namesItsShortcut?: boolean;
}

const STYLE = `
:host { all: initial; }
.card { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #15171a;
  background: #fff; border: 1px solid #d9dde3; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.18);
  padding: 12px 14px; width: 320px; display: grid; gap: 10px; }
.head { display: flex; gap: 8px; align-items: center; font-weight: 600; }
.mark { width: 18px; height: 18px; flex: none; }
.message { margin: 0; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.buttons { display: flex; gap: 8px; flex-wrap: wrap; }
button { font: inherit; border-radius: 6px; padding: 6px 12px; border: 1px solid #c4cad3; background: #f4f6f9;
  color: #15171a; cursor: pointer; }
button.primary { background: #1f5fd1; border-color: #1f5fd1; color: #fff; font-weight: 600; }
button:disabled { opacity: .6; cursor: default; }
button:focus-visible { outline: 3px solid #7fa8ff; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .card { background: #1f2227; color: #eef0f3; border-color: #353a42; }
  button { background: #2a2e35; color: #eef0f3; border-color: #4a515c; }
  button.primary { background: #7fa8ff; border-color: #7fa8ff; color: #0b1220; }
}`;

/**
 * Twofold's small card in the page's corner. Non-modal: it never steals focus
 * from the page; its buttons are in the tab order and Escape dismisses it.
 * Buttons act only on trusted events, and only once the card has been really
 * visible for a moment (card-guard.ts): a page cannot steer a click onto them.
 *
 * A page's modal that traps focus keeps Tab from ever reaching the card: the browser's command
 * shortcut (`card-action`) reaches it instead, through `act()`, and the card says which keys.
 */
export class InPagePrompt {
  private host: HTMLElement | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopGuard: (() => void) | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;
  /** What the command shortcut does on the card shown now; undefined when it has no button. */
  private command: (() => boolean) | undefined;

  /**
   * @param shortcutHint the sentence naming the shortcut for a button ("Keyboard: Alt+Shift+K
   *   for …"), or undefined when the user set no shortcut; asked each time a card with a primary
   *   button appears, since the user may change the keys at any time.
   * @param movedNotice what screen readers hear when the page moved the card and its buttons wait
   *   again (the eye sees them faded, as while the card first waits).
   */
  constructor(
    private readonly doc: Document,
    private readonly title: string,
    private readonly onDismiss: () => void = () => undefined,
    private readonly shortcutHint?: (label: string) => Promise<string | undefined>,
    private readonly movedNotice?: string,
  ) {}

  get visible(): boolean {
    return this.host?.isConnected ?? false;
  }

  show(content: PromptContent): void {
    this.remove();
    const { host, root } = createShadowHost(this.doc, 'prompt');
    const style = this.doc.createElement('style');
    style.textContent = STYLE;
    const card = this.doc.createElement('section');
    card.className = 'card';
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', this.title);
    const head = this.doc.createElement('div');
    head.className = 'head';
    const mark = twofoldMark(this.doc);
    mark.classList.add('mark');
    head.append(mark, this.title);
    const message = this.doc.createElement('p');
    message.className = 'message';
    message.setAttribute('role', content.urgent ? 'alert' : 'status');
    message.textContent = content.message;
    if (content.countdown) this.startCountdown(message, content.countdown);
    const buttons = this.doc.createElement('div');
    buttons.className = 'buttons';
    let armed = () => false;
    const elements = content.buttons.map((spec) => {
      const button = this.doc.createElement('button');
      button.type = 'button';
      button.textContent = spec.label;
      if (spec.primary) button.className = 'primary';
      button.addEventListener(
        'click',
        onTrusted(() => {
          // Judged again at the moment of the click: styles intact, card seen long enough.
          if (enforceHostStyle(host) && armed()) spec.action();
        }),
      );
      return button;
    });
    buttons.append(...elements);
    card.addEventListener(
      'keydown',
      onTrusted((event: KeyboardEvent) => {
        if (event.key === 'Escape') this.dismiss();
      }),
    );
    // Said, not shown: a visible line would itself move the buttons it speaks of. A live region
    // without the status role, so the card keeps one status (its message).
    const moved = this.doc.createElement('p');
    moved.className = 'sr';
    moved.setAttribute('aria-live', 'polite');
    card.append(head, message, buttons, moved);
    root.append(style, card);
    this.doc.documentElement.append(host);
    keepInTopLayer(host);
    this.host = host;
    if (elements.length && this.doc.defaultView) {
      const guard = guardCard(
        host,
        card,
        elements,
        { win: this.doc.defaultView, doc: this.doc },
        (isMoved) => {
          moved.textContent = isMoved ? (this.movedNotice ?? '') : '';
        },
      );
      armed = guard.isArmed;
      this.stopGuard = guard.stop;
    }
    const primary = content.buttons.findIndex((spec) => spec.primary);
    const run = () => enforceHostStyle(host) && armed();
    this.command = () => {
      const spec = content.buttons[primary];
      if (spec) {
        // The same checks as a click: styles intact, card seen long enough to be a decision.
        if (!run()) return false;
        spec.action();
        return true;
      }
      // No single action (a choice between accounts): bring the keyboard to the card's buttons.
      elements[0]?.focus();
      return elements[0] !== undefined;
    };
    if (!elements.length) this.command = undefined;
    const primarySpec = content.buttons[primary];
    if (primarySpec && this.shortcutHint && !content.namesItsShortcut) {
      void this.announceShortcut(host, message, primarySpec.label);
    }
    if (content.autoHideMs) this.timer = setTimeout(() => this.remove(), content.autoHideMs);
  }

  /**
   * The command shortcut from the browser (a trusted user action, which no page can make up):
   * does what the card's primary button does, or brings focus to its buttons. False when no card
   * with buttons is shown, or it has not been seen long enough.
   */
  act(): boolean {
    return this.visible && this.command !== undefined && this.command();
  }

  /** Says the shortcut inside the live message, so it is announced with it. */
  private async announceShortcut(host: HTMLElement, message: HTMLElement, label: string): Promise<void> {
    const hint = await this.shortcutHint?.(label).catch(() => undefined);
    if (!hint || this.host !== host) return;
    const line = this.doc.createElement('span');
    line.className = 'shortcut';
    line.textContent = ` ${hint}`;
    message.append(line);
  }

  private startCountdown(message: HTMLElement, countdown: NonNullable<PromptContent['countdown']>): void {
    const seconds = () => Math.max(0, Math.ceil((countdown.until - countdown.now()) / 1000));
    const spoken = this.doc.createElement('span');
    spoken.className = 'sr';
    spoken.textContent = countdown.text(seconds());
    const shown = this.doc.createElement('span');
    shown.setAttribute('aria-hidden', 'true');
    shown.textContent = countdown.text(seconds());
    message.replaceChildren(shown, spoken);
    this.ticker = setInterval(() => {
      shown.textContent = countdown.text(seconds());
    }, 1000);
  }

  dismiss(): void {
    this.remove();
    this.onDismiss();
  }

  remove(): void {
    clearTimeout(this.timer);
    this.stopGuard?.();
    this.stopGuard = undefined;
    clearInterval(this.ticker);
    this.host?.remove();
    this.host = undefined;
    this.command = undefined;
  }
}
