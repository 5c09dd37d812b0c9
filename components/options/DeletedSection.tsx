import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { accountName, type DeletedAccountView } from '@/lib/otp';
import { errorText } from '../useSubmit';

/**
 * Settings › Recently deleted: the accounts deleted in the last 30 days (names and dates; their
 * secrets stay in the background), each with Restore and "Delete now" (confirmed in place first).
 */
export function DeletedSection({ version, onChange }: { version: number; onChange?: () => void }) {
  const [deleted, setDeleted] = useState<DeletedAccountView[] | undefined>();
  const [confirming, setConfirming] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const focusAfter = useRef<number | undefined>();

  function refresh() {
    void sendMessage('deleted:list').then(setDeleted, (err: unknown) => {
      setDeleted([]);
      setStatus(errorText(err));
    });
  }
  useEffect(refresh, [version]);

  // A row gone (restored or deleted): focus the next row's Restore, else the heading.
  useEffect(() => {
    const index = focusAfter.current;
    if (index === undefined) return;
    focusAfter.current = undefined;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-role="restore"]') ?? [];
    const next = buttons[Math.min(index, buttons.length - 1)];
    if (next) next.focus();
    else heading.current?.focus();
  }, [deleted]);

  function forgetButton(index: number): HTMLButtonElement | undefined {
    return listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-role="forget"]')[index];
  }

  async function act(entry: DeletedAccountView, index: number, action: 'restore' | 'forget') {
    try {
      await sendMessage(action === 'restore' ? 'deleted:restore' : 'deleted:forget', { id: entry.id });
      setStatus(t(action === 'restore' ? 'accountRestored' : 'accountForgotten', [accountName(entry)]));
      onChange?.();
    } catch (err) {
      setStatus(errorText(err));
    }
    setConfirming(undefined);
    focusAfter.current = index;
    refresh();
  }

  return (
    <section class="card stack" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('sectionDeleted')}
      </h2>
      <p>{t('deletedIntro')}</p>
      {deleted === undefined ? (
        <p>{t('loading')}</p>
      ) : deleted.length === 0 ? (
        <p class="empty">{t('deletedEmpty')}</p>
      ) : (
        <ul class="sites deleted" aria-labelledby={headingId} ref={listRef}>
          {deleted.map((entry, index) => {
            const name = accountName(entry);
            return (
              <li key={entry.id}>
                <span class="site-origin">{name}</span>
                {entry.origin && <small>{entry.origin}</small>}
                <small>
                  {t('deletedOn', [
                    new Date(entry.deletedAt).toLocaleDateString(),
                    new Date(entry.purgeAt).toLocaleDateString(),
                  ])}
                </small>
                <div class="row">
                  <button
                    type="button"
                    data-role="restore"
                    aria-label={t('restoreDeletedLabel', [name])}
                    onClick={() => void act(entry, index, 'restore')}
                  >
                    {t('restoreDeleted')}
                  </button>
                  <button
                    type="button"
                    class="danger"
                    data-role="forget"
                    aria-label={t('forgetDeletedLabel', [name])}
                    aria-expanded={confirming === entry.id}
                    onClick={() => setConfirming(confirming === entry.id ? undefined : entry.id)}
                  >
                    {t('forgetDeleted')}
                  </button>
                </div>
                {confirming === entry.id && (
                  <ConfirmForget
                    name={name}
                    onConfirm={() => void act(entry, index, 'forget')}
                    onCancel={() => {
                      setConfirming(undefined);
                      forgetButton(index)?.focus();
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}

/** The in-place confirmation of "Delete now" (no native dialog): Cancel has the focus, Escape cancels. */
function ConfirmForget({
  name,
  onConfirm,
  onCancel,
}: {
  name: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const textId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      class="confirm stack"
      role="alertdialog"
      aria-label={t('forgetTitle')}
      aria-describedby={textId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p id={textId}>{t('confirmForget', [name])}</p>
      <div class="row">
        <button type="button" class="danger-solid" onClick={onConfirm}>
          {t('deleteForGood')}
        </button>
        <button type="button" ref={cancel} onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
