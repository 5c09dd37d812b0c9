import { t } from '@/lib/i18n';

interface Props {
  /** Seconds left in the period. */
  remaining: number;
  period: number;
}

/** A small ring that empties as the code ages; the number is for screen readers too. */
export function CountdownRing({ remaining, period }: Props) {
  const radius = 9;
  const circumference = 2 * Math.PI * radius;
  const fraction = Math.max(0, Math.min(1, remaining / period));
  return (
    <span
      class={`ring${remaining <= 5 ? ' ring-low' : ''}`}
      role="timer"
      aria-label={t('secondsLeft', remaining)}
    >
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
        <circle cx="12" cy="12" r={radius} class="ring-track" />
        <circle
          cx="12"
          cy="12"
          r={radius}
          class="ring-fill"
          stroke-dasharray={circumference}
          stroke-dashoffset={circumference * (1 - fraction)}
        />
      </svg>
      <span class="ring-text" aria-hidden="true">
        {remaining}
      </span>
    </span>
  );
}
