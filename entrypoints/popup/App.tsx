import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AccountsView } from '@/components/AccountsView';
import { FirstRun } from '@/components/FirstRun';
import { PolicySitesAccess } from '@/components/PolicySitesAccess';
import { PresetAccess } from '@/components/PresetAccess';
import type { PopupPrefetch } from '@/components/prefetch';
import { UnlockForm } from '@/components/UnlockForm';
import { VaultNotices } from '@/components/VaultNotices';
import { Welcome } from '@/components/Welcome';
import { t } from '@/lib/i18n';
import { ClockNotice } from '@/components/ClockNotice';
import { LookalikeWarning } from '@/components/LookalikeWarning';
import { ClockConsent } from '@/components/ClockConsent';
import { sendMessage, type LookalikeWarning as Warning, type VaultState } from '@/lib/messaging';

const unlockWindow = new URLSearchParams(location.search).get('window') === 'unlock';

export function App({ prefetch }: { prefetch: PopupPrefetch }) {
  const [state, setState] = useState<VaultState | undefined>();

  // A layout effect: the state may already be here; waiting for a painted frame would delay the codes.
  useLayoutEffect(() => {
    void prefetch.state.then(setState);
  }, [prefetch]);

  /** The unlock window, once unlocked: null when the page that asked imitates no enrolled site. */
  const [windowWarning, setWindowWarning] = useState<Warning | null | undefined>();

  // The unlock window has done its job: close it, and the background brings the page back; unless
  // that page imitates a site the user enrolled on, which the window then says first, or the unlock
  // brought the organisation's request for a longer passphrase (said by that one answer only).
  useEffect(() => {
    if (!unlockWindow || !state?.unlocked) return;
    const asks = state.passphraseMinLength !== undefined;
    void sendMessage('tabs:lookalike')
      .then((reply) => reply.warning ?? null)
      .catch(() => null)
      .then((warning) => {
        if (warning || asks) setWindowWarning(warning);
        else window.close();
      });
  }, [state]);

  return (
    <main class="popup">
      <header class="brand">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{t('extName')}</h1>
        {state?.unlocked && !unlockWindow && (
          <>
            <span class="spacer" />
            <button
              type="button"
              class="compact"
              onClick={async () => setState(await sendMessage('vault:lock'))}
            >
              {t('lock')}
            </button>
            <button
              type="button"
              class="icon-button"
              aria-label={t('openSettings')}
              title={t('openSettings')}
              onClick={() => void browser.runtime.openOptionsPage()}
            >
              <span aria-hidden="true">⚙</span>
            </button>
          </>
        )}
      </header>
      <PresetAccess />
      <PolicySitesAccess />
      <ClockNotice />
      <ClockConsent />
      {/* Said at first run only: it speaks of choosing the passphrase the form below asks for. */}
      {state && !state.exists && !unlockWindow && <Welcome area={browser.storage.local} />}
      {state === undefined && <p>{t('loading')}</p>}
      {state && !state.exists && <FirstRun onState={setState} />}
      {state?.exists && !state.unlocked && (
        <UnlockForm
          onUnlock={async (passphrase) => setState(await sendMessage('vault:unlock', { passphrase }))}
          onUnlocked={setState}
        />
      )}
      {state?.unlocked && unlockWindow && windowWarning !== undefined && (
        <>
          {windowWarning && <LookalikeWarning warning={windowWarning} />}
          {state.passphraseMinLength !== undefined && <VaultNotices state={state} onState={setState} />}
          <button type="button" onClick={() => window.close()}>
            {t('close')}
          </button>
        </>
      )}
      {state?.unlocked && unlockWindow && windowWarning === undefined && (
        <p role="status">{t('unlockedCloseWindow')}</p>
      )}
      {state?.unlocked && !unlockWindow && <VaultNotices state={state} onState={setState} />}
      {state?.unlocked && !unlockWindow && <AccountsView prefetch={prefetch} />}
    </main>
  );
}
