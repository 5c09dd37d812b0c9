import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { sendMessage, type VaultState } from '@/lib/messaging';
import { CreateVaultForm } from './CreateVaultForm';
import { ErrorAlert } from './ErrorAlert';
import { PassphraseField } from './PassphraseField';
import { useSubmit } from './useSubmit';

interface Props {
  /** The vault now exists (created, or the synced one taken): the page moves on. */
  onState: (state: VaultState) => void;
}

/**
 * No vault on this computer yet. When the browser's sync space already holds a synced vault
 * (another computer syncs), using it is offered first, with its passphrase; creating a new
 * vault stays one button away. A passkey is set up afterwards in Settings, as on any vault.
 */
export function FirstRun({ onState }: Props) {
  const [synced, setSynced] = useState<boolean | undefined>();
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    sendMessage('sync:status').then(
      (status) => setSynced(status.syncedVault),
      () => setSynced(false),
    );
  }, []);

  if (synced === undefined) return <p>{t('loading')}</p>;
  if (!synced || creating) {
    return (
      <div class="stack">
        <CreateVaultForm
          onCreate={async (passphrase) => onState(await sendMessage('vault:create', { passphrase }))}
        />
        {synced && (
          <button type="button" onClick={() => setCreating(false)}>
            {t('firstRunUseSynced')}
          </button>
        )}
      </div>
    );
  }
  return <UseSyncedVault onState={onState} onCreate={() => setCreating(true)} />;
}

function UseSyncedVault({ onState, onCreate }: Props & { onCreate: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await sendMessage('sync:enable', { passphrase });
    setPassphrase('');
    onState(await sendMessage('vault:state'));
  });
  return (
    <div class="stack">
      <form class="stack" onSubmit={submit} aria-busy={busy} aria-label={t('syncUseSynced')}>
        <p>{t('firstRunSyncedIntro')}</p>
        <PassphraseField
          label={t('syncSyncedPassphrase')}
          value={passphrase}
          onInput={setPassphrase}
          autoComplete="current-password"
          autoFocus
        />
        <ErrorAlert error={error} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('working') : t('syncUseSynced')}
        </button>
      </form>
      <button type="button" onClick={onCreate}>
        {t('firstRunCreateNew')}
      </button>
    </div>
  );
}
