import { clockShiftWords } from './clock-words';

/**
 * Next to a code computed on the site's clock rather than this computer's: visible
 * ("Site time, +9 min") and, for screen readers, in words; `id` lets the code's button name it.
 */
export function ClockShiftMark({ shiftMs, id }: { shiftMs: number | undefined; id: string }) {
  if (shiftMs === undefined || shiftMs === 0) return null;
  const { mark, spoken } = clockShiftWords(shiftMs);
  return (
    <p class="clock-shift" id={id} data-testid="clock-shift">
      <small aria-hidden="true">{mark}</small>
      <span class="visually-hidden">{spoken}</span>
    </p>
  );
}
