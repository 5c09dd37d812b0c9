import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { isPresetOrigin } from '@/lib/preset';
import { useIdleEffect } from './idle';

type State =
  | { kind: 'hidden' }
  | { kind: 'available'; origin: string }
  | { kind: 'enabled'; origin: string; pattern: string };

/**
 * "Enable autofill on this site": asks the browser for this one origin only
 * (permissions.request needs this click), then Twofold runs there and fills codes
 * of accounts bound to it. Turning it off removes the permission.
 */
export function SiteAccess() {
  const [state, setState] = useState<State>({ kind: 'hidden' });
  const [message, setMessage] = useState('');

  async function load() {
    const { origin } = await sendMessage('tabs:activeOrigin');
    if (!origin || isPresetOrigin(origin)) return setState({ kind: 'hidden' });
    const pattern = `${origin}/*`;
    const enabled = await sendMessage('sites:enabled');
    setState(
      enabled.includes(pattern) ? { kind: 'enabled', origin, pattern } : { kind: 'available', origin },
    );
  }

  // Below the codes' first screen in importance: asked once they are drawn.
  useIdleEffect(() => void load());

  async function enable(origin: string) {
    // Must run in this click's task: the browser only asks the user from a gesture.
    const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
    if (!granted) return setMessage(t('siteNotEnabled'));
    await sendMessage('sites:activate');
    setMessage(t('siteEnabled', [origin]));
    await load();
  }

  async function revoke(pattern: string, origin: string) {
    await sendMessage('sites:revoke', { pattern });
    setMessage(t('siteRevoked', [origin]));
    await load();
  }

  if (state.kind === 'hidden') return message ? <p role="status">{message}</p> : null;
  return (
    <div class="site-access row">
      {state.kind === 'available' ? (
        <button type="button" onClick={() => void enable(state.origin)}>
          {t('enableSite')}
        </button>
      ) : (
        <>
          <span>{t('siteIsEnabled')}</span>
          <button type="button" onClick={() => void revoke(state.pattern, state.origin)}>
            {t('disableSite')}
          </button>
        </>
      )}
      <p role="status" class="status">
        {message}
      </p>
    </div>
  );
}
