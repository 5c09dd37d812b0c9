import { useEffect, useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { ClockSiteStatus } from '@/lib/protocol/clock';
import { clockReading } from '@/lib/clock/reading';
import type { ClockCheckPolicy } from '@/lib/policy/reader';
import { ManagedNote } from '../ManagedNote';
import { errorText } from '../useSubmit';

/** The measure in words, and the manual offset when one is set (it is what codes use then). */
function offsetText(site: ClockSiteStatus): string {
  const reading = clockReading(site.offsetMs, site.verdict);
  const measured = site.untrusted
    ? t('clockUntrusted')
    : site.held && site.offsetMs !== undefined
      ? // Measured but not used: "codes adjusted" would not be true.
        t(site.held === 'pending' ? 'clockHeldPending' : 'clockHeldDeclined', [
          Math.round(Math.abs(site.offsetMs) / 1000),
        ])
      : reading.kind === 'unmeasured'
        ? t('clockNotMeasured')
        : reading.kind === 'in-time'
          ? t('clockInTime')
          : reading.kind === 'too-far'
            ? t('clockOffsetTooFar', [reading.seconds])
            : reading.kind === 'within'
              ? t(reading.direction === 'slow' ? 'clockWithinSlow' : 'clockWithinFast', [reading.seconds])
              : t(reading.direction === 'slow' ? 'clockOffsetSlow' : 'clockOffsetFast', [reading.seconds]);
  if (site.manualMs === undefined) return measured;
  return `${measured} · ${t('clockManualApplied', [site.manualMs / 1000])}`;
}

const MANUAL_LIMIT_S = 900;

/**
 * The clock check: turn it off, check the enrolled sites now (requests go to those
 * sites only), and set an offset by hand for a site Twofold cannot reach.
 */
export function ClockSection({ policy }: { policy?: ClockCheckPolicy }) {
  const [enabled, setEnabled] = useState(true);
  // "on" or "off" from the organisation: the switch shows it and cannot be moved.
  const fixed = policy === 'on' || policy === 'off';
  const managedId = useId();
  const [sites, setSites] = useState<ClockSiteStatus[] | undefined>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const switchId = useId();

  const apply = (report: { enabled: boolean; sites: ClockSiteStatus[] }) => {
    setEnabled(report.enabled);
    setSites(report.sites);
  };
  // Read again when the organisation's policy changes: lifting it shows the user's own choice.
  useEffect(() => {
    void sendMessage('clock:status').then(apply, () => setSites([]));
  }, [policy]);

  /** Runs an action, then says what it did (`done` words the result), or why it failed. */
  async function run(action: () => Promise<unknown>, done?: (sites: ClockSiteStatus[]) => string) {
    setBusy(true);
    setStatus('');
    try {
      await action();
      const report = await sendMessage('clock:status');
      apply(report);
      setStatus(done ? done(report.sites) : '');
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
          checked={fixed ? policy === 'on' : enabled}
          disabled={fixed}
          aria-describedby={fixed ? managedId : undefined}
          onChange={(event) => {
            const next = event.currentTarget.checked;
            void run(() => sendMessage('clock:setEnabled', { enabled: next }));
          }}
        />
        {t('clockCheckEnabled')}
      </label>
      {fixed && <ManagedNote id={managedId} />}
      <button
        type="button"
        disabled={busy || !(fixed ? policy === 'on' : enabled)}
        onClick={() =>
          void run(
            async () => {
              apply(await sendMessage('clock:check'));
            },
            (checked) => {
              const measured = checked.filter((site) => site.offsetMs !== undefined).length;
              return measured === 0 ? t('clockCheckedNone') : t('clockChecked', measured, [measured]);
            },
          )
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
                run(
                  () => sendMessage('clock:setManual', { origin: site.origin, seconds }),
                  () =>
                    seconds === null
                      ? t('clockManualRemoved', [new URL(site.origin).host])
                      : t('clockManualSaved', [new URL(site.origin).host, seconds]),
                )
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
  const errorId = useId();
  const [value, setValue] = useState(site.manualMs === undefined ? '' : String(site.manualMs / 1000));
  const [error, setError] = useState('');
  return (
    <li class="stack">
      <span>
        <span class="site-origin">{site.origin}</span>: <span class="clock-offset">{offsetText(site)}</span>
      </span>
      <form
        class="row"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const text = value.trim();
          const seconds = text === '' ? null : Number(text);
          if (seconds !== null && !(Number.isInteger(seconds) && Math.abs(seconds) <= MANUAL_LIMIT_S)) {
            setError(t('settingOutOfRange', [-MANUAL_LIMIT_S, MANUAL_LIMIT_S]));
            return;
          }
          setError('');
          void onManual(seconds);
        }}
      >
        <label for={inputId}>{t('clockManualLabel', [new URL(site.origin).host])}</label>
        <input
          id={inputId}
          type="number"
          step={1}
          min={-MANUAL_LIMIT_S}
          max={MANUAL_LIMIT_S}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
        <button type="submit">{t('clockManualSave')}</button>
        {error && (
          <small id={errorId} class="error">
            {error}
          </small>
        )}
      </form>
    </li>
  );
}
