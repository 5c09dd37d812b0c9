import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** Long enough to read a sentence and hear it announced; short enough not to go stale. */
export const TOAST_MS = 5000;

/** A button beside the message (Undo): its words, its accessible name, what it does. */
export interface ToastAction {
  label: string;
  /** Names what it acts on for screen readers ("Undo: restore M2Mmanager (jane)"). */
  name: string;
  run: () => void;
}

export interface Toast {
  /** The message shown now; '' once it left. */
  text: string;
  /** Changes with every message, even a repeated one, so the live region announces it again. */
  id: number;
  /** The message's button, while it is shown. */
  action?: ToastAction;
  /**
   * Shows `text`. With an `action`, the message stays until the next one (no time limit on
   * using it); without, it leaves after the toast's time.
   */
  show: (text: string, action?: ToastAction) => void;
}

/**
 * The popup's status message: announced by its live region, gone after `durationMs` (a new
 * message starts the time again). Timers are the window's unless a test injects its own.
 */
export function useToast(
  durationMs = TOAST_MS,
  timers: Pick<Window, 'setTimeout' | 'clearTimeout'> = window,
): Toast {
  const [shown, setShown] = useState<{ text: string; id: number; action?: ToastAction }>({ text: '', id: 0 });
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => timers.clearTimeout(timer.current), [timers]);
  const show = useCallback(
    (text: string, action?: ToastAction) => {
      timers.clearTimeout(timer.current);
      setShown((before) => ({ text, id: before.id + 1, ...(action ? { action } : {}) }));
      if (!action) {
        timer.current = timers.setTimeout(() => setShown((now) => ({ text: '', id: now.id })), durationMs);
      }
    },
    [durationMs, timers],
  );
  return { ...shown, show };
}
