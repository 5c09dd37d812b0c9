import { useEffect, useId, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { SiteSummary } from '@/lib/protocol/manage';

/**
 * Sites where Twofold fills codes: the origins accounts are bound to. (Revoking a site's
 * runtime permission belongs to the autofill messages; see the report of issue 7.)
 */
export function SitesSection({ version }: { version: number }) {
  const [sites, setSites] = useState<SiteSummary[] | undefined>();
  const headingId = useId();
  useEffect(() => {
    void sendMessage('sites:list').then(setSites, () => setSites([]));
  }, [version]);

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
              <span class="site-count">{t('siteAccounts', String(site.count))}</span>
              <small>{site.names.join(', ')}</small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
