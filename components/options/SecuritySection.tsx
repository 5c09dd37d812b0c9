import { useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { sendMessage, type ManagedView } from '@/lib/messaging';
import { effectiveSettings, settingBounds } from '@/lib/policy/effective';
import { LIMITS, parseSetting, saveSettings, type Settings } from '@/lib/settings';
import { ManagedNote } from '../ManagedNote';
import { PassphraseField } from '../PassphraseField';
import { NewPassphraseForm } from '../NewPassphraseForm';
import { PasskeySection } from './PasskeySection';

interface Props {
  settings: Settings;
  onSettings: (settings: Settings) => void;
  unlocked: boolean;
  /** The organisation's policies: fixed settings are shown disabled, maxima bound the fields. */
  managed?: ManagedView;
}

/** Change passphrase (unlocked only), auto-lock, clipboard clearing, remember-device. */
export function SecuritySection({ settings: own, onSettings, unlocked, managed }: Props) {
  const policies = managed?.policies ?? {};
  // What Twofold applies is shown: the user's own choice clamped by the policies.
  const settings = effectiveSettings(own, policies);
  const fixed = new Set(managed?.managed ?? []);
  const rememberManaged = useId();
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
      {/* Anchors of their own: an organisation's request in the popup opens Settings right here. */}
      {unlocked && (
        <div id="passphrase" class="section-anchor">
          <ChangePassphrase />
        </div>
      )}
      {unlocked && policies.passkeyUnlock !== 'forbidden' && (
        <div id="passkey" class="section-anchor">
          <PasskeySection />
        </div>
      )}
      <NumberSetting
        name="autoLockMinutes"
        label={t('autoLockMinutes')}
        hint={
          policies.maxAutolockMinutes === undefined
            ? t('autoLockHint')
            : t('policyAutoLockMax', [policies.maxAutolockMinutes])
        }
        bounds={settingBounds('autoLockMinutes', LIMITS.autoLockMinutes, policies)}
        managed={fixed.has('autoLockMinutes')}
        value={settings.autoLockMinutes}
        onSave={(autoLockMinutes) => save({ autoLockMinutes })}
        onRefused={() => setSaved('')}
      />
      <NumberSetting
        name="clipboardClearSeconds"
        label={t('clipboardClearSeconds')}
        hint={t('clipboardHint')}
        bounds={settingBounds('clipboardClearSeconds', LIMITS.clipboardClearSeconds, policies)}
        value={settings.clipboardClearSeconds}
        onSave={(clipboardClearSeconds) => save({ clipboardClearSeconds })}
        onRefused={() => setSaved('')}
      />
      <div class="check">
        <input
          id={rememberId}
          type="checkbox"
          checked={settings.rememberDevice}
          disabled={fixed.has('rememberDevice')}
          aria-describedby={fixed.has('rememberDevice') ? `${rememberManaged} ${rememberHint}` : rememberHint}
          onChange={(e) => void save({ rememberDevice: e.currentTarget.checked })}
        />
        <label for={rememberId}>{t('rememberDevice')}</label>
      </div>
      {fixed.has('rememberDevice') && <ManagedNote id={rememberManaged} />}
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
  /** The bounds a policy leaves (LIMITS when none). */
  bounds?: { min: number; max: number };
  /** Fixed by a policy: shown, disabled, and said so. */
  managed?: boolean;
}) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const managedId = useId();
  const [error, setError] = useState('');
  const { min, max } = props.bounds ?? LIMITS[props.name];
  const describedBy = [error ? errorId : '', props.managed ? managedId : '', hintId]
    .filter(Boolean)
    .join(' ');
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
        disabled={props.managed}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          const parsed = parseSetting(props.name, e.currentTarget.value);
          if (parsed === undefined || parsed < min || parsed > max) {
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
      {props.managed && <ManagedNote id={managedId} />}
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
