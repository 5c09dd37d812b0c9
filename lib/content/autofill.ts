import { accountName } from '../otp/names';
import { findQrCandidates } from '../capture/candidates';
import {
  deepActiveElement,
  fillTarget,
  holds,
  isFillable,
  contextScope,
  scoreSingle,
  sightOf,
  targetInputs,
  userEdited,
  watchForTargets,
  writeNow,
  type OtpTarget,
} from '../autofill';
import type { AutofillReply } from '../messaging';
import type { ContentContext } from './context';
import { announceFilled } from './filled-notice';

/** The names a fill notice shows: the account's, as the background sent them with the code. */
type AccountNames = { issuer?: string; label?: string };
import { isOwnOrigin } from './own-origin';
import { watchForWrongCode } from './wrong-code';
import { NOT_TEXT_TYPES } from './text-types';

/** A code with less time left than this would expire before the user submits: wait for the next. */
export const MIN_REMAINING_MS = 3000;
/** How often a filled field is checked for having gone away (the page moved on: it was submitted). */
const GONE_CHECK_MS = 500;
/** A key pressed in another field less than this long ago: the user is typing there. */
export const TYPING_QUIET_MS = 1000;
/** What the card names when the browser does not say which shortcut fills (the manifest's default). */
export const DEFAULT_FILL_SHORTCUT = 'Alt+Shift+O';

/** The user's keyboard activity on the page, as trusted events showed it. */
export interface TypingState {
  /** When the last key was pressed (ms), and in which element. */
  lastKeyAt: number;
  lastKeyIn: Element | null;
  /** An IME composition is in progress. */
  composing: boolean;
}

const NOT_TEXT = new Set<string>(NOT_TEXT_TYPES);

/** An element that takes typed text: a text-like input, a textarea, an editable region. */
export function isTextEntry(element: Element | null): boolean {
  if (!element) return false;
  if (element.tagName === 'INPUT') return !NOT_TEXT.has((element as HTMLInputElement).type);
  if (element.tagName === 'TEXTAREA') return true;
  return (element as HTMLElement).isContentEditable === true;
}

/**
 * Is the user typing anywhere but in the code field? An IME composition, a text field other than
 * the code field holding the focus, or a key pressed outside the code field in the last second.
 * Then nothing may move the focus, and a new period's code waits instead of replacing the last.
 */
export function typingElsewhere(
  typing: TypingState,
  now: number,
  focused: Element | null,
  inputs: readonly Element[],
): boolean {
  if (typing.composing) return true;
  if (focused && !inputs.includes(focused) && isTextEntry(focused)) return true;
  const keyElsewhere = !typing.lastKeyIn || !inputs.includes(typing.lastKeyIn);
  return keyElsewhere && now - typing.lastKeyAt < TYPING_QUIET_MS;
}

export interface AutofillDeps extends ContentContext {
  now?: () => number;
  /** The M2Mmanager preset: the page's SMS path gets a hint about the app method. */
  isPreset: boolean;
}

const REMEMBER_LABEL = /remember this device|se souvenir de cet appareil|mémoriser cet appareil/i;
const USERNAME_FIELD = /user|e-?mail|login|identifiant|courriel/i;

type Ask = {
  accountId?: string;
  userAction?: boolean;
  remember?: boolean;
  next?: boolean;
  /** The period of the filled code ended: replace it only if the user is not typing elsewhere. */
  refresh?: boolean;
};

/**
 * Fills one-time-code fields on the sites Twofold runs on: as soon as a field appears and the user
 * can see it, with a code the background chose for this frame's origin, refreshed when it expires
 * unless the user typed in the field. A code counts as used only when the page submits it.
 */
export function startAutofill(deps: AutofillDeps): () => void {
  const { doc, win, send, t } = deps;
  const now = deps.now ?? (() => Date.now());
  const prompt = deps.prompt;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  /** Undone when the active target changes. */
  let targetCleanups: (() => void)[] = [];
  let active: OtpTarget | undefined;
  let filled: { code: string; accountId: string; submitted: boolean } | undefined;
  /** The field now asks for something else (a recovery code): no fill until it asks for ours again. */
  let paused = false;
  let smsHintShown = false;
  let stopWrongCode = () => {};
  /** The page said the filled code was wrong: its card offers the next code. */
  let refused = false;
  /** A new period's code held back while the user types elsewhere (the field keeps the last one). */
  let waiting: { code: string; accountId: string; expiresAt: number; names: AccountNames } | undefined;
  const typing: TypingState = { lastKeyAt: -Infinity, lastKeyIn: null, composing: false };
  let shortcut: Promise<string> | undefined;

  const busy = (target: OtpTarget) =>
    typingElsewhere(typing, now(), deepActiveElement(doc), targetInputs(target));

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  const connected = (target: OtpTarget) => targetInputs(target).every((input) => input.isConnected);
  const seen = (target: OtpTarget) => targetInputs(target).every((input) => sightOf(input, win) === 'seen');

  /** Listen on the target's fields for the user's own click or focus (never a page-made event). */
  function onUserAction(target: OtpTarget, run: () => void): () => void {
    const listener = (event: Event) => {
      if (event.isTrusted) run();
    };
    const inputs = targetInputs(target);
    for (const input of inputs) {
      input.addEventListener('focus', listener);
      input.addEventListener('pointerdown', listener);
    }
    return () => {
      for (const input of inputs) {
        input.removeEventListener('focus', listener);
        input.removeEventListener('pointerdown', listener);
      }
    };
  }

  /**
   * Run `go` once the user can see the target: now, when a scroll brings it into view (or uncovers
   * it), or on the user's own focus or click on it (which also stands in where sight cannot be judged).
   */
  function whenSeen(target: OtpTarget, go: (userAction: boolean) => void): void {
    if (seen(target)) {
      go(false);
      return;
    }
    let done = false;
    const finish = (userAction: boolean) => {
      if (done) return;
      done = true;
      stop();
      go(userAction);
    };
    const onMove = () => {
      if (seen(target)) finish(false);
    };
    const stopAction = onUserAction(target, () => finish(true));
    doc.addEventListener('scroll', onMove, { capture: true, passive: true });
    win.addEventListener('resize', onMove, { passive: true });
    const stop = () => {
      stopAction();
      doc.removeEventListener('scroll', onMove, { capture: true });
      win.removeEventListener('resize', onMove);
    };
    targetCleanups.push(stop);
  }

  async function request(ask: Ask = {}): Promise<void> {
    const target = active;
    if (!target || !connected(target) || paused) return;
    const data = {
      ...(ask.accountId ? { accountId: ask.accountId } : {}),
      ...(ask.userAction ? { userAction: true } : {}),
      ...(ask.remember ? { remember: true } : {}),
      ...(ask.next ? { next: true } : {}),
    };
    const reply = await send('autofill:code', data);
    if (target !== active || paused) return;
    await settle(target, reply, ask.userAction ?? false, ask.refresh ?? false);
  }

  async function settle(
    target: OtpTarget,
    reply: AutofillReply,
    userAction: boolean,
    refreshing = false,
  ): Promise<void> {
    switch (reply.status) {
      case 'none':
        return;
      case 'lookalike':
        // Twofold did not fill here on purpose: the page imitates a site the user enrolled on.
        prompt.show({
          message: t('lookalikeCard', [reply.pageHost, reply.imitatedHost]),
          urgent: true,
          buttons: [{ label: t('close'), action: () => prompt.remove() }],
        });
        return;
      case 'locked':
        prompt.show({
          message: t('promptUnlockToFill'),
          buttons: [
            { label: t('unlockTwofold'), primary: true, action: () => void send('vault:openUnlock') },
          ],
        });
        return;
      case 'wait':
        // The page refused the code: the card offering the next one stays; the user decides.
        if (refused) return;
        // This period's code was submitted already: say so, and fill the next one when it comes.
        prompt.show({
          message: t('promptNextCode', [Math.ceil((reply.retryAt - now()) / 1000)]),
          buttons: [],
          countdown: { until: reply.retryAt, now, text: (s) => t('promptNextCode', [s]) },
        });
        later(Math.max(0, reply.retryAt - now()) + 150, () => void request({ accountId: reply.accountId }));
        return;
      case 'choose':
        prompt.show({
          message: t('promptChooseAccount'),
          buttons: reply.choices.map((choice) => ({
            label: accountName(choice),
            action: () => {
              prompt.remove();
              void request({ accountId: choice.id, userAction: true, remember: true });
            },
          })),
        });
        return;
      case 'action': {
        // HOTP: a code is spent once shown, so only the user's own click on the field or the card asks.
        const ask = () => {
          prompt.remove();
          void request({ accountId: reply.accountId, userAction: true });
        };
        targetCleanups.push(onUserAction(target, ask));
        prompt.show({
          message: t('promptFillHotp'),
          buttons: [{ label: t('fillCode'), primary: true, action: ask }],
        });
        return;
      }
      case 'code': {
        const left = reply.expiresAt === undefined ? Infinity : reply.expiresAt - now();
        if (left < MIN_REMAINING_MS) {
          // Too close to expiry: the next period's code is only a moment away.
          later(left + 150, () => void request({ accountId: reply.accountId, userAction }));
          return;
        }
        // The background decided from the browser's sender; the frame checks its real origin too.
        if (!isOwnOrigin(win, reply.origin)) return;
        // Never overwrite what the user typed since our last fill.
        if (filled && userEdited(target, filled.code)) return;
        if (!filled && targetInputs(target).some((input) => input.value !== '')) return;
        // Checked again at the last moment: the page may have hidden or covered the field meanwhile.
        if (!userAction && !seen(target)) {
          whenSeen(target, (byUser) => void request({ accountId: reply.accountId, userAction: byUser }));
          return;
        }
        const elsewhere = busy(target);
        if (refreshing && elsewhere && !userAction) {
          // Mid-password: the field keeps the last code; this one waits for the user.
          hold(target, reply, reply.expiresAt ?? now() + left);
          return;
        }
        waiting = undefined;
        if (!(await fillTarget(target, reply.code, win, { keepFocus: elsewhere }))) {
          // Only a focused field would take it, and the user types elsewhere: the user decides.
          if (elsewhere && reply.expiresAt !== undefined) hold(target, reply, reply.expiresAt);
          return;
        }
        filled = { code: reply.code, accountId: reply.accountId, submitted: false };
        if (refreshing) prompt.remove();
        announceFilled(deps, reply);
        if (reply.rememberDevice) tickRememberDevice(doc, win);
        if (reply.expiresAt !== undefined) later(left + 150, () => void refresh(target));
      }
    }
  }

  /** The filled code expired before submit: put the new one in, unless the user edited the field. */
  async function refresh(target: OtpTarget): Promise<void> {
    if (target !== active || !connected(target)) return;
    const last = waiting ?? filled;
    if (!last || (filled && userEdited(target, filled.code))) return;
    await request({ accountId: last.accountId, refresh: true });
  }

  /** Keep a new code for the user: the card says how to fill it, the submit puts it in. */
  function hold(
    target: OtpTarget,
    { code, accountId, issuer, label }: { code: string; accountId: string } & AccountNames,
    expiresAt: number,
  ): void {
    if (!waiting) targetCleanups.push(onUserAction(target, () => fillWaiting(target)));
    waiting = { code, accountId, expiresAt, names: { issuer, label } };
    shortcut ??= send('autofill:shortcut')
      .then((keys) => keys || DEFAULT_FILL_SHORTCUT)
      .catch(() => DEFAULT_FILL_SHORTCUT);
    void shortcut.then((keys) => {
      if (waiting?.code !== code || target !== active) return;
      prompt.show({
        message: t('promptNewCodeReady', [keys]),
        namesItsShortcut: true,
        buttons: [
          {
            label: t('fillCode'),
            primary: true,
            action: () => {
              prompt.remove();
              fillWaiting(target);
            },
          },
        ],
      });
    });
    later(Math.max(0, expiresAt - now()) + 150, () => void refresh(target));
  }

  /**
   * Put the waiting code in now, without touching the focus (the shortcut, a click on the card,
   * or the submit of the form: then before the page reads the field). Only over our own last code.
   */
  function fillWaiting(target: OtpTarget): boolean {
    const next = waiting;
    if (!next || target !== active || !connected(target) || next.expiresAt <= now()) return false;
    if (filled && userEdited(target, filled.code)) return false;
    waiting = undefined;
    writeNow(target, next.code, win);
    if (!holds(target, next.code, win)) return false;
    filled = { code: next.code, accountId: next.accountId, submitted: false };
    prompt.remove();
    announceFilled(deps, next.names);
    // Its expiry is already scheduled (by `hold`): the next period is checked then.
    return true;
  }

  /** The page took the code we filled: tell the background, once per code. */
  function submitted(target: OtpTarget): void {
    // A code that waited for the user goes in first, before the page reads the field.
    if (waiting) fillWaiting(target);
    if (target !== active || !filled || filled.submitted) return;
    if (connected(target) && userEdited(target, filled.code)) return;
    filled.submitted = true;
    void send('autofill:submitted', { accountId: filled.accountId });
  }

  /** Submission of the target: its form submitted, Enter in it, a click on its submit button, or gone. */
  function watchSubmission(target: OtpTarget): () => void {
    const inputs = targetInputs(target);
    const form = inputs[0]?.form ?? inputs[0]?.closest('form') ?? null;
    const scope = form ?? inputs[0]?.closest('dialog, [role="dialog"]') ?? null;
    const onSubmit = (event: Event) => {
      if (form && event.target === form) submitted(target);
    };
    const onKey = (event: KeyboardEvent) => {
      if (!event.isTrusted || event.key !== 'Enter') return;
      if (inputs.includes(event.target as HTMLInputElement)) submitted(target);
      // Enter in another field of the form (the password) submits it too: the waiting code goes in first.
      else if (waiting && form && form.contains(event.target as Node)) fillWaiting(target);
    };
    const onClick = (event: MouseEvent) => {
      const button = (event.target as Element | null)?.closest?.('button, input[type="submit"]');
      if (!event.isTrusted || !button || !scope?.contains(button)) return;
      const type = (button.getAttribute('type') ?? 'submit').toLowerCase();
      if (type === 'submit') submitted(target);
    };
    doc.addEventListener('submit', onSubmit, true);
    doc.addEventListener('keydown', onKey, true);
    doc.addEventListener('click', onClick, true);
    const gone = setInterval(() => {
      if (filled && !connected(target)) {
        submitted(target);
        clearInterval(gone);
      }
    }, GONE_CHECK_MS);
    return () => {
      doc.removeEventListener('submit', onSubmit, true);
      doc.removeEventListener('keydown', onKey, true);
      doc.removeEventListener('click', onClick, true);
      clearInterval(gone);
    };
  }

  /**
   * The same input may be reused for another kind of code ("Log in using a backup code"): watch the
   * text around it, stop filling while it asks for something else, and start again when it asks for
   * the authenticator's code once more.
   */
  function watchContext(target: OtpTarget): () => void {
    if (target.kind !== 'single') return () => undefined;
    const input = target.input;
    const scope = contextScope(input);
    if (!scope) return () => undefined;
    let queued = false;
    const check = () => {
      queued = false;
      if (target !== active) return;
      const candidate = scoreSingle(input);
      const ours = candidate !== null && !candidate.sms;
      if (!ours && !paused) {
        paused = true;
        prompt.remove();
      } else if (ours && paused) {
        paused = false;
        filled = undefined;
        if (input.value === '') void request();
      }
    };
    const Observer = (win as Window & typeof globalThis).MutationObserver ?? MutationObserver;
    const observer = new Observer(() => {
      if (queued) return;
      queued = true;
      void Promise.resolve().then(check);
    });
    observer.observe(scope, { childList: true, characterData: true, subtree: true });
    return () => observer.disconnect();
  }

  /** Make `target` the field we fill; `byUser`: the user asked for it (shortcut, menu), fill at once. */
  function activate(target: OtpTarget, byUser = false): void {
    targetCleanups.forEach((cleanup) => cleanup());
    active = target;
    filled = undefined;
    waiting = undefined;
    paused = false;
    targetCleanups = [watchSubmission(target)];
    refused = false;
    // A wrong-code alert beside this field (now or later) offers the next code.
    stopWrongCode();
    stopWrongCode = watchForWrongCode(doc, win, () => {
      if (target === active && connected(target)) void offerNextCode();
    });
    if (byUser) {
      void request({ userAction: true });
      return;
    }
    targetCleanups.push(watchContext(target));
    whenSeen(target, (userAction) => void request({ userAction }));
  }

  /** The page refused a code: offer the next period's, and name the likely cause when a skew was measured. */
  async function offerNextCode(): Promise<void> {
    refused = true;
    const skew = await send('clock:skew').catch(() => null);
    const cause = skew ? ` ${t('wrongCodeSkew', [Math.abs(skew.seconds)])}` : '';
    prompt.show({
      message: `${t('wrongCodeRefused')}${cause}`,
      buttons: [
        {
          label: t('wrongCodeNext'),
          primary: true,
          action: () => {
            prompt.remove();
            // The user's click on our card: a user action, for the account just filled.
            void request({
              ...(filled ? { accountId: filled.accountId } : {}),
              next: true,
              userAction: true,
            });
          },
        },
        { label: t('close'), action: () => prompt.remove() },
      ],
    });
  }

  function consider(targets: OtpTarget[]): void {
    const target = targets.find((candidate) => !candidate.sms);
    if (!target) {
      if (deps.isPreset && !smsHintShown && targets.some((candidate) => candidate.sms)) {
        smsHintShown = true;
        prompt.show({
          message: t('smsHint'),
          buttons: [{ label: t('close'), action: () => prompt.remove() }],
          autoHideMs: 15000,
        });
      }
      return;
    }
    if (active && connected(active)) return;
    // An enrolment pop-up (a QR code beside the field) gets the new account's code
    // from the QR capture after "Save to Twofold", never an older account's.
    if (isEnrolment(target, win)) return;
    activate(target);
  }

  /** The fill shortcut or the context menu: a trusted user action on the focused field. */
  function fillFocused(): boolean {
    // A new code waits for the user: the shortcut puts it in its field, wherever the focus is.
    if (active && waiting && fillWaiting(active)) return true;
    const focused = doc.activeElement;
    if (!focused || !doc.hasFocus() || !isFillable(focused, win)) return false;
    const current = active && targetInputs(active).includes(focused) ? active : undefined;
    activate(current ?? { kind: 'single', input: focused, score: 0, signals: ['user'], sms: false }, true);
    return true;
  }

  // Also reports the fields already on the page (its initial scan).
  const stopWatching = watchForTargets(doc, win, (targets) => consider(targets));
  const stopUnlocked = deps.onMessage('vault:unlocked', () => {
    if (active && !filled) void request();
  });
  const stopFillFocused = deps.onMessage('autofill:fillFocused', () => fillFocused());
  const onChange = (event: Event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !event.isTrusted) return;
    const hints = `${input.type} ${input.name} ${input.id} ${input.autocomplete}`;
    if ((input.type === 'email' || USERNAME_FIELD.test(hints)) && input.value.trim()) {
      void send('autofill:username', { username: input.value });
    }
  };
  doc.addEventListener('change', onChange, true);
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    typing.lastKeyAt = now();
    typing.lastKeyIn = (event.composedPath()[0] as Element | undefined) ?? null;
  };
  const onComposition = (event: Event) => {
    if (event.isTrusted) typing.composing = event.type === 'compositionstart';
  };
  doc.addEventListener('keydown', onKeyDown, true);
  doc.addEventListener('compositionstart', onComposition, true);
  doc.addEventListener('compositionend', onComposition, true);

  return () => {
    doc.removeEventListener('keydown', onKeyDown, true);
    doc.removeEventListener('compositionstart', onComposition, true);
    doc.removeEventListener('compositionend', onComposition, true);
    stopWatching();
    stopWrongCode();
    stopUnlocked();
    stopFillFocused();
    doc.removeEventListener('change', onChange, true);
    timers.forEach(clearTimeout);
    targetCleanups.forEach((cleanup) => cleanup());
    prompt.remove();
  };
}

function isEnrolment(target: OtpTarget, win: Window): boolean {
  const input = targetInputs(target)[0];
  // The pop-up first: its code field often sits in a form of its own, beside the QR code.
  const scope = input?.closest('dialog, [role="dialog"], [aria-modal="true"]') ?? input?.closest('form');
  return scope ? findQrCandidates(scope, win).length > 0 : false;
}

/** The setting "Tick 'Remember this device for 30 days'": find that box by its label and tick it. */
function tickRememberDevice(doc: Document, win: Window): void {
  for (const box of doc.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    const label =
      [...(box.labels ?? [])].map((l) => l.textContent ?? '').join(' ') +
      (box.getAttribute('aria-label') ?? '');
    if (!REMEMBER_LABEL.test(label) || box.checked || box.disabled) continue;
    box.click();
    if (!box.checked) {
      box.checked = true;
      box.dispatchEvent(new (win as Window & typeof globalThis).Event('change', { bubbles: true }));
    }
  }
}
