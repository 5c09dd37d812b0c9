import { useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { LIMITS, parseSetting, saveSettings, type Settings } from '@/lib/settings';
import { PassphraseField } from '../PassphraseField';
import { NewPassphraseForm } from '../NewPassphraseForm';
import { PasskeySection } from './PasskeySection';

interface Props {
  settings: Settings;
  onSettings: (settings: Settings) => void;
  unlocked: boolean;
}

/** Change passphrase (unlocked only), auto-lock, clipboard clearing, remember-device. */
export function SecuritySection({ settings, onSettings, unlocked }: Props) {
  const rememberId = useId();
  const rememberHint = useId();
  const headingId = useId();
  const [saved, setSaved] = useState('');

  async function save(patch: Partial<Settings>) {
    onSettings(await saveSettings(browser.storage.local, patch));
    setSaved(t('settingsSaved'));
  }

  return (
    <section class="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sectionSecurity')}</h2>
      {unlocked && <ChangePassphrase />}
      {unlocked && <PasskeySection />}
      <NumberSetting
        name="autoLockMinutes"
        label={t('autoLockMinutes')}
        hint={t('autoLockHint')}
        value={settings.autoLockMinutes}
        onSave={(autoLockMinutes) => save({ autoLockMinutes })}
        onRefused={() => setSaved('')}
      />
      <NumberSetting
        name="clipboardClearSeconds"
        label={t('clipboardClearSeconds')}
        hint={t('clipboardHint')}
        value={settings.clipboardClearSeconds}
        onSave={(clipboardClearSeconds) => save({ clipboardClearSeconds })}
        onRefused={() => setSaved('')}
      />
      <div class="check">
        <input
          id={rememberId}
          type="checkbox"
          checked={settings.rememberDevice}
          aria-describedby={rememberHint}
          onChange={(e) => void save({ rememberDevice: e.currentTarget.checked })}
        />
        <label for={rememberId}>{t('rememberDevice')}</label>
      </div>
      <small id={rememberHint}>{t('rememberDeviceHint')}</small>
      <p class="status" role="status">
        {saved}
      </p>
    </section>
  );
}

/**
 * A numeric setting saved on change when valid; out of its bounds it says so next to the
 * field and keeps the saved value (nothing is corrected behind the person's back).
 */
function NumberSetting(props: {
  name: keyof typeof LIMITS;
  label: string;
  hint: string;
  value: number;
  onSave: (value: number) => Promise<void>;
  onRefused: () => void;
}) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const [error, setError] = useState('');
  const { min, max } = LIMITS[props.name];
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        step={1}
        value={props.value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        onChange={(e) => {
          const parsed = parseSetting(props.name, e.currentTarget.value);
          if (parsed === undefined) {
            setError(t('settingOutOfRange', [min, max]));
            props.onRefused();
            return;
          }
          setError('');
          void props.onSave(parsed);
        }}
      />
      {error && (
        <small id={errorId} class="error">
          {error}
        </small>
      )}
      <small id={hintId}>{props.hint}</small>
    </div>
  );
}

function ChangePassphrase() {
  const [current, setCurrent] = useState('');
  return (
    <NewPassphraseForm
      class="stack subcard"
      label={t('changePassphrase')}
      passphraseLabel={t('newPassphrase')}
      confirmLabel={t('confirmNewPassphrase')}
      submitLabel={t('changePassphrase')}
      onSubmit={async (next) => {
        await sendMessage('vault:changePassphrase', { current, next });
        setCurrent('');
        return t('passphraseChanged');
      }}
    >
      <h3>{t('changePassphrase')}</h3>
      <PassphraseField
        label={t('currentPassphrase')}
        value={current}
        onInput={setCurrent}
        autoComplete="current-password"
      />
    </NewPassphraseForm>
  );
}
