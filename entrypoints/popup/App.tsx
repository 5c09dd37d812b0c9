import { useEffect, useState } from 'preact/hooks';
import { AccountsView } from '@/components/AccountsView';
import { CreateVaultForm } from '@/components/CreateVaultForm';
import type { PopupPrefetch } from '@/components/prefetch';
import { UnlockForm } from '@/components/UnlockForm';
import { t } from '@/lib/i18n';
import { ClockNotice } from '@/components/ClockNotice';
import { sendMessage, type VaultState } from '@/lib/messaging';

const unlockWindow = new URLSearchParams(location.search).get('window') === 'unlock';

export function App({ prefetch }: { prefetch: PopupPrefetch }) {
  const [state, setState] = useState<VaultState | undefined>();

  useEffect(() => {
    void prefetch.state.then(setState);
  }, [prefetch]);

  return (
    <main class="popup">
      <header class="brand">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{t('extName')}</h1>
      </header>
      <ClockNotice />
      {state === undefined && <p>{t('loading')}</p>}
      {state && !state.exists && (
        <CreateVaultForm
          onCreate={async (passphrase) => setState(await sendMessage('vault:create', { passphrase }))}
        />
      )}
      {state?.exists && !state.unlocked && (
        <UnlockForm
          onUnlock={async (passphrase) => setState(await sendMessage('vault:unlock', { passphrase }))}
        />
      )}
      {state?.unlocked && unlockWindow && <p role="status">{t('unlockedCloseWindow')}</p>}
      {state?.unlocked && (
        <AccountsView prefetch={prefetch} onLock={async () => setState(await sendMessage('vault:lock'))} />
      )}
    </main>
  );
}
