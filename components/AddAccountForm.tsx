import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  addAccountProblem,
  addAccountText,
  DEFAULT_SECRET_OPTIONS,
  isOtpauthText,
  siteIssuer,
  weakSecretBits,
  type SecretOptions,
} from './add-account';
import { localErrorText, t } from '@/lib/i18n';
import type { OtpAlgorithm, OtpType } from '@/lib/otp';

interface Props {
  /** The active tab's origin: a typed secret is named after that site until the user renames it. */
  siteOrigin?: string;
  onSave: (uri: string, website: string) => Promise<void>;
  onCancel: () => void;
}

/**
 * Add by hand: paste an otpauth URI, or type a secret with a name (the service, prefilled from
 * the site in the tab, or the account name) and its options when not the usual ones.
 */
export function AddAccountForm({ siteOrigin, onSave, onCancel }: Props) {
  const [uri, setUri] = useState('');
  const [website, setWebsite] = useState('');
  const [options, setOptions] = useState<SecretOptions>(() => ({
    ...DEFAULT_SECRET_OPTIONS,
    issuer: siteIssuer(siteOrigin),
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  /** Which field the error is about: the text, or the name. */
  const [errorField, setErrorField] = useState<'text' | 'name'>('text');
  const issuerRef = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const namesHintId = useId();
  /** The text whose short key the user was warned about; saving it again confirms. */
  const [warned, setWarned] = useState<{ text: string; bits: number } | undefined>();
  const uriId = useId();
  const siteId = useId();
  const hintId = useId();
  const ids = {
    issuer: useId(),
    label: useId(),
    type: useId(),
    algorithm: useId(),
    digits: useId(),
    period: useId(),
    counter: useId(),
  };
  const isUri = isOtpauthText(uri);
  const confirming = warned !== undefined && warned.text === addAccountTextOrUndefined(uri, options);

  // The tab's site may be known only after the form opened: name after it unless already named.
  useEffect(() => {
    const issuer = siteIssuer(siteOrigin);
    if (issuer) setOptions((current) => (current.issuer || current.label ? current : { ...current, issuer }));
  }, [siteOrigin]);

  /** An error from before goes as soon as what is typed would be accepted. */
  function clearErrorIfValid(text: string, next: SecretOptions) {
    if (error && addAccountProblem(text, next) === undefined) setError('');
  }

  function set<K extends keyof SecretOptions>(key: K, value: SecretOptions[K]) {
    const next = { ...options, [key]: value };
    setOptions(next);
    clearErrorIfValid(uri, next);
  }

  async function submit(event: Event) {
    event.preventDefault();
    setError('');
    if (addAccountProblem(uri, options) === 'name') {
      setErrorField('name');
      setError(t('nameNeeded'));
      issuerRef.current?.focus();
      return;
    }
    setErrorField('text');
    setBusy(true);
    try {
      const text = addAccountText(uri, options);
      const bits = weakSecretBits(text);
      if (bits !== undefined && warned?.text !== text) {
        setWarned({ text, bits });
        return;
      }
      await onSave(text, website);
    } catch (err) {
      setError(localErrorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="stack add-form" onSubmit={submit} aria-busy={busy} aria-label={t('addAccount')}>
      <div class="field">
        <label for={uriId}>{t('otpauthUriOrSecret')}</label>
        <textarea
          id={uriId}
          value={uri}
          rows={3}
          spellcheck={false}
          autoFocus
          required
          aria-invalid={error && errorField === 'text' ? true : undefined}
          aria-describedby={error && errorField === 'text' ? errorId : undefined}
          onInput={(e) => {
            setUri(e.currentTarget.value);
            clearErrorIfValid(e.currentTarget.value, options);
          }}
        />
      </div>
      {!isUri && (
        <fieldset class="option-grid names">
          <legend class="visually-hidden">{t('accountNames')}</legend>
          <div class="field">
            <label for={ids.issuer}>{t('issuer')}</label>
            <input
              id={ids.issuer}
              ref={issuerRef}
              value={options.issuer}
              aria-invalid={error && errorField === 'name' ? true : undefined}
              aria-describedby={error && errorField === 'name' ? `${errorId} ${namesHintId}` : namesHintId}
              onInput={(e) => set('issuer', e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for={ids.label}>{t('accountName')}</label>
            <input
              id={ids.label}
              value={options.label}
              aria-describedby={namesHintId}
              onInput={(e) => set('label', e.currentTarget.value)}
            />
          </div>
          <small id={namesHintId} class="names-hint">
            {t('namesHint')}
          </small>
        </fieldset>
      )}
      <div class="field">
        <label for={siteId}>{t('website')}</label>
        <input
          id={siteId}
          type="text"
          inputMode="url"
          value={website}
          aria-describedby={hintId}
          onInput={(e) => setWebsite(e.currentTarget.value)}
        />
        <small id={hintId}>{t('websiteHint')}</small>
      </div>
      <details class="secret-options">
        <summary>{t('secretOptions')}</summary>
        {isUri && <small>{t('optionsIgnoredForUri')}</small>}
        <fieldset class="option-grid" disabled={isUri}>
          <legend class="visually-hidden">{t('secretOptions')}</legend>
          <div class="field">
            <label for={ids.type}>{t('otpType')}</label>
            <select
              id={ids.type}
              value={options.type}
              onChange={(e) => set('type', e.currentTarget.value as OtpType)}
            >
              <option value="totp">{t('typeTotp')}</option>
              <option value="hotp">{t('typeHotp')}</option>
            </select>
          </div>
          <div class="field">
            <label for={ids.algorithm}>{t('algorithm')}</label>
            <select
              id={ids.algorithm}
              value={options.algorithm}
              onChange={(e) => set('algorithm', e.currentTarget.value as OtpAlgorithm)}
            >
              <option value="SHA1">SHA-1</option>
              <option value="SHA256">SHA-256</option>
              <option value="SHA512">SHA-512</option>
            </select>
          </div>
          <div class="field">
            <label for={ids.digits}>{t('digits')}</label>
            <select
              id={ids.digits}
              value={String(options.digits)}
              onChange={(e) => set('digits', Number(e.currentTarget.value))}
            >
              <option value="6">6</option>
              <option value="7">7</option>
              <option value="8">8</option>
            </select>
          </div>
          {options.type === 'totp' ? (
            <div class="field">
              <label for={ids.period}>{t('period')}</label>
              <input
                id={ids.period}
                type="number"
                min={1}
                max={3600}
                value={options.period}
                onInput={(e) => set('period', Math.max(1, Math.round(Number(e.currentTarget.value) || 30)))}
              />
            </div>
          ) : (
            <div class="field">
              <label for={ids.counter}>{t('counter')}</label>
              <input
                id={ids.counter}
                type="number"
                min={0}
                value={options.counter}
                onInput={(e) => set('counter', Math.max(0, Math.round(Number(e.currentTarget.value) || 0)))}
              />
            </div>
          )}
        </fieldset>
      </details>
      {error && (
        <p role="alert" class="error" id={errorId}>
          {error}
        </p>
      )}
      {confirming && !error && (
        <p role="alert" class="warning">
          {t('weakSecretWarning', [warned?.bits])}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {confirming ? t('addAnyway') : t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function addAccountTextOrUndefined(text: string, options: SecretOptions): string | undefined {
  try {
    return addAccountText(text, options);
  } catch {
    return undefined;
  }
}
