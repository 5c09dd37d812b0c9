import { useEffect, useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { ClockSiteStatus } from '@/lib/protocol/clock';
import { errorText } from '../useSubmit';

function offsetText(site: ClockSiteStatus): string {
  if (site.offsetMs === undefined || site.verdict === undefined) return t('clockNotMeasured');
  const seconds = String(Math.round(Math.abs(site.offsetMs) / 1000));
  if (site.verdict === 'ok') return t('clockInTime');
  if (site.verdict === 'out-of-bounds') return t('clockOffsetTooFar', [seconds]);
  return t(site.offsetMs > 0 ? 'clockOffsetSlow' : 'clockOffsetFast', [seconds]);
}

/**
 * The clock check: turn it off, check the enrolled sites now (requests go to those
 * sites only), and set an offset by hand for a site Twofold cannot reach.
 */
export function ClockSection() {
  const [enabled, setEnabled] = useState(true);
  const [sites, setSites] = useState<ClockSiteStatus[] | undefined>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const switchId = useId();

  const apply = (report: { enabled: boolean; sites: ClockSiteStatus[] }) => {
    setEnabled(report.enabled);
    setSites(report.sites);
  };
  useEffect(() => {
    void sendMessage('clock:status').then(apply, () => setSites([]));
  }, []);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    try {
      await action();
      apply(await sendMessage('clock:status'));
      setStatus('');
    } catch (err) {
      setStatus(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card stack" aria-labelledby={headingId} data-testid="clock-section">
      <h2 id={headingId}>{t('clockTitle')}</h2>
      <p>{t('clockIntro')}</p>
      <label class="row" for={switchId}>
        <input
          id={switchId}
          type="checkbox"
          role="switch"
          checked={enabled}
          onChange={(event) => {
            const next = event.currentTarget.checked;
            void run(() => sendMessage('clock:setEnabled', { enabled: next }));
          }}
        />
        {t('clockCheckEnabled')}
      </label>
      <button
        type="button"
        disabled={busy || !enabled}
        onClick={() =>
          void run(async () => {
            apply(await sendMessage('clock:check'));
          })
        }
      >
        {t('clockCheckNow')}
      </button>
      {sites === undefined ? (
        <p>{t('loading')}</p>
      ) : sites.length === 0 ? (
        <p class="empty">{t('clockNoSites')}</p>
      ) : (
        <ul class="sites" aria-label={t('clockTitle')}>
          {sites.map((site) => (
            <ClockSite
              key={site.origin}
              site={site}
              onManual={(seconds) =>
                run(() => sendMessage('clock:setManual', { origin: site.origin, seconds }))
              }
            />
          ))}
        </ul>
      )}
      <p role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}

function ClockSite({
  site,
  onManual,
}: {
  site: ClockSiteStatus;
  onManual: (seconds: number | null) => Promise<void>;
}) {
  const inputId = useId();
  const [value, setValue] = useState(site.manualMs === undefined ? '' : String(site.manualMs / 1000));
  return (
    <li class="stack">
      <span>
        <span class="site-origin">{site.origin}</span>: <span class="clock-offset">{offsetText(site)}</span>
      </span>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          const seconds = value.trim() === '' ? null : Math.round(Number(value));
          if (seconds !== null && !Number.isFinite(seconds)) return;
          void onManual(seconds);
        }}
      >
        <label for={inputId}>{t('clockManualLabel', [new URL(site.origin).host])}</label>
        <input
          id={inputId}
          type="number"
          step={1}
          min={-900}
          max={900}
          value={value}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
        <button type="submit">{t('clockManualSave')}</button>
      </form>
    </li>
  );
}
