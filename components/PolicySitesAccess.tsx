import { useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { useManaged } from './useManaged';

/**
 * Sites the organisation's `autofillSites` policy turns autofill on for but Twofold has no host
 * access to (an extension cannot grant itself hosts): say so, and ask for each with one click.
 */
export function PolicySitesAccess() {
  const { sitesWithoutAccess } = useManaged({ idle: true });
  const [granted, setGranted] = useState<string[]>([]);
  const titleId = useId();
  const missing = sitesWithoutAccess.filter((origin) => !granted.includes(origin));
  if (missing.length === 0) return null;

  async function allow(origin: string) {
    // In this click's task: the browser asks the user only from a gesture.
    if (await browser.permissions.request({ origins: [`${origin}/*`] }))
      setGranted((list) => [...list, origin]);
  }

  return (
    <aside class="nudge stack policy-sites" aria-labelledby={titleId}>
      <p id={titleId}>
        {t('policySitesWithoutAccess', [missing.map((origin) => new URL(origin).host).join(', ')])}
      </p>
      <div class="row">
        {missing.map((origin) => (
          <button key={origin} type="button" onClick={() => void allow(origin)}>
            {t('enableSiteOn', [new URL(origin).host])}
          </button>
        ))}
      </div>
    </aside>
  );
}
