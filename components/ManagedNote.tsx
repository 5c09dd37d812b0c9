import { t } from '@/lib/i18n';

/** Said beside a control an organisation's policy fixes (the control itself is disabled). */
export function ManagedNote({ id }: { id?: string }) {
  return (
    <small id={id} class="managed-note">
      {t('policySetByOrganisation')}
    </small>
  );
}

/** "Contact your IT support", linked, where the organisation gave a support page. */
export function SupportLink({ url }: { url: string | undefined }) {
  if (!url) return null;
  return (
    <a class="support-link" href={url} target="_blank" rel="noreferrer">
      {t('policyContactSupport')}
    </a>
  );
}

/** A section an organisation turned off: its heading, and why nothing is there. */
export function ManagedOffSection({ heading, text }: { heading: string; text: string }) {
  return (
    <section class="card stack" aria-label={heading}>
      <h2>{heading}</h2>
      <p>{text}</p>
      <ManagedNote />
    </section>
  );
}
