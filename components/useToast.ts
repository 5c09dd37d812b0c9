import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** Long enough to read a sentence and hear it announced; short enough not to go stale. */
export const TOAST_MS = 5000;
/** A message with a button (Undo): time to read it, decide, and reach the button. */
export const ACTION_TOAST_MS = 10_000;

/** A button beside the message (Undo): its words, its accessible name, what it does. */
export interface ToastAction {
  label: string;
  /** Names what it acts on for screen readers ("Undo: restore M2Mmanager (jane)"). */
  name: string;
  run: () => void;
}

/** Why the message is held in place: the keyboard focus or the pointer is on it. */
export type ToastHold = 'focus' | 'pointer';

export interface Toast {
  /** The message shown now; '' once it left. */
  text: string;
  /** Changes with every message, even a repeated one, so the live region announces it again. */
  id: number;
  /** The message's button, while it is shown. */
  action?: ToastAction;
  /**
   * Shows `text`. It leaves after the toast's time, longer with an `action` (Undo), so the
   * button can be reached.
   */
  show: (text: string, action?: ToastAction) => void;
  /**
   * Holds a message with a button while the focus or the pointer is on it (nobody loses a
   * button while reaching for it); once neither is, its whole time starts again.
   */
  hold: (reason: ToastHold, held: boolean) => void;
}

/**
 * The popup's status message: announced by its live region, gone after `durationMs`
 * (`actionMs` with a button; a new message starts the time again). Timers are the window's
 * unless a test injects its own.
 */
export function useToast(
  durationMs = TOAST_MS,
  timers: Pick<Window, 'setTimeout' | 'clearTimeout'> = window,
  actionMs = ACTION_TOAST_MS,
): Toast {
  const [shown, setShown] = useState<{ text: string; id: number; action?: ToastAction }>({ text: '', id: 0 });
  const timer = useRef<number | undefined>(undefined);
  const holds = useRef(new Set<ToastHold>());
  /** How long the message shown now stays; 0 when none is shown. */
  const wait = useRef(0);
  /** Only a message with a button is held: there is something to reach for. */
  const holdable = useRef(false);
  useEffect(() => () => timers.clearTimeout(timer.current), [timers]);
  const arm = useCallback(() => {
    timers.clearTimeout(timer.current);
    timer.current = undefined;
    if (wait.current === 0 || (holdable.current && holds.current.size > 0)) return;
    timer.current = timers.setTimeout(() => {
      wait.current = 0;
      setShown((now) => ({ text: '', id: now.id }));
    }, wait.current);
  }, [timers]);
  const show = useCallback(
    (text: string, action?: ToastAction) => {
      setShown((before) => ({ text, id: before.id + 1, ...(action ? { action } : {}) }));
      wait.current = text === '' ? 0 : action ? actionMs : durationMs;
      holdable.current = action !== undefined;
      // Without a button nothing in it can keep the focus (a removed button may not say it lost it).
      if (!action) holds.current.delete('focus');
      arm();
    },
    [durationMs, actionMs, arm],
  );
  const hold = useCallback(
    (reason: ToastHold, held: boolean) => {
      if (held === holds.current.has(reason)) return;
      if (held) holds.current.add(reason);
      else holds.current.delete(reason);
      arm();
    },
    [arm],
  );
  return { ...shown, show, hold };
}
