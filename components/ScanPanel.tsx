import { useEffect, useState } from 'preact/hooks';
import { accountName } from '@/lib/otp/names';
import { t, type MessageKey } from '@/lib/i18n';
import { sendMessage, type ScanOutcome } from '@/lib/messaging';

const MESSAGES: Record<Exclude<ScanOutcome, { offer: unknown }>['message'], MessageKey> = {
  noQr: 'scanNoQr',
  notOtp: 'promptNotOtp',
  noAccess: 'scanNoAccess',
  invalid: 'promptNotOtp',
};

interface Props {
  /** Run a scan now (the user clicked "Scan QR code on this page"). */
  request: number;
  onSaved: () => void;
}

/**
 * "Scan QR code on this page" and its result. On open it also finishes a scan a
 * page asked for (a QR code the page would not let Twofold read directly).
 */
export function ScanPanel({ request, onSaved }: Props) {
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void sendMessage('scan:pending').then((pending) => pending && setOutcome(pending));
  }, []);

  useEffect(() => {
    if (request === 0) return;
    setBusy(true);
    setSaved('');
    void sendMessage('scan:activeTab')
      .then(setOutcome)
      .finally(() => setBusy(false));
  }, [request]);

  async function save(offerId: string, choice: { replace?: boolean; confirmFrame?: boolean } = {}) {
    const result = await sendMessage('scan:save', { offerId, ...choice });
    if (result.status === 'saved') {
      setSaved(t('promptSavedNoFill'));
      setOutcome(null);
      onSaved();
    } else setSaved(t(result.status === 'locked' ? 'promptLocked' : 'promptExpired'));
  }

  if (busy) return <p role="status">{t('scanning')}</p>;
  if (saved) return <p role="status">{saved}</p>;
  if (!outcome) return null;
  if ('message' in outcome) {
    return (
      <p role="alert" class="error">
        {outcome.detail ?? t(MESSAGES[outcome.message])}
      </p>
    );
  }
  const { offer } = outcome;
  const fresh = offer.accounts.filter((a) => a.status === 'new');
  const conflicts = offer.accounts.filter((a) => a.status === 'conflict');
  let question: string;
  let action: { label: string; choice: { replace?: boolean; confirmFrame?: boolean } } | undefined;
  if (fresh.length === 0 && conflicts.length === 0) {
    question = t('promptAlreadySaved', [accountName(offer.accounts[0]!)]);
  } else if (fresh.length === 0) {
    // Only the user, here in Twofold, may replace a saved key; the old one stays for undo.
    question = t('scanConflict', [accountName(conflicts[0]!)]);
    action = { label: t('replaceSavedKey'), choice: { replace: true } };
  } else {
    question =
      fresh.length > 1 ? t('promptSaveMany', fresh.length) : t('promptSaveOne', [accountName(fresh[0]!)]);
    action = { label: t('saveToTwofold'), choice: {} };
  }
  if (action && offer.foundIn) {
    action = { label: t('saveAnyway'), choice: { ...action.choice, confirmFrame: true } };
  }
  return (
    <div class="scan-result stack" role="group" aria-label={t('scanFound')}>
      <p role="status">{question}</p>
      {action && offer.foundIn && (
        <p role="alert" class="warning">
          {t('scanFoundInFrame', [offer.foundIn, offer.origin])}
        </p>
      )}
      {action && <small>{t('scanBindsTo', [offer.origin])}</small>}
      {action && (
        <button type="button" class="primary" onClick={() => void save(offer.offerId, action.choice)}>
          {action.label}
        </button>
      )}
    </div>
  );
}
