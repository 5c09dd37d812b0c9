import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { AccountProblem, AccountView } from '@/lib/otp/account';
// Not the '@/lib/otp' barrel: it would bring otpauth (codes are made in the background) into the popup.
import { accountName } from '@/lib/otp/names';
import { groupDigits } from './format-code';
import { errorMessage, t } from '@/lib/i18n';
import { ClockShiftMark } from './ClockShiftMark';
import { CountdownRing } from './CountdownRing';
import { SiteIcon } from './SiteIcon';
import { errorText } from './useSubmit';

export type RowMode = 'idle' | 'actions' | 'edit' | 'confirm';

export interface AccountEdit {
  issuer: string;
  label: string;
  website: string;
}

export interface RowActions {
  copy: (account: AccountView) => void;
  setMode: (account: AccountView, mode: RowMode) => void;
  togglePin: (account: AccountView) => void;
  move: (account: AccountView, delta: -1 | 1) => void;
  /** Save the edit form: names and the autofill website ('' unbinds). */
  edit: (account: AccountView, changes: AccountEdit) => Promise<void>;
  remove: (account: AccountView) => void;
  nextHotp: (account: AccountView) => void;
  restoreKey: (account: AccountView) => void;
}

interface Props {
  account: AccountView;
  now: number;
  mode: RowMode;
  copied: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** In the Tab order (the list's current row); the others are reached with the arrow keys. */
  tabbable?: boolean;
  /** Shows a drag handle (mouse and touch; the keyboard has Move up/down). */
  draggable?: boolean;
  actions: RowActions;
}

/**
 * One account: names, the code (a button: click or Enter copies it), the countdown, and its
 * actions behind a disclosure button (pin, move, edit, delete with an in-row confirmation).
 */
export function CodeRow({
  account,
  now,
  mode,
  copied,
  canMoveUp,
  canMoveDown,
  tabbable = true,
  draggable = false,
  actions,
}: Props) {
  if (account.problem) {
    return (
      <ProblemRow
        account={account}
        problem={account.problem}
        mode={mode}
        tabbable={tabbable}
        actions={actions}
      />
    );
  }
  const name = accountName(account);
  const digits = groupDigits(account.code);
  const remaining =
    account.expiresAt === undefined ? undefined : Math.max(0, Math.ceil((account.expiresAt - now) / 1000));
  const open = mode !== 'idle';
  const tabIndex = tabbable || open ? 0 : -1;
  const shiftId = `clock-shift-${account.id}`;
  return (
    <li
      class={`account${copied ? ' copied' : ''}${account.pinned ? ' pinned' : ''}`}
      data-account-id={account.id}
    >
      <div class={`account-main${draggable ? ' sortable' : ''}`}>
        {draggable && (
          <span class="drag-handle" data-role="drag" draggable aria-hidden="true" title={t('dragToReorder')}>
            ⠿
          </span>
        )}
        <SiteIcon account={account} />
        <div class="account-names" title={name} onClick={() => actions.copy(account)}>
          <span class="issuer">
            {account.pinned && (
              <span class="pin-mark" aria-hidden="true">
                ★{' '}
              </span>
            )}
            {account.issuer || accountName(account)}
          </span>
          {account.issuer && account.label && <span class="label">{account.label}</span>}
        </div>
        <button
          type="button"
          class="code"
          tabIndex={tabIndex}
          aria-label={t('codeCopyLabel', [name, digits])}
          aria-describedby={account.clockShiftMs ? shiftId : undefined}
          onClick={() => actions.copy(account)}
        >
          {digits}
        </button>
        {remaining !== undefined ? (
          <CountdownRing remaining={remaining} period={account.period} />
        ) : (
          <button
            type="button"
            class="icon-button"
            tabIndex={tabIndex}
            aria-label={t('nextCodeFor', [name])}
            title={t('nextCode')}
            onClick={() => actions.nextHotp(account)}
          >
            ↻
          </button>
        )}
        <button
          type="button"
          class="icon-button"
          tabIndex={tabIndex}
          aria-label={t('actionsFor', [name])}
          aria-expanded={open}
          data-role="actions"
          onClick={() => actions.setMode(account, open ? 'idle' : 'actions')}
        >
          ⋯
        </button>
      </div>
      <ClockShiftMark shiftMs={account.clockShiftMs} id={shiftId} />
      {account.keyReplacedAt !== undefined && (
        <p class="key-replaced">
          <small>{t('keyReplacedOn', [new Date(account.keyReplacedAt).toLocaleDateString()])}</small>{' '}
          <button
            type="button"
            class="link"
            tabIndex={tabIndex}
            aria-label={t('undoKeyReplaceLabel', [name])}
            onClick={() => actions.restoreKey(account)}
          >
            {t('undoKeyReplace')}
          </button>
        </p>
      )}
      {mode === 'actions' && (
        <div class="row-actions" role="group" aria-label={t('actionsFor', [name])}>
          <button type="button" aria-pressed={account.pinned} onClick={() => actions.togglePin(account)}>
            {account.pinned ? t('unpin') : t('pin')}
          </button>
          <button
            type="button"
            data-role="move-up"
            disabled={!canMoveUp}
            onClick={() => actions.move(account, -1)}
          >
            {t('moveUp')}
          </button>
          <button
            type="button"
            data-role="move-down"
            disabled={!canMoveDown}
            onClick={() => actions.move(account, 1)}
          >
            {t('moveDown')}
          </button>
          <button type="button" onClick={() => actions.setMode(account, 'edit')}>
            {t('edit')}
          </button>
          <button type="button" class="danger" onClick={() => actions.setMode(account, 'confirm')}>
            {t('delete')}
          </button>
        </div>
      )}
      {mode === 'edit' && <EditForm account={account} actions={actions} />}
      {mode === 'confirm' && <ConfirmDelete account={account} actions={actions} />}
    </li>
  );
}

/**
 * An account that cannot make a code: its names, what is wrong in the user's language, and
 * Delete (with the same in-row confirmation). Focus comes back to Delete when it is cancelled.
 */
function ProblemRow({
  account,
  problem,
  mode,
  tabbable,
  actions,
}: {
  account: AccountView;
  problem: AccountProblem;
  mode: RowMode;
  tabbable: boolean;
  actions: RowActions;
}) {
  const name = accountName(account);
  const reasonId = useId();
  const confirming = mode === 'confirm';
  return (
    <li class={`account problem${account.pinned ? ' pinned' : ''}`} data-account-id={account.id}>
      <div class="account-main">
        <SiteIcon account={account} />
        <div class="account-names" title={name}>
          <span class="issuer">{account.issuer || name}</span>
          {account.issuer && account.label && <span class="label">{account.label}</span>}
          <span class="account-problem" id={reasonId}>
            {t('accountNoCode', [errorMessage(problem.code, problem.params)])}
          </span>
        </div>
        <button
          type="button"
          class="danger"
          data-role="actions"
          aria-label={t('deleteAccountLabel', [name])}
          aria-describedby={reasonId}
          aria-expanded={confirming}
          tabIndex={tabbable || confirming ? 0 : -1}
          onClick={() => actions.setMode(account, confirming ? 'idle' : 'confirm')}
        >
          {t('delete')}
        </button>
      </div>
      {confirming && <ConfirmDelete account={account} actions={actions} />}
    </li>
  );
}

function EditForm({ account, actions }: { account: AccountView; actions: RowActions }) {
  const [issuer, setIssuer] = useState(account.issuer);
  const [label, setLabel] = useState(account.label);
  const [website, setWebsite] = useState(account.origin ?? '');
  const [error, setError] = useState('');
  const issuerId = useId();
  const labelId = useId();
  const websiteId = useId();
  const websiteHint = useId();
  const errorId = useId();
  const first = useRef<HTMLInputElement>(null);
  // Focus on open, every time (the autofocus attribute works once per page only).
  useEffect(() => first.current?.focus(), []);

  async function submit(event: Event) {
    event.preventDefault();
    setError('');
    try {
      await actions.edit(account, { issuer, label, website });
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <form class="row-form stack" onSubmit={submit} aria-label={t('editAccount', [accountName(account)])}>
      <div class="field">
        <label for={issuerId}>{t('issuer')}</label>
        <input id={issuerId} ref={first} value={issuer} onInput={(e) => setIssuer(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={labelId}>{t('accountName')}</label>
        <input id={labelId} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={websiteId}>{t('website')}</label>
        <input
          id={websiteId}
          value={website}
          inputMode="url"
          spellcheck={false}
          placeholder="example.com"
          aria-describedby={error ? `${errorId} ${websiteHint}` : websiteHint}
          aria-invalid={error ? true : undefined}
          onInput={(e) => setWebsite(e.currentTarget.value)}
        />
        <small id={websiteHint}>{t('websiteEditHint')}</small>
      </div>
      {error && (
        <p role="alert" class="error" id={errorId}>
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary">
          {t('save')}
        </button>
        <button type="button" onClick={() => actions.setMode(account, 'actions')}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function ConfirmDelete({ account, actions }: { account: AccountView; actions: RowActions }) {
  const textId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      class="row-form confirm stack"
      role="alertdialog"
      aria-label={t('deleteAccountTitle')}
      aria-describedby={textId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') actions.setMode(account, 'actions');
      }}
    >
      <p id={textId}>{t('confirmDelete', [accountName(account)])}</p>
      <div class="row">
        <button type="button" class="danger-solid" onClick={() => actions.remove(account)}>
          {t('deleteForGood')}
        </button>
        <button type="button" ref={cancel} onClick={() => actions.setMode(account, 'actions')}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
