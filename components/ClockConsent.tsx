import { useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { ClockQuestion } from '@/lib/protocol/clock';
import { announceClockAnswer } from './clock-events';
import { clockQuestionText } from './clock-words';
import { errorText } from './useSubmit';
import { useIdleEffect } from './idle';

/**
 * The question for a site whose clock is more than 2 minutes off: its codes stay on this
 * computer's time until the user answers here, in Twofold's own popup (a page or a content
 * script cannot answer). The answer is for exactly the offset shown.
 */
export function ClockConsent({ events = window }: { events?: EventTarget }) {
  const [question, setQuestion] = useState<ClockQuestion | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const textId = useId();

  // Rare: asked once the codes are drawn.
  useIdleEffect(() => {
    void sendMessage('clock:question')
      .then(setQuestion)
      .catch(() => undefined);
  });

  async function answer(asked: ClockQuestion, use: boolean) {
    setBusy(true);
    try {
      const taken = await sendMessage('clock:answer', { ...asked, use });
      const host = new URL(asked.origin).host;
      setStatus(taken ? t(use ? 'clockAskUsed' : 'clockAskKept', [host]) : t('clockAskGone'));
      setQuestion(await sendMessage('clock:question'));
      announceClockAnswer(events);
    } catch (err) {
      setStatus(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {question && (
        <section
          class="notice warning stack clock-question"
          aria-labelledby={titleId}
          aria-describedby={textId}
          data-testid="clock-question"
        >
          <h2 id={titleId} class="clock-question-title">
            {t('clockAskTitle', [new URL(question.origin).host])}
          </h2>
          <p id={textId}>{clockQuestionText(question)}</p>
          <p>
            <small>{t('clockAskWhy')}</small>
          </p>
          <div class="row">
            <button type="button" class="primary" disabled={busy} onClick={() => void answer(question, true)}>
              {t('clockAskUse')}
            </button>
            <button type="button" disabled={busy} onClick={() => void answer(question, false)}>
              {t('clockAskKeep')}
            </button>
          </div>
        </section>
      )}
      {/* There from the question on, so that screen readers hear the answer's outcome; absent
          while nothing is asked, so the popup keeps one status line of its own. */}
      {(question || status) && (
        <p role="status" class={status ? 'notice' : 'visually-hidden'} data-testid="clock-answer">
          {status}
        </p>
      )}
    </>
  );
}
