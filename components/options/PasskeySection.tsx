import { useEffect, useId, useRef, useState } from 'preact/hooks';
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

  const [confirming, setConfirming] = useState<string | undefined>();
  const nameRef = useRef<HTMLInputElement>(null);

  async function remove(passkey: PasskeyInfo) {
    setStatus('');
    setConfirming(undefined);
    setPasskeys(await sendMessage('passkey:remove', { credentialId: passkey.credentialId }));
    setStatus(t('passkeyRemoved', [passkey.name]));
    // Its row is gone: the name field is where the next step (another passkey) starts.
    nameRef.current?.focus();
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
            <PasskeyRow
              key={passkey.credentialId}
              passkey={passkey}
              confirming={confirming === passkey.credentialId}
              onAsk={() => setConfirming(passkey.credentialId)}
              onCancel={() => setConfirming(undefined)}
              onRemove={() => void remove(passkey)}
            />
          ))}
        </ul>
      )}
      <div class="field">
        <label for={nameId}>{t('passkeyName')}</label>
        <input
          id={nameId}
          ref={nameRef}
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

/**
 * One passkey: "Remove" (its name completes the button's accessible name, spoken after the
 * visible word), then a confirmation in place, focused, that can be cancelled.
 */
function PasskeyRow(props: {
  passkey: PasskeyInfo;
  confirming: boolean;
  onAsk: () => void;
  onCancel: () => void;
  onRemove: () => void;
}) {
  const askRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (props.confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) askRef.current?.focus();
    wasConfirming.current = props.confirming;
  }, [props.confirming]);
  const { name } = props.passkey;
  if (!props.confirming) {
    return (
      <li class="row">
        <span>{name}</span>
        <button ref={askRef} type="button" class="danger" onClick={props.onAsk}>
          {t('passkeyRemove')}
          <span class="visually-hidden"> {t('passkeyRemoveWhich', [name])}</span>
        </button>
      </li>
    );
  }
  return (
    // The group sits inside the item: a list item must stay one (axe: list, aria-allowed-role).
    <li>
      <div class="row" role="group" aria-labelledby={questionId}>
        <span id={questionId}>{t('passkeyRemoveQuestion', [name])}</span>
        <button ref={confirmRef} type="button" class="danger" onClick={props.onRemove}>
          {t('passkeyRemoveLabel', [name])}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </li>
  );
}
