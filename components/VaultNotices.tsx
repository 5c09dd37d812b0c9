import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { openSettingsAt } from './BackupNudge';
import { sendMessage, type VaultState } from '@/lib/messaging';
import { ErrorAlert } from './ErrorAlert';
import { useSubmit } from './useSubmit';

interface Props {
  state: VaultState;
  onState: (state: VaultState) => void;
}

/**
 * What the vault itself needs the user to know after an unlock: it is older than one
 * already seen here (a rollback), or damaged copies were set aside; or what the organisation
 * asks of it (a longer passphrase, a passkey), each leading to Settings where it is done.
 * Each stays until the user answers it with its button. Or a newer Twofold saved it
 * (read-only until this one is updated).
 */
export function VaultNotices({ state, onState }: Props) {
  const rollback = useSubmit(async () => onState(await sendMessage('vault:acceptRollback')));
  const quarantine = useSubmit(async () => onState(await sendMessage('vault:clearQuarantine')));
  if (!state.unlocked) return null;
  return (
    <>
      {state.rollback && (
        <div class="warning stack" role="alert" aria-busy={rollback.busy}>
          <p>{t('noticeRollback', [String(state.rollback.current), String(state.rollback.seen)])}</p>
          <ErrorAlert error={rollback.error} />
          <button type="button" disabled={rollback.busy} onClick={() => void rollback.submit()}>
            {t('noticeRollbackAccept')}
          </button>
        </div>
      )}
      {state.passphraseMinLength !== undefined && (
        <OrganisationAsks
          role="alert"
          text={t('policyPassphraseChange', [state.passphraseMinLength])}
          action={t('policyPassphraseChangeAction')}
          section="passphrase"
        />
      )}
      {state.passkeyRequired && (
        <OrganisationAsks
          role="status"
          text={t('policyPasskeyRequired')}
          action={t('policyPasskeyRequiredAction')}
          section="passkey"
        />
      )}
      {state.readOnly && (
        <div class="notice" role="status">
          <p>{t('noticeReadOnly')}</p>
        </div>
      )}
      {state.quarantined > 0 && !state.readOnly && (
        <div class="notice stack" role="status" aria-busy={quarantine.busy}>
          <p>{t('noticeQuarantine', state.quarantined)}</p>
          <ErrorAlert error={quarantine.error} />
          <button type="button" disabled={quarantine.busy} onClick={() => void quarantine.submit()}>
            {t('noticeQuarantineDelete')}
          </button>
        </div>
      )}
    </>
  );
}

/** What the organisation asks of the vault, with the button that opens Settings where it is done. */
function OrganisationAsks(props: {
  role: 'alert' | 'status';
  text: string;
  action: string;
  section: Parameters<typeof openSettingsAt>[2];
}) {
  return (
    <div class="notice stack" role={props.role}>
      <p>{props.text}</p>
      <button type="button" onClick={() => void openSettingsAt(browser, window, props.section)}>
        {props.action}
      </button>
    </div>
  );
}
