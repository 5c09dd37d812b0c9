import { useEffect, useState } from 'preact/hooks';
import { accountName } from '@/lib/otp';
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

  async function save(offerId: string) {
    const result = await sendMessage('scan:save', { offerId });
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
  const fresh = outcome.offer.accounts.filter((a) => a.status !== 'duplicate');
  return (
    <div class="scan-result stack" role="group" aria-label={t('scanFound')}>
      {fresh.length === 0 ? (
        <p role="status">{t('promptAlreadySaved', accountName(outcome.offer.accounts[0]!))}</p>
      ) : (
        <>
          <p role="status">
            {fresh.length > 1
              ? t('promptSaveMany', String(fresh.length))
              : t(
                  fresh[0]!.status === 'conflict' ? 'promptReplace' : 'promptSaveOne',
                  accountName(fresh[0]!),
                )}
          </p>
          <button type="button" class="primary" onClick={() => void save(outcome.offer.offerId)}>
            {t('saveToTwofold')}
          </button>
        </>
      )}
    </div>
  );
}
