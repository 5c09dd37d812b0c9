import { useEffect, useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { SiteSummary } from '@/lib/messaging';
import { errorText } from '../useSubmit';

/**
 * Sites where Twofold fills codes: the origins accounts are bound to, and the
 * sites the user enabled autofill on (each can be turned off here: its
 * permission is removed and Twofold stops running there).
 */
export function SitesSection({ version }: { version: number }) {
  const [sites, setSites] = useState<SiteSummary[] | undefined>();
  const [enabled, setEnabled] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const headingId = useId();
  const enabledId = useId();
  useEffect(() => {
    void sendMessage('sites:list').then(setSites, () => setSites([]));
    void sendMessage('sites:enabled').then(setEnabled, () => setEnabled([]));
  }, [version]);

  async function revoke(pattern: string) {
    try {
      setEnabled(await sendMessage('sites:revoke', { pattern }));
      setStatus(t('siteRevoked', [pattern.replace(/\/\*$/, '')]));
    } catch (err) {
      setStatus(errorText(err));
    }
  }

  return (
    <section class="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sectionSites')}</h2>
      <p>{t('sitesIntro')}</p>
      {sites === undefined ? (
        <p>{t('loading')}</p>
      ) : sites.length === 0 ? (
        <p class="empty">{t('noSites')}</p>
      ) : (
        <ul class="sites" aria-label={t('sectionSites')}>
          {sites.map((site) => (
            <li key={site.origin}>
              <span class="site-origin">{site.origin}</span>
              <span class="site-count">{t('siteAccounts', [site.count])}</span>
              <small>{site.names.join(', ')}</small>
            </li>
          ))}
        </ul>
      )}
      <h3 id={enabledId}>{t('enabledSites')}</h3>
      {enabled.length === 0 ? (
        <p class="empty">{t('noEnabledSites')}</p>
      ) : (
        <ul class="sites" aria-labelledby={enabledId}>
          {enabled.map((pattern) => (
            <li key={pattern}>
              <span class="site-origin">{pattern.replace(/\/\*$/, '')}</span>
              <button type="button" onClick={() => void revoke(pattern)}>
                {t('revokeSite', [pattern.replace(/\/\*$/, '')])}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}
