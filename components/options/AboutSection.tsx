import { useId } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import type { ManagedView } from '@/lib/messaging';
import { SupportLink } from '../ManagedNote';

/** Twofold's version, and what the organisation's policy file holds that Twofold could not use. */
export function AboutSection({ managed }: { managed: ManagedView }) {
  const headingId = useId();
  return (
    <section class="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sectionAbout')}</h2>
      <p>{t('aboutVersion', [browser.runtime.getManifest().version])}</p>
      {managed.invalid.length > 0 && (
        <ul class="policy-invalid">
          {managed.invalid.map((name) => (
            <li key={name}>{t('policyInvalid', [name])}</li>
          ))}
        </ul>
      )}
      <SupportLink url={managed.policies.supportUrl} />
    </section>
  );
}
