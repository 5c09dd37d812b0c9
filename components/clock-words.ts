import { t } from '@/lib/i18n';
import type { ClockQuestion } from '@/lib/protocol/clock';

/** Whole minutes of an offset, as the popup's question says them (never 0: it asks beyond 2 min). */
export function offsetMinutes(offsetMs: number): number {
  return Math.max(1, Math.round(Math.abs(offsetMs) / 60_000));
}

/** "This site's clock is 9 minutes ahead. Use its time?" (or behind). */
export function clockQuestionText(question: ClockQuestion): string {
  const minutes = offsetMinutes(question.offsetMs);
  return t(question.offsetMs > 0 ? 'clockAskAhead' : 'clockAskBehind', minutes, [minutes]);
}

/** "9 min" from a minute up, "47 s" below: the size of a shift, without its sign. */
function shiftSize(shiftMs: number): string {
  const seconds = Math.round(Math.abs(shiftMs) / 1000);
  return seconds < 60
    ? t('clockShiftSeconds', [seconds])
    : t('clockShiftMinutes', [Math.round(seconds / 60)]);
}

/** What a code on the site's time says: visibly "Site time, +9 min", and in words for screen readers. */
export function clockShiftWords(shiftMs: number): { mark: string; spoken: string } {
  const size = shiftSize(shiftMs);
  return {
    mark: t('clockShiftMark', [`${shiftMs > 0 ? '+' : '−'}${size}`]),
    spoken: t(shiftMs > 0 ? 'clockShiftAhead' : 'clockShiftBehind', [size]),
  };
}
