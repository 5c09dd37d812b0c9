import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { ClockNotice as Notice } from '@/lib/protocol/clock';
import { useIdleEffect } from './idle';

/** The words of a clock notice: codes adjusted (slow or fast), or a skew too large to trust. */
export function clockNoticeText(notice: Notice): string {
  const site = new URL(notice.origin).host;
  const seconds = Math.round(Math.abs(notice.offsetMs) / 1000);
  if (notice.kind === 'out-of-bounds') return t('clockTooFar', [String(Math.round(seconds / 60)), site]);
  return t(notice.offsetMs > 0 ? 'clockSlow' : 'clockFast', [String(seconds), site]);
}

/** Said once per measure: the background marks it shown when the popup asks. */
export function ClockNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  // Rare, and after the codes: asked once they are drawn.
  useIdleEffect(() => {
    void sendMessage('clock:notice')
      .then(setNotice)
      .catch(() => undefined);
  });
  if (!notice) return null;
  return (
    <p
      role="status"
      class={notice.kind === 'out-of-bounds' ? 'notice warning' : 'notice'}
      data-testid="clock-notice"
    >
      {clockNoticeText(notice)}
    </p>
  );
}
