import { t } from '@/lib/i18n';

interface Props {
  /** Seconds left in the period. */
  remaining: number;
  period: number;
}

/** A small ring that empties as the code ages; the number is for screen readers too. */
export function CountdownRing({ remaining, period }: Props) {
  const fraction = Math.max(0, Math.min(1, remaining / period));
  return (
    <span
      class={`ring${remaining <= 5 ? ' ring-low' : ''}`}
      role="timer"
      aria-label={t('secondsLeft', remaining)}
      style={`--left:${fraction}`}
    >
      <span class="ring-text" aria-hidden="true">
        {remaining}
      </span>
    </span>
  );
}
