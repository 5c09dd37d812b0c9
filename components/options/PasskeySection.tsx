import { useEffect, useId, useState } from 'preact/hooks';
import { inUiLanguage, t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { setUpPasskey } from '@/lib/passkey/ceremony';
import type { PasskeyInfo } from '@/lib/protocol/passkey';
import { ErrorAlert } from '../ErrorAlert';
import { useSubmit } from '../useSubmit';

/**
 * Settings -> Security: passkeys that unlock the vault (WebAuthn PRF), each named and removable.
 * A refused, cancelled or PRF-less ceremony changes nothing: the slot is added only after the
 * key was derived.
 */
export function PasskeySection() {
  const [passkeys, setPasskeys] = useState<PasskeyInfo[]>([]);
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  const nameId = useId();
  const hintId = useId();
  const listId = useId();

  useEffect(() => {
    void sendMessage('passkey:list').then(setPasskeys, () => undefined);
  }, []);

  const setup = useSubmit(async () => {
    setStatus('');
    const chosen = name.trim();
    try {
      const ceremony = await sendMessage('passkey:options');
      const { credentialId, kek } = await setUpPasskey(globalThis.navigator?.credentials, ceremony, chosen);
      setPasskeys(
        await sendMessage('passkey:add', { credentialId, name: chosen, prfSalt: ceremony.prfSalt, kek }),
      );
    } catch (err) {
      throw inUiLanguage(err);
    }
    setName('');
    setStatus(t('passkeyAdded', [chosen]));
  });

  async function remove(passkey: PasskeyInfo) {
    setStatus('');
    setPasskeys(await sendMessage('passkey:remove', { credentialId: passkey.credentialId }));
    setStatus(t('passkeyRemoved', [passkey.name]));
  }

  return (
    <form class="stack subcard" onSubmit={setup.submit} aria-busy={setup.busy} aria-label={t('passkeyTitle')}>
      <h3>{t('passkeyTitle')}</h3>
      <p>{t('passkeyIntro')}</p>
      <h4 id={listId}>{t('passkeyList')}</h4>
      {passkeys.length === 0 ? (
        <p>{t('passkeyNone')}</p>
      ) : (
        <ul aria-labelledby={listId}>
          {passkeys.map((passkey) => (
            <li key={passkey.credentialId} class="row">
              <span>{passkey.name}</span>
              <button
                type="button"
                class="danger"
                aria-label={t('passkeyRemoveLabel', [passkey.name])}
                onClick={() => void remove(passkey)}
              >
                {t('delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="field">
        <label for={nameId}>{t('passkeyName')}</label>
        <input
          id={nameId}
          type="text"
          maxLength={64}
          required
          value={name}
          aria-describedby={hintId}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <small id={hintId}>{t('passkeyNameHint')}</small>
      </div>
      <ErrorAlert error={setup.error} />
      <p class="status" role="status">
        {status}
      </p>
      <div class="row">
        <button type="submit" class="primary" disabled={setup.busy}>
          {setup.busy ? t('working') : t('passkeySetup')}
        </button>
      </div>
    </form>
  );
}
