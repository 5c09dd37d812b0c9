import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import QRCode from 'qrcode';
import { accountName, toOtpauthUri, type StoredAccount } from '@/lib/otp';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import {
  exportMigrationUris,
  exportOtpauthList,
  migrationIncompatible,
  splitExportable,
  type LeftOutAccount,
} from '@/lib/transfer/export';
import { errorText } from '../useSubmit';
import { downloadText } from './download';
import { LeftOutNotice } from './LeftOutNotice';

type View = 'none' | 'list' | 'qr' | 'migration';

/**
 * Exports in clear, behind a warning and a consent box: the otpauth URI list, one QR code
 * per account, and Google Authenticator's "Transfer accounts" codes (to move them to a phone
 * app). Secrets reach this page only here, on request.
 */
export function PlainExportSection() {
  const [consent, setConsent] = useState(false);
  const [view, setView] = useState<View>('none');
  const [accounts, setAccounts] = useState<StoredAccount[]>([]);
  const [leftOut, setLeftOut] = useState<LeftOutAccount[]>([]);
  const [error, setError] = useState('');
  const headingId = useId();
  const consentId = useId();
  const warningId = useId();

  async function show(next: View) {
    setError('');
    try {
      // An account that cannot make a code is named with why; the others are still exported.
      const { usable, leftOut: left } = splitExportable(await sendMessage('export:accounts'));
      setAccounts(usable);
      setLeftOut(left);
      setView(next);
    } catch (err) {
      setError(errorText(err));
    }
  }

  function hide() {
    setAccounts([]);
    setLeftOut([]);
    setView('none');
  }

  return (
    <section class="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sectionExport')}</h2>
      <p class="warning" id={warningId}>
        {t('exportWarning')}
      </p>
      <div class="check">
        <input
          id={consentId}
          type="checkbox"
          checked={consent}
          aria-describedby={warningId}
          onChange={(e) => {
            setConsent(e.currentTarget.checked);
            if (!e.currentTarget.checked) hide();
          }}
        />
        <label for={consentId}>{t('exportConsent')}</label>
      </div>
      <div class="row">
        <button type="button" disabled={!consent} onClick={() => void show('list')}>
          {t('showUriList')}
        </button>
        <button type="button" disabled={!consent} onClick={() => void show('qr')}>
          {t('showQrCodes')}
        </button>
        <button type="button" disabled={!consent} onClick={() => void show('migration')}>
          {t('showTransferCodes')}
        </button>
        {view !== 'none' && (
          <button type="button" onClick={hide}>
            {t('hide')}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {view !== 'none' && <LeftOutNotice heading={t('exportLeftOut')} accounts={leftOut} />}
      {view === 'list' && <UriList accounts={accounts} />}
      {view === 'qr' && <QrCodes accounts={accounts} />}
      {view === 'migration' && <TransferCodes accounts={accounts} />}
    </section>
  );
}

function UriList({ accounts }: { accounts: StoredAccount[] }) {
  const id = useId();
  const text = exportOtpauthList(accounts);
  if (accounts.length === 0) return <p class="empty">{t('nothingToExport')}</p>;
  return (
    <div class="stack">
      <div class="field">
        <label for={id}>{t('exportedUris')}</label>
        <textarea id={id} readOnly rows={Math.min(10, accounts.length + 1)} spellcheck={false} value={text} />
      </div>
      <div class="row">
        <button type="button" onClick={() => downloadText(text, 'twofold-otpauth-uris.txt', 'text/plain')}>
          {t('downloadText')}
        </button>
      </div>
    </div>
  );
}

function QrCodes({ accounts }: { accounts: StoredAccount[] }) {
  const [index, setIndex] = useState(0);
  const canvas = useRef<HTMLCanvasElement>(null);
  const account = accounts[index];
  useEffect(() => {
    if (!account || !canvas.current) return;
    void QRCode.toCanvas(canvas.current, toOtpauthUri(account), {
      errorCorrectionLevel: 'M',
      margin: 4,
      width: 264,
      color: { dark: '#000000', light: '#ffffff' },
    });
  }, [account]);
  if (!account) return <p class="empty">{t('nothingToExport')}</p>;
  const name = accountName(account);
  return (
    <div class="stack qr-export">
      <p class="warning">{t('qrWarning')}</p>
      <figure class="qr-figure">
        <canvas ref={canvas} role="img" aria-label={t('qrOf', [name])} />
        <figcaption>
          <strong>{name}</strong> — {t('qrPosition', [String(index + 1), String(accounts.length)])}
        </figcaption>
      </figure>
      <div class="row">
        <button type="button" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          {t('previous')}
        </button>
        <button type="button" disabled={index >= accounts.length - 1} onClick={() => setIndex(index + 1)}>
          {t('next')}
        </button>
      </div>
    </div>
  );
}

/**
 * Google Authenticator's batch export: up to 10 accounts per QR code, read by its "Import
 * accounts" scanner one after the other. Accounts it cannot hold are named, not dropped silently.
 */
function TransferCodes({ accounts }: { accounts: StoredAccount[] }) {
  const [index, setIndex] = useState(0);
  const canvas = useRef<HTMLCanvasElement>(null);
  const { uris, left } = useMemo(() => {
    const fits = accounts.filter((a) => migrationIncompatible([a]).length === 0);
    return { uris: exportMigrationUris(fits), left: accounts.filter((a) => !fits.includes(a)) };
  }, [accounts]);
  const uri = uris[index];
  useEffect(() => {
    if (!uri || !canvas.current) return;
    // Whole pixels per module: a batch of ten is a dense code, and phones read it better so.
    void QRCode.toCanvas(canvas.current, uri, {
      errorCorrectionLevel: 'M',
      margin: 4,
      scale: 4,
      color: { dark: '#000000', light: '#ffffff' },
    });
  }, [uri]);
  return (
    <div class="stack qr-export">
      <p class="warning">{t('qrWarning')}</p>
      <p>{t('transferHow')}</p>
      {left.length > 0 && (
        <div class="notice stack">
          <p>{t('transferLeftOut')}</p>
          <ul>
            {left.map((a) => (
              <li key={a.id}>{accountName(a)}</li>
            ))}
          </ul>
        </div>
      )}
      {uri ? (
        <>
          <figure class="qr-figure">
            <canvas
              ref={canvas}
              role="img"
              aria-label={t('transferQrOf', [String(index + 1), String(uris.length)])}
            />
            <figcaption>{t('qrPosition', [String(index + 1), String(uris.length)])}</figcaption>
          </figure>
          <div class="row">
            <button type="button" disabled={index === 0} onClick={() => setIndex(index - 1)}>
              {t('previous')}
            </button>
            <button type="button" disabled={index >= uris.length - 1} onClick={() => setIndex(index + 1)}>
              {t('next')}
            </button>
          </div>
        </>
      ) : (
        <p class="empty">{t('nothingToExport')}</p>
      )}
    </div>
  );
}
