import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { SiteSummary } from '@/lib/messaging';
import { enabledSiteLabel, type EnabledOrigins } from '@/lib/origins';
import { errorText } from '../useSubmit';

/** Kept in step with lib/background/site-access.ts (the background writes it, this page reads it). */
const ENABLED_ORIGINS_KEY = 'sites.enabledOrigins';

type Site = SiteSummary & { allowed: boolean };

/** Bound sites, each with whether Twofold may run there (a preset or a granted permission). */
async function loadSites(): Promise<Site[]> {
  const sites = await sendMessage('sites:list');
  return Promise.all(
    sites.map(async (site) => ({
      ...site,
      allowed: await browser.permissions.contains({ origins: [`${site.origin}/*`] }).catch(() => false),
    })),
  );
}

async function loadEnabledOrigins(): Promise<EnabledOrigins> {
  const stored = (await browser.storage.local.get(ENABLED_ORIGINS_KEY))[ENABLED_ORIGINS_KEY];
  return typeof stored === 'object' && stored !== null ? (stored as EnabledOrigins) : {};
}

/**
 * Sites where Twofold fills codes: the origins accounts are bound to (saying when Twofold may
 * not run there yet, with the button that asks the browser), and the sites the user enabled
 * autofill on (each can be turned off here: its permission is removed and Twofold stops there).
 */
export function SitesSection({ version }: { version: number }) {
  const [sites, setSites] = useState<Site[] | undefined>();
  const [enabled, setEnabled] = useState<string[]>([]);
  const [origins, setOrigins] = useState<EnabledOrigins>({});
  const [status, setStatus] = useState('');
  const headingId = useId();
  const enabledId = useId();
  const enabledHeading = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const focusAfter = useRef<number | undefined>();

  function refresh() {
    void loadSites().then(setSites, () => setSites([]));
    void sendMessage('sites:enabled').then(setEnabled, () => setEnabled([]));
    void loadEnabledOrigins().then(setOrigins, () => setOrigins({}));
  }
  useEffect(refresh, [version]);

  // After a site is turned off its button is gone: focus the next one, else the list's heading.
  useEffect(() => {
    const index = focusAfter.current;
    if (index === undefined) return;
    focusAfter.current = undefined;
    const buttons = listRef.current?.querySelectorAll('button') ?? [];
    const next = buttons[Math.min(index, buttons.length - 1)];
    if (next) next.focus();
    else enabledHeading.current?.focus();
  }, [enabled]);

  async function revoke(pattern: string, index: number) {
    try {
      const label = enabledSiteLabel(pattern, origins);
      const left = await sendMessage('sites:revoke', { pattern });
      focusAfter.current = index;
      setEnabled(left);
      setStatus(t('siteRevoked', [label]));
      void loadSites().then(setSites, () => undefined);
    } catch (err) {
      setStatus(errorText(err));
    }
  }

  async function enable(origin: string) {
    try {
      // In this click's task: the browser asks the person only from a user gesture.
      const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
      if (!granted) return setStatus(t('siteNotEnabled'));
      await sendMessage('sites:activate');
      setStatus(t('siteEnabled', [origin]));
      refresh();
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
              {!site.allowed && (
                <>
                  <small class="warning">{t('siteNeedsAccess')}</small>
                  <button type="button" onClick={() => void enable(site.origin)}>
                    {t('enableSiteOn', [site.origin])}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3 id={enabledId} ref={enabledHeading} tabIndex={-1}>
        {t('enabledSites')}
      </h3>
      {enabled.length === 0 ? (
        <p class="empty">{t('noEnabledSites')}</p>
      ) : (
        <ul class="sites" aria-labelledby={enabledId} ref={listRef}>
          {enabled.map((pattern, index) => {
            const label = enabledSiteLabel(pattern, origins);
            return (
              <li key={pattern}>
                <span class="site-origin">{label}</span>
                <button type="button" onClick={() => void revoke(pattern, index)}>
                  {t('revokeSite', [label])}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}
