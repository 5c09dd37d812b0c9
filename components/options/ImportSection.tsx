import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { accountName, WEAK_SECRET_BITS } from '@/lib/otp';
import { errorMessage, localErrorText, t, type MessageKey } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { ImportPreview, PreviewItem } from '@/lib/messaging';
import { decodeQr } from '@/lib/qr';
import { PASSWORD_PROBLEMS } from '@/lib/transfer/errors';
import type { SkippedEntry } from '@/lib/transfer/types';

type Ready = Extract<ImportPreview, { ok: true }>;

const STATUS: Record<Exclude<PreviewItem['status'], 'repeat'>, MessageKey> = {
  new: 'statusNew',
  duplicate: 'statusDuplicate',
  conflict: 'statusConflict',
};

/** The badge of a preview row; a repeat names the row (1-based, as shown) it repeats. */
function statusText(item: PreviewItem): string {
  return item.status === 'repeat' ? t('statusRepeat', [(item.repeatOf ?? 0) + 1]) : t(STATUS[item.status]);
}

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
 * user adds the accounts they ticked. Conflicts (same name, other key) and repeats (same key as
 * an earlier row) are unticked; ticked, a conflict is kept next to its namesake or replaces its
 * key, a repeat is kept too (one key used on two sites).
 */
export function ImportSection({ onImported }: { onImported: () => void }) {
  const [pasted, setPasted] = useState('');
  const [source, setSource] = useState<string | undefined>();
  const [password, setPassword] = useState('');
  const [needsPassword, setNeedsPassword] = useState(false);
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<Ready | undefined>();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [replace, setReplace] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const fileId = useId();
  const fileHint = useId();
  const textId = useId();
  const passwordId = useId();
  const promptId = useId();
  const reasonId = useId();

  // To the passphrase field each time it is asked for (autofocus works once per page only).
  const asking = needsPassword && source !== undefined && !preview;
  useEffect(() => {
    if (asking) passwordRef.current?.focus();
  }, [asking]);

  /** Cancel: nothing chosen any more, the file field empty too. */
  function cancel() {
    const hadPreview = preview !== undefined;
    reset();
    if (fileRef.current) fileRef.current.value = '';
    if (hadPreview) setTimeout(focusStart);
  }

  function reset() {
    setPreview(undefined);
    setSource(undefined);
    setNeedsPassword(false);
    setPassword('');
    setSelected(new Set());
    setReplace(new Set());
    setFileName('');
  }

  /** After an import or a cancel the preview is gone: the next import starts at the file field. */
  function focusStart() {
    fileRef.current?.focus();
  }

  /** Preview `text`; true while the file waits for its passphrase. */
  async function analyse(text: string, withPassword?: string): Promise<boolean> {
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
        const passwordProblem = PASSWORD_PROBLEMS.includes(result.code);
        setNeedsPassword(passwordProblem);
        if (!passwordProblem) setSource(undefined);
        // Being asked for the file's passphrase is a step, not a failure: the form says so.
        if (!/NEEDS_PASS/.test(result.code)) setError(errorMessage(result.code, result.params));
        return passwordProblem;
      }
      setPreview(result);
      setSelected(new Set(result.items.filter((i) => i.status === 'new').map((i) => i.index)));
    } catch (err) {
      setError(localErrorText(err));
    } finally {
      setBusy(false);
    }
    return false;
  }

  async function onFile(file: File | undefined) {
    reset();
    if (!file) return;
    setError('');
    setFileName(file.name);
    let keepChoice = false;
    try {
      if (file.type.startsWith('image/') || IMAGE.test(file.name)) {
        const texts = await qrTextsOf(file);
        if (texts.length === 0) {
          setError(t('noQrInImage'));
          return;
        }
        keepChoice = await analyse(texts.join('\n'));
      } else {
        keepChoice = await analyse(await file.text());
      }
    } catch (err) {
      setError(t('fileUnreadable', [localErrorText(err)]));
    } finally {
      // Cleared so the same file can be chosen again; kept while its passphrase is asked for.
      if (fileRef.current && !keepChoice) fileRef.current.value = '';
    }
  }

  async function commit() {
    if (!source || !preview) return;
    setBusy(true);
    setError('');
    try {
      const result = await sendMessage('import:commit', {
        token: preview.token,
        select: [...selected],
        replace: [...replace].filter((index) => selected.has(index)),
      });
      if (!result.ok) {
        // An expired preview cannot be committed: the file has to be read again.
        if (result.code === 'IMPORT_EXPIRED') reset();
        setError(errorMessage(result.code, result.params));
        return;
      }
      reset();
      setPasted('');
      const replaced = result.replaced ?? 0;
      setDone(
        replaced > 0
          ? `${t('importedCount', result.added)} ${t('importReplacedCount', replaced, [replaced])}`
          : t('importedCount', result.added),
      );
      onImported();
      // The preview (and the focused button) is gone once this renders.
      setTimeout(focusStart);
    } catch (err) {
      setError(localErrorText(err));
    } finally {
      setBusy(false);
    }
  }

  /** Every row that can be added, or none (accounts already in Twofold are never added). */
  function selectAll(on: boolean) {
    if (!preview) return;
    setSelected(new Set(on ? preview.items.filter((i) => i.status !== 'duplicate').map((i) => i.index) : []));
  }

  function chooseReplace(index: number, on: boolean) {
    setReplace((current) => {
      const next = new Set(current);
      if (on) next.add(index);
      else next.delete(index);
      return next;
    });
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
          aria-labelledby={promptId}
          onSubmit={(e) => {
            e.preventDefault();
            void analyse(source, password);
          }}
        >
          <p id={promptId}>
            {t('filePassphrasePrompt')}
            {fileName && <> {t('chosenFile', [fileName])}</>}
          </p>
          <div class="field">
            <label for={passwordId}>{t('filePassword')}</label>
            <input
              id={passwordId}
              ref={passwordRef}
              type="password"
              autoComplete="off"
              value={password}
              required
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </div>
          <div class="row">
            <button type="submit" class="primary" disabled={busy}>
              {t('decrypt')}
            </button>
            <button type="button" onClick={cancel}>
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
          <h3>{t('previewTitle', preview.items.length, [preview.formatName, preview.items.length])}</h3>
          <p class="preview-summary">{previewSummary(preview)}</p>
          {preview.skipped.length > 0 && (
            <div class="stack">
              <h4>{t('skippedTitle')}</h4>
              <ul>
                {preview.skipped.map((s, i) => (
                  <li key={i}>
                    {skippedName(s)}: {errorMessage(s.code, s.params)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {preview.items.length > 1 && (
            <div class="row">
              <button type="button" onClick={() => selectAll(true)}>
                {t('selectAll')}
              </button>
              <button type="button" onClick={() => selectAll(false)}>
                {t('selectNone')}
              </button>
            </div>
          )}
          <ul class="preview-list" aria-label={t('previewList')}>
            {preview.items.map((item) => (
              <PreviewRow
                key={item.index}
                item={item}
                checked={selected.has(item.index)}
                replacing={replace.has(item.index)}
                onToggle={(on) => toggle(item.index, on)}
                onReplace={(on) => chooseReplace(item.index, on)}
              />
            ))}
          </ul>
          {selected.size === 0 && (
            <p id={reasonId} class="notice">
              {preview.items.some((i) => i.status !== 'duplicate')
                ? t('nothingSelectedReason')
                : t('nothingNewReason')}
            </p>
          )}
          <div class="row">
            <button
              type="button"
              class="primary"
              disabled={busy || selected.size === 0}
              aria-describedby={selected.size === 0 ? reasonId : undefined}
              onClick={() => void commit()}
            >
              {selected.size === 0 ? t('nothingToAdd') : t('addSelected', selected.size)}
            </button>
            <button type="button" onClick={cancel}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** The preview in one line, before its rows: how many of each kind, and how many left out. */
function previewSummary(preview: Ready): string {
  const count = (status: PreviewItem['status']) =>
    preview.items.filter((item) => item.status === status).length;
  return t('previewSummary', [
    count('new'),
    count('duplicate'),
    count('conflict'),
    count('repeat'),
    preview.skipped.length,
  ]);
}

/** How a skipped entry is named: its own name, else where it is in the file. */
function skippedName(entry: SkippedEntry): string {
  if (entry.name) return entry.name;
  if (entry.line !== undefined) return t('skippedLine', [entry.line]);
  if (entry.position !== undefined) return t('skippedPosition', [entry.position]);
  return t('skippedUnnamed');
}

function PreviewRow({
  item,
  checked,
  replacing,
  onToggle,
  onReplace,
}: {
  item: PreviewItem;
  checked: boolean;
  replacing: boolean;
  onToggle: (on: boolean) => void;
  onReplace: (on: boolean) => void;
}) {
  const id = useId();
  const choiceName = useId();
  const detail = [
    item.encoder === 'steam' ? 'Steam' : item.type.toUpperCase(),
    item.algorithm,
    t('digitsCount', [item.digits]),
    item.type === 'totp' ? `${item.period} s` : t('hotpCounter', [item.counter ?? 0]),
    ...(item.origin ? [item.origin] : []),
  ].join(' · ');
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
        <span class="badge">{statusText(item)}</span>
      </label>
      <small>{detail}</small>
      {item.status === 'conflict' && checked && (
        <fieldset class="conflict-choice">
          <legend class="visually-hidden">{t('conflictChoice', [accountName(item)])}</legend>
          <label>
            <input type="radio" name={choiceName} checked={!replacing} onChange={() => onReplace(false)} />
            {t('conflictKeepBoth')}
          </label>
          <label>
            <input type="radio" name={choiceName} checked={replacing} onChange={() => onReplace(true)} />
            {t('conflictReplace')}
          </label>
        </fieldset>
      )}
      {item.secretBits < WEAK_SECRET_BITS && (
        <small class="warning">{t('weakSecretRow', [item.secretBits])}</small>
      )}
    </li>
  );
}
