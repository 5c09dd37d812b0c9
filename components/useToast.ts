import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** Long enough to read a sentence and hear it announced; short enough not to go stale. */
export const TOAST_MS = 5000;

export interface Toast {
  /** The message shown now; '' once it left. */
  text: string;
  /** Changes with every message, even a repeated one, so the live region announces it again. */
  id: number;
  show: (text: string) => void;
}

/**
 * The popup's status message: announced by its live region, gone after `durationMs` (a new
 * message starts the time again). Timers are the window's unless a test injects its own.
 */
export function useToast(
  durationMs = TOAST_MS,
  timers: Pick<Window, 'setTimeout' | 'clearTimeout'> = window,
): Toast {
  const [shown, setShown] = useState({ text: '', id: 0 });
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => timers.clearTimeout(timer.current), [timers]);
  const show = useCallback(
    (text: string) => {
      timers.clearTimeout(timer.current);
      setShown((before) => ({ text, id: before.id + 1 }));
      timer.current = timers.setTimeout(() => setShown((now) => ({ ...now, text: '' })), durationMs);
    },
    [durationMs, timers],
  );
  return { ...shown, show };
}
