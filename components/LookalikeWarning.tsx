import type { RefObject } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { LookalikeWarning as Warning } from '@/lib/messaging';
import type { AccountView } from '@/lib/otp';
import { copyDecision } from './lookalike-guard';

export interface LookalikeGuard {
  warning: Warning | undefined;
  /**
   * Copies `account`'s code, unless it is the imitated site's and "Copy anyway" was not chosen.
   * Before the check answered, the copy waits for its answer.
   */
  copy: (account: AccountView) => void;
  copyAnyway: () => void;
  buttonRef: RefObject<HTMLButtonElement>;
}

/**
 * Copying a code of the imitated site's accounts on a lookalike page needs "Copy anyway": a
 * click, Enter on the row or in the search field stops, says why and moves the focus to that
 * button. Other accounts copy as usual; after "Copy anyway", so do these. `verdict` is the
 * background's (undefined until it answered, null when the page imitates nothing): a copy asked
 * before it is made once it came, or stopped.
 */
export function useLookalikeGuard(
  verdict: Warning | null | undefined,
  accounts: readonly AccountView[] | undefined,
  copy: (account: AccountView) => void,
  announce: (text: string) => void,
): LookalikeGuard {
  const warning = verdict ?? undefined;
  const [allowed, setAllowed] = useState(false);
  const [pending, setPending] = useState<string | undefined>();
  const waiting = useRef<AccountView | undefined>();
  const buttonRef = useRef<HTMLButtonElement>(null);
  function guarded(account: AccountView) {
    const decision = copyDecision(verdict, allowed, account.id);
    if (decision === 'wait') {
      waiting.current = account;
      return;
    }
    if (decision === 'copy') return copy(account);
    setPending(account.id);
    announce(t('lookalikeBlocked', [warning!.imitatedHost]));
    buttonRef.current?.focus();
  }
  // The answer came: the copy asked meanwhile is made now, or stopped (the warning is drawn by then).
  useEffect(() => {
    const account = waiting.current;
    if (verdict === undefined || !account) return;
    waiting.current = undefined;
    guarded(account);
  }, [verdict]);
  return {
    warning,
    buttonRef,
    copy: guarded,
    copyAnyway: () => {
      setAllowed(true);
      const ids = warning?.accountIds ?? [];
      // The code the user tried to copy; with none tried, the imitated site's first one.
      const target =
        accounts?.find((a) => a.id === pending) ??
        accounts?.find((a) => ids.includes(a.id) && a.code !== undefined);
      setPending(undefined);
      if (target) copy(target);
    },
  };
}

/**
 * "Not the site you enrolled on": both hosts written out, announced once (role="alert"), and,
 * in the popup, the one way to copy the imitated site's code here anyway.
 */
export function LookalikeWarning({
  warning,
  guard,
}: {
  warning: Warning;
  /** Absent in the unlock window, which shows no codes. */
  guard?: LookalikeGuard;
}) {
  const titleId = useId();
  const textId = useId();
  return (
    <section class="warning stack lookalike" aria-labelledby={titleId} data-role="lookalike">
      <div role="alert">
        <h2 id={titleId}>{t('lookalikeTitle')}</h2>
        <p id={textId}>{t('lookalikeText', [warning.pageHost, warning.imitatedHost])}</p>
      </div>
      {guard && (
        <>
          <p>{t('lookalikeCopyHint', [warning.imitatedHost])}</p>
          <div class="row">
            <button type="button" ref={guard.buttonRef} aria-describedby={textId} onClick={guard.copyAnyway}>
              {t('lookalikeCopyAnyway')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
