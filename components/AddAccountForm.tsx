import { useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

interface Props {
  onSave: (uri: string, website: string) => Promise<void>;
  onCancel: () => void;
}

export function AddAccountForm({ onSave, onCancel }: Props) {
  const [uri, setUri] = useState('');
  const [website, setWebsite] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const uriId = useId();
  const siteId = useId();
  const hintId = useId();

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await onSave(uri, website);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="stack" onSubmit={submit} aria-busy={busy}>
      <div class="field">
        <label for={uriId}>{t('otpauthUriOrSecret')}</label>
        <textarea
          id={uriId}
          value={uri}
          rows={3}
          spellcheck={false}
          autoFocus
          required
          onInput={(e) => setUri(e.currentTarget.value)}
        />
      </div>
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
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
