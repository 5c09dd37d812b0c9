import { useEffect } from 'preact/hooks';

/** Said on the popup's window when the user answered a clock question: codes may have shifted. */
const CLOCK_ANSWERED = 'twofold:clock-answered';

export function announceClockAnswer(target: EventTarget): void {
  target.dispatchEvent(new Event(CLOCK_ANSWERED));
}

/** Runs `onAnswer` (the list's refresh) whenever the user answered a clock question in this page. */
export function useClockAnswered(target: EventTarget, onAnswer: () => unknown): void {
  useEffect(() => {
    const listener = () => void onAnswer();
    target.addEventListener(CLOCK_ANSWERED, listener);
    return () => target.removeEventListener(CLOCK_ANSWERED, listener);
  }, [target, onAnswer]);
}
