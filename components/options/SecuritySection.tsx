import { useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { clampSetting, LIMITS, saveSettings, type Settings } from '@/lib/settings';
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
  const lockId = useId();
  const lockHint = useId();
  const clipId = useId();
  const clipHint = useId();
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
      <div class="field">
        <label for={lockId}>{t('autoLockMinutes')}</label>
        <input
          id={lockId}
          type="number"
          min={LIMITS.autoLockMinutes.min}
          max={LIMITS.autoLockMinutes.max}
          value={settings.autoLockMinutes}
          aria-describedby={lockHint}
          onChange={(e) =>
            void save({ autoLockMinutes: clampSetting('autoLockMinutes', e.currentTarget.value) })
          }
        />
        <small id={lockHint}>{t('autoLockHint')}</small>
      </div>
      <div class="field">
        <label for={clipId}>{t('clipboardClearSeconds')}</label>
        <input
          id={clipId}
          type="number"
          min={LIMITS.clipboardClearSeconds.min}
          max={LIMITS.clipboardClearSeconds.max}
          value={settings.clipboardClearSeconds}
          aria-describedby={clipHint}
          onChange={(e) =>
            void save({ clipboardClearSeconds: clampSetting('clipboardClearSeconds', e.currentTarget.value) })
          }
        />
        <small id={clipHint}>{t('clipboardHint')}</small>
      </div>
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
