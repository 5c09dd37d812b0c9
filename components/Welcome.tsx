import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { takeWelcome } from '@/lib/release/welcome';

type Area = Parameters<typeof takeWelcome>[0];

/** The next focusable element after `section` in its page, for the focus to land on once it closes. */
function nextFocusable(section: HTMLElement): HTMLElement | undefined {
  const all = section.ownerDocument.querySelectorAll<HTMLElement>('input, button, a[href], select, textarea');
  return [...all].find(
    (element) =>
      !section.contains(element) &&
      section.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
}

/**
 * Said once, the first time the popup opens after install: what Twofold does on M2Mmanager, how the
 * keys are protected, how other sites are enabled. A region with its heading for screen readers;
 * it takes no focus, and "Got it" hands the focus on to what follows.
 */
export function Welcome({ area }: { area: Area }) {
  const [shown, setShown] = useState(false);
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    void takeWelcome(area)
      .then(setShown)
      .catch(() => undefined);
  }, [area]);
  if (!shown) return null;
  return (
    <section class="welcome notice stack" aria-labelledby="welcome-title" data-testid="welcome" ref={section}>
      <h2 id="welcome-title">{t('welcomeTitle')}</h2>
      <ul>
        <li>{t('welcomeM2M')}</li>
        <li>{t('welcomeProtect')}</li>
        <li>{t('welcomeSites')}</li>
      </ul>
      <button
        type="button"
        class="compact"
        onClick={() => {
          const next = section.current ? nextFocusable(section.current) : undefined;
          setShown(false);
          next?.focus();
        }}
      >
        {t('welcomeDismiss')}
      </button>
    </section>
  );
}
