import { useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { PRESET_MATCHES } from '@/lib/preset';
import { useIdleEffect } from './idle';

/**
 * The M2Mmanager preset's host permission is not granted (Firefox asks for it at install and
 * lets the user take it back; Chromium lets them restrict site access): Twofold cannot see the
 * enrolment QR code nor fill codes there. Say so, and ask for it with one click.
 */
export function PresetAccess() {
  const [granted, setGranted] = useState<boolean | undefined>();
  const [message, setMessage] = useState('');
  const titleId = useId();

  // Shown only when access was taken away: asked once the codes are drawn.
  useIdleEffect(() => void browser.permissions.contains({ origins: [...PRESET_MATCHES] }).then(setGranted));

  async function allow() {
    // In this click's task: the browser asks the user only from a gesture.
    const ok = await browser.permissions.request({ origins: [...PRESET_MATCHES] });
    setMessage(t(ok ? 'presetAccessGranted' : 'presetAccessDenied'));
    setGranted(ok);
  }

  if (granted !== false) return message ? <p role="status">{message}</p> : null;
  return (
    <aside class="nudge stack" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('presetAccessOffTitle')}</h2>
      <p>{t('presetAccessOffText')}</p>
      <div class="row">
        <button type="button" class="primary" onClick={() => void allow()}>
          {t('presetAccessAllow')}
        </button>
      </div>
      <p role="status">{message}</p>
    </aside>
  );
}
