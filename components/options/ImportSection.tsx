import { useId, useRef, useState } from 'preact/hooks';
import { accountName } from '@/lib/account-name';
import { t, type MessageKey } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { ImportPreview, PreviewItem } from '@/lib/protocol/manage';
import { decodeQr } from '@/lib/qr';
import { errorText } from '../useSubmit';

type Ready = Extract<ImportPreview, { ok: true }>;

const STATUS: Record<PreviewItem['status'], MessageKey> = {
  new: 'statusNew',
  duplicate: 'statusDuplicate',
  conflict: 'statusConflict',
};

const IMAGE = /\.(png|jpe?g|gif|webp|bmp)$/i;

/** Every QR text in an image file (a Google Authenticator export screenshot), read on this page. */
async function qrTextsOf(file: File): Promise<string[]> {
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return [];
  context.drawImage(bitmap, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  return decodeQr({ data, width, height });
}

/**
 * Import: a file (any supported export, or a QR code image) or pasted otpauth URIs. The
 * background parses it and says what would happen (a preview); nothing is written until the
 * user adds the accounts they ticked. Conflicts (same name, other secret) are unticked.
 */
export function ImportSection({ onImported }: { onImported: () => void }) {
  const [pasted, setPasted] = useState('');
  const [source, setSource] = useState<string | undefined>();
  const [password, setPassword] = useState('');
  const [needsPassword, setNeedsPassword] = useState(false);
  const [preview, setPreview] = useState<Ready | undefined>();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const fileId = useId();
  const fileHint = useId();
  const textId = useId();
  const passwordId = useId();

  function reset() {
    setPreview(undefined);
    setSource(undefined);
    setNeedsPassword(false);
    setPassword('');
    setSelected(new Set());
  }

  async function analyse(text: string, withPassword?: string) {
    setBusy(true);
    setError('');
    setDone('');
    try {
      const result = await sendMessage('import:preview', {
        text,
        ...(withPassword ? { password: withPassword } : {}),
      });
      setSource(text);
      if (!result.ok) {
        setPreview(undefined);
        const passwordProblem = result.code === 'NEEDS_PASSWORD' || result.code === 'WRONG_PASSWORD';
        setNeedsPassword(passwordProblem);
        if (!passwordProblem) setSource(undefined);
        setError(result.message);
        return;
      }
      setPreview(result);
      setSelected(new Set(result.items.filter((i) => i.status === 'new').map((i) => i.index)));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function onFile(file: File | undefined) {
    reset();
    if (!file) return;
    setError('');
    try {
      if (file.type.startsWith('image/') || IMAGE.test(file.name)) {
        const texts = await qrTextsOf(file);
        if (texts.length === 0) {
          setError(t('noQrInImage'));
          return;
        }
        await analyse(texts.join('\n'));
      } else {
        await analyse(await file.text());
      }
    } catch (err) {
      setError(t('fileUnreadable', errorText(err)));
    } finally {
      if (fileRef.current) fileRef.current.value = '';
    }
  }

  async function commit() {
    if (!source || !preview) return;
    setBusy(true);
    setError('');
    try {
      const result = await sendMessage('import:commit', { token: preview.token, select: [...selected] });
      if (!result.ok) {
        // An expired preview cannot be committed: the file has to be read again.
        if (result.code === 'IMPORT_EXPIRED') reset();
        setError(result.message);
        return;
      }
      reset();
      setPasted('');
      setDone(t('importedCount', String(result.added)));
      onImported();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  function toggle(index: number, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(index);
      else next.delete(index);
      return next;
    });
  }

  return (
    <section class="card stack" aria-labelledby={headingId} aria-busy={busy}>
      <h2 id={headingId}>{t('sectionImport')}</h2>
      <p>{t('importIntro')}</p>
      {!preview && (
        <>
          <div class="field">
            <label for={fileId}>{t('importFile')}</label>
            <input
              id={fileId}
              ref={fileRef}
              type="file"
              accept=".json,.2fas,.txt,.csv,application/json,text/plain,image/*"
              aria-describedby={fileHint}
              onChange={(e) => void onFile(e.currentTarget.files?.[0])}
            />
            <small id={fileHint}>{t('importFileHint')}</small>
          </div>
          <form
            class="stack"
            onSubmit={(e) => {
              e.preventDefault();
              reset();
              void analyse(pasted);
            }}
          >
            <div class="field">
              <label for={textId}>{t('otpauthUris')}</label>
              <textarea
                id={textId}
                rows={4}
                spellcheck={false}
                value={pasted}
                required
                onInput={(e) => setPasted(e.currentTarget.value)}
              />
            </div>
            <div class="row">
              <button type="submit" class="primary" disabled={busy}>
                {t('importButton')}
              </button>
            </div>
          </form>
        </>
      )}
      {needsPassword && source && !preview && (
        <form
          class="stack subcard"
          onSubmit={(e) => {
            e.preventDefault();
            void analyse(source, password);
          }}
        >
          <div class="field">
            <label for={passwordId}>{t('filePassword')}</label>
            <input
              id={passwordId}
              type="password"
              autoComplete="off"
              value={password}
              required
              autoFocus
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </div>
          <div class="row">
            <button type="submit" class="primary" disabled={busy}>
              {t('decrypt')}
            </button>
            <button type="button" onClick={reset}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p class="status" role="status">
        {busy ? t('working') : done}
      </p>
      {preview && (
        <div class="stack preview">
          <h3>{t('previewTitle', [preview.formatName, String(preview.items.length)])}</h3>
          <ul class="preview-list" aria-label={t('previewList')}>
            {preview.items.map((item) => (
              <PreviewRow
                key={item.index}
                item={item}
                checked={selected.has(item.index)}
                onToggle={(on) => toggle(item.index, on)}
              />
            ))}
          </ul>
          {preview.skipped.length > 0 && (
            <div class="stack">
              <h4>{t('skippedTitle')}</h4>
              <ul>
                {preview.skipped.map((s, i) => (
                  <li key={i}>
                    {s.name}: {s.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div class="row">
            <button
              type="button"
              class="primary"
              disabled={busy || selected.size === 0}
              onClick={() => void commit()}
            >
              {t('addSelected', String(selected.size))}
            </button>
            <button type="button" onClick={reset}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function PreviewRow({
  item,
  checked,
  onToggle,
}: {
  item: PreviewItem;
  checked: boolean;
  onToggle: (on: boolean) => void;
}) {
  const id = useId();
  const detail = `${item.type.toUpperCase()} · ${item.algorithm} · ${item.digits} · ${
    item.type === 'totp' ? `${item.period} s` : ''
  }`;
  return (
    <li class={`preview-item status-${item.status}`}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={item.status === 'duplicate'}
        onChange={(e) => onToggle(e.currentTarget.checked)}
      />
      <label for={id}>
        {accountName(item)}
        <span class="badge">{t(STATUS[item.status])}</span>
      </label>
      <small>
        {detail}
        {item.origin ? ` · ${item.origin}` : ''}
      </small>
    </li>
  );
}
