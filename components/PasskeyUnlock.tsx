import { useEffect, useState } from 'preact/hooks';
import { inUiLanguage, t } from '@/lib/i18n';
import { sendMessage, type VaultState } from '@/lib/messaging';
import { unlockKey } from '@/lib/passkey/ceremony';
import type { PasskeyCeremony } from '@/lib/protocol/passkey';
import { ErrorAlert } from './ErrorAlert';
import { useSubmit } from './useSubmit';

interface Props {
  onUnlocked: (state: VaultState) => void;
  /** "Use passphrase instead". */
  onPassphrase: () => void;
}

/** The vault's passkeys, if any: undefined while asking, null when there is none. */
export function usePasskeyCeremony(): PasskeyCeremony | null | undefined {
  const [ceremony, setCeremony] = useState<PasskeyCeremony | null | undefined>();
  useEffect(() => {
    sendMessage('passkey:options').then(
      (options) => setCeremony(options.credentials.length > 0 ? options : null),
      () => setCeremony(null),
    );
  }, []);
  return ceremony;
}

/** "Unlock with passkey" first; the passphrase one click away. */
export function PasskeyUnlock({ ceremony, onUnlocked, onPassphrase }: Props & { ceremony: PasskeyCeremony }) {
  const { busy, error, submit } = useSubmit(async () => {
    try {
      const { credentialId, kek } = await unlockKey(globalThis.navigator?.credentials, ceremony);
      onUnlocked(await sendMessage('passkey:unlock', { credentialId, kek }));
    } catch (err) {
      throw inUiLanguage(err);
    }
  });
  return (
    <div class="stack" aria-busy={busy}>
      <p>{t('passkeyUnlockIntro')}</p>
      <ErrorAlert error={error} />
      <button type="button" class="primary" disabled={busy} onClick={() => void submit()}>
        {busy ? t('working') : t('passkeyUnlock')}
      </button>
      <button type="button" onClick={onPassphrase}>
        {t('passkeyUsePassphrase')}
      </button>
    </div>
  );
}
