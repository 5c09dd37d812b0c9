import { useEffect, useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { sendMessage, type VaultState } from '@/lib/messaging';
import type { SyncStatusView } from '@/lib/protocol/sync';
import { PassphraseField } from '../PassphraseField';
import { ErrorAlert } from '../ErrorAlert';
import { useSubmit } from '../useSubmit';
import { syncWords } from './sync-words';

interface Props {
  state: VaultState;
  /** The vault was created, re-keyed or unlocked by turning sync on. */
  onVaultChange: () => void;
}

/** Settings → Sync: the switch, joining or starting a synced vault, and its state in words. */
export function SyncSection({ state, onVaultChange }: Props) {
  const headingId = useId();
  const switchId = useId();
  const hintId = useId();
  const warningId = useId();
  const [status, setStatus] = useState<SyncStatusView | undefined>();
  const [asking, setAsking] = useState(false);
  const [stopped, setStopped] = useState(false);
  const [replaceOffered, setReplaceOffered] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');

  useEffect(() => {
    void sendMessage('sync:status').then(setStatus);
  }, [state.unlocked]);

  async function turnOn(replace: boolean) {
    const next = await sendMessage('sync:enable', { passphrase, ...(replace ? { replace } : {}) });
    // The passphrase opens this computer's vault, not the sync space's: warn, keep what was typed.
    setReplaceOffered(next.replaceOffered === true);
    setStatus(next);
    if (!next.enabled) return;
    setPassphrase('');
    setAsking(false);
    onVaultChange();
  }
  const enable = useSubmit(() => turnOn(false));
  const replace = useSubmit(() => turnOn(true));

  const followKey = useSubmit(async () => {
    setStatus(await sendMessage('sync:useNewPassphrase', { passphrase: newPassphrase }));
    setNewPassphrase('');
    onVaultChange();
  });

  async function toggle(on: boolean) {
    setReplaceOffered(false);
    if (on) {
      setStopped(false);
      setAsking(true);
    } else {
      setAsking(false);
      setStatus(await sendMessage('sync:disable'));
      setStopped(true);
    }
  }

  if (!status) return null;
  const empty = !state.exists;
  const canAsk = empty ? status.syncedVault : state.unlocked;
  const [label, button, hint] = !status.syncedVault
    ? [t('syncFirstPassphrase'), t('syncTurnOn'), t('syncFirstHint')]
    : empty
      ? [t('syncSyncedPassphrase'), t('syncUseSynced'), t('syncUseSyncedHint')]
      : [t('syncSyncedPassphrase'), t('syncMerge'), t('syncMergeHint')];
  const words = syncWords(status, t, (at) => new Date(at).toLocaleString(), {
    asking: asking && !status.enabled,
    stopped,
  });
  const keyChanged = status.enabled && status.problem === 'keyChanged';

  return (
    <section class="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sectionSync')}</h2>
      <p>{t('syncIntro')}</p>
      <div class="check">
        <input
          id={switchId}
          type="checkbox"
          role="switch"
          checked={status.enabled || asking}
          disabled={!status.enabled && !canAsk}
          aria-describedby={canAsk || status.enabled ? undefined : hintId}
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />
        <label for={switchId}>{t('syncSwitch')}</label>
      </div>
      {!status.enabled && !canAsk && <small id={hintId}>{t('syncUnlockFirst')}</small>}
      {asking && !status.enabled && (
        <form class="stack" onSubmit={(e) => void enable.submit(e)}>
          <p>{hint}</p>
          <PassphraseField
            label={label}
            value={passphrase}
            onInput={(value) => {
              setPassphrase(value);
              setReplaceOffered(false);
            }}
            autoComplete="current-password"
            autoFocus
          />
          <button type="submit" disabled={enable.busy || replace.busy}>
            {button}
          </button>
          <ErrorAlert error={enable.error} />
          {replaceOffered && (
            <div class="warning stack" role="alert" id={warningId}>
              <p>{t('syncReplaceWarning')}</p>
              <button
                type="button"
                aria-describedby={warningId}
                disabled={replace.busy}
                onClick={() => void replace.submit()}
              >
                {t('syncReplace')}
              </button>
              <ErrorAlert error={replace.error} />
            </div>
          )}
        </form>
      )}
      <div role="status" class="stack">
        <p>{words.state}</p>
        {words.details.length > 0 && (
          <ul>
            {words.details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        {words.problem && <p class="error">{words.problem}</p>}
        {words.notice && <p class="notice">{words.notice}</p>}
      </div>
      {keyChanged && (
        <div class="stack">
          {state.unlocked && (
            <form class="stack" onSubmit={(e) => void followKey.submit(e)}>
              <PassphraseField
                label={t('syncNewPassphrase')}
                value={newPassphrase}
                onInput={setNewPassphrase}
                autoComplete="current-password"
              />
              <button type="submit" disabled={followKey.busy}>
                {t('syncUseNewPassphrase')}
              </button>
              <ErrorAlert error={followKey.error} />
            </form>
          )}
          <button type="button" onClick={() => void toggle(false)}>
            {t('syncStop')}
          </button>
        </div>
      )}
    </section>
  );
}
