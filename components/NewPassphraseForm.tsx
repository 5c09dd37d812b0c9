import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { passphraseStrength } from './passphrase-strength';
import { ErrorAlert } from './ErrorAlert';
import { PassphraseField } from './PassphraseField';
import { useSubmit } from './useSubmit';

const STRENGTH_TEXT = {
  weak: 'strengthWeak',
  fair: 'strengthFair',
  good: 'strengthGood',
  strong: 'strengthStrong',
} as const;

interface Props {
  /** The form's accessible name. */
  label: string;
  passphraseLabel: string;
  confirmLabel: string;
  submitLabel: string;
  /** Fields or text before the new passphrase (an intro, the current passphrase). */
  children?: ComponentChildren;
  /** Shorter is refused here with this message (the background checks again). */
  minLength?: { chars: number; message: string };
  autoFocus?: boolean;
  class?: string;
  /** Runs with the new passphrase once both fields agree; its text (if any) is the success status. */
  onSubmit: (passphrase: string) => Promise<string | void>;
}

/**
 * Choosing a passphrase, wherever it happens (new vault, change, backup): the passphrase with a
 * strength hint, its confirmation, one check that both agree, busy and error states, and the
 * fields emptied after success.
 */
export function NewPassphraseForm(props: Props) {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState('');
  const hintId = useId();
  const strength = passphraseStrength(passphrase);
  const { busy, error, submit } = useSubmit(async () => {
    setDone('');
    if (props.minLength && passphrase.length < props.minLength.chars)
      throw new Error(props.minLength.message);
    if (passphrase !== confirm) throw new Error(t('passphraseMismatch'));
    const status = await props.onSubmit(passphrase);
    setPassphrase('');
    setConfirm('');
    setDone(status ?? '');
  });

  return (
    <form class={props.class ?? 'stack'} onSubmit={submit} aria-busy={busy} aria-label={props.label}>
      {props.children}
      <PassphraseField
        label={props.passphraseLabel}
        value={passphrase}
        onInput={setPassphrase}
        autoComplete="new-password"
        autoFocus={props.autoFocus}
        describedBy={hintId}
      />
      <p id={hintId} class={`strength strength-${strength}`} aria-live="polite">
        {passphrase ? `${t('strengthLabel')}: ${t(STRENGTH_TEXT[strength])}` : ''}
      </p>
      <PassphraseField
        label={props.confirmLabel}
        value={confirm}
        onInput={setConfirm}
        autoComplete="new-password"
      />
      <ErrorAlert error={error} />
      <p class="status" role="status">
        {done}
      </p>
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('working') : props.submitLabel}
        </button>
      </div>
    </form>
  );
}
