import { accountName } from '../account-name';
import { findQrCandidates } from '../capture/candidates';
import { fillTarget, userEdited } from '../autofill/fill';
import { targetInputs, type OtpTarget } from '../autofill/types';
import { watchForTargets } from '../autofill/watch';
import type { AutofillReply } from '../messaging';
import type { ContentContext } from './context';
import { watchForWrongCode } from './wrong-code';

/** A code with less time left than this would expire before the user submits: wait for the next. */
export const MIN_REMAINING_MS = 3000;

export interface AutofillDeps extends ContentContext {
  now?: () => number;
  /** The M2Mmanager preset: the page's SMS path gets a hint about the app method. */
  isPreset: boolean;
}

const REMEMBER_LABEL = /remember this device|se souvenir de cet appareil|mémoriser cet appareil/i;
const USERNAME_FIELD = /user|e-?mail|login|identifiant|courriel/i;

/**
 * Fills one-time-code fields on the sites Twofold runs on: as soon as a field
 * appears, with a code the background chose for this frame's origin, refreshed
 * when it expires unless the user typed in the field.
 */
export function startAutofill(deps: AutofillDeps): () => void {
  const { doc, win, send, t } = deps;
  const now = deps.now ?? (() => Date.now());
  const prompt = deps.prompt;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let active: OtpTarget | undefined;
  let filled: { code: string; accountId: string } | undefined;
  let smsHintShown = false;
  let stopWrongCode = () => {};

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  const connected = (target: OtpTarget) => targetInputs(target).every((input) => input.isConnected);

  async function request(accountId?: string, next = false): Promise<void> {
    const target = active;
    if (!target || !connected(target)) return;
    const reply = await send('autofill:code', {
      ...(accountId ? { accountId } : {}),
      ...(next ? { next } : {}),
    });
    if (target !== active) return;
    await settle(target, reply);
  }

  async function settle(target: OtpTarget, reply: AutofillReply): Promise<void> {
    switch (reply.status) {
      case 'none':
        return;
      case 'locked':
        prompt.show({
          message: t('promptUnlockToFill'),
          buttons: [
            { label: t('unlockTwofold'), primary: true, action: () => void send('vault:openUnlock') },
          ],
        });
        return;
      case 'wait':
        later(Math.max(0, reply.retryAt - now()) + 150, () => void request(reply.accountId));
        return;
      case 'choose':
        prompt.show({
          message: t('promptChooseAccount'),
          buttons: reply.choices.map((choice) => ({
            label: accountName(choice),
            action: () => {
              prompt.remove();
              void request(choice.id);
            },
          })),
        });
        return;
      case 'code': {
        const left = reply.expiresAt === undefined ? Infinity : reply.expiresAt - now();
        if (left < MIN_REMAINING_MS) {
          // Too close to expiry: the next period's code is only a moment away.
          later(left + 150, () => void request(reply.accountId));
          return;
        }
        // Never overwrite what the user typed since our last fill.
        if (filled && userEdited(target, filled.code)) return;
        if (!filled && targetInputs(target).some((input) => input.value !== '')) return;
        if (!(await fillTarget(target, reply.code, win))) return;
        filled = { code: reply.code, accountId: reply.accountId };
        prompt.remove();
        if (reply.rememberDevice) tickRememberDevice(doc, win);
        if (reply.expiresAt !== undefined) later(left + 150, () => void refresh(target));
      }
    }
  }

  /** The filled code expired before submit: put the new one in, unless the user edited the field. */
  async function refresh(target: OtpTarget): Promise<void> {
    if (target !== active || !filled || !connected(target) || userEdited(target, filled.code)) return;
    await request(filled.accountId);
  }

  /** The page refused a code: offer the next period's, and name the likely cause when a skew was measured. */
  async function offerNextCode(): Promise<void> {
    const skew = await send('clock:skew').catch(() => null);
    const cause = skew ? ` ${t('wrongCodeSkew', String(Math.abs(skew.seconds)))}` : '';
    prompt.show({
      message: `${t('wrongCodeRefused')}${cause}`,
      buttons: [
        {
          label: t('wrongCodeNext'),
          primary: true,
          action: () => {
            prompt.remove();
            void request(filled?.accountId, true);
          },
        },
        { label: t('close'), action: () => prompt.remove() },
      ],
    });
  }

  function consider(targets: OtpTarget[]): void {
    const target = targets.find((candidate) => !candidate.sms);
    if (!target) {
      if (deps.isPreset && !smsHintShown && targets.some((candidate) => candidate.sms)) {
        smsHintShown = true;
        prompt.show({
          message: t('smsHint'),
          buttons: [{ label: t('close'), action: () => prompt.remove() }],
          autoHideMs: 15000,
        });
      }
      return;
    }
    if (active && connected(active)) return;
    // An enrolment pop-up (a QR code beside the field) gets the new account's code
    // from the QR capture after "Save to Twofold", never an older account's.
    if (isEnrolment(target, win)) return;
    active = target;
    filled = undefined;
    // A wrong-code alert beside this field (now or later) offers the next code.
    stopWrongCode();
    stopWrongCode = watchForWrongCode(doc, win, () => {
      if (target === active && connected(target)) void offerNextCode();
    });
    void request();
  }

  // Also reports the fields already on the page (its initial scan).
  const stopWatching = watchForTargets(doc, win, (targets) => consider(targets));
  const stopUnlocked = deps.onMessage('vault:unlocked', () => {
    if (active && !filled) void request();
  });
  const onChange = (event: Event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !event.isTrusted) return;
    const hints = `${input.type} ${input.name} ${input.id} ${input.autocomplete}`;
    if ((input.type === 'email' || USERNAME_FIELD.test(hints)) && input.value.trim()) {
      void send('autofill:username', { username: input.value });
    }
  };
  doc.addEventListener('change', onChange, true);

  return () => {
    stopWatching();
    stopWrongCode();
    stopUnlocked();
    doc.removeEventListener('change', onChange, true);
    timers.forEach(clearTimeout);
    prompt.remove();
  };
}

function isEnrolment(target: OtpTarget, win: Window): boolean {
  const input = targetInputs(target)[0];
  // The pop-up first: its code field often sits in a form of its own, beside the QR code.
  const scope = input?.closest('dialog, [role="dialog"], [aria-modal="true"]') ?? input?.closest('form');
  return scope ? findQrCandidates(scope, win).length > 0 : false;
}

/** The setting "Tick 'Remember this device for 30 days'": find that box by its label and tick it. */
function tickRememberDevice(doc: Document, win: Window): void {
  for (const box of doc.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    const label =
      [...(box.labels ?? [])].map((l) => l.textContent ?? '').join(' ') +
      (box.getAttribute('aria-label') ?? '');
    if (!REMEMBER_LABEL.test(label) || box.checked || box.disabled) continue;
    box.click();
    if (!box.checked) {
      box.checked = true;
      box.dispatchEvent(new (win as Window & typeof globalThis).Event('change', { bubbles: true }));
    }
  }
}
