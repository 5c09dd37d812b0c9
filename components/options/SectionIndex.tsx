import { t } from '@/lib/i18n';

export interface IndexEntry {
  /** The anchor's id (stable: the popup links to `#backup`). */
  id: string;
  label: string;
}

/**
 * The settings page's table of contents: plain links to each section's anchor, in a
 * navigation landmark that stays at the top while the page scrolls.
 */
export function SectionIndex({ entries }: { entries: IndexEntry[] }) {
  return (
    <nav class="section-index" aria-label={t('settingsIndex')}>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id}>
            <a
              href={`#${entry.id}`}
              onClick={(event) => {
                event.preventDefault();
                history.replaceState(null, '', `#${entry.id}`);
                focusSectionOfHash(document, `#${entry.id}`, false);
              }}
            >
              {entry.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const FIELDS = 'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled])';

/**
 * Brings the section named by `hash` into view and moves focus there: into its first field
 * when `intoField` (arriving to act, as "Back up now" does), else onto its heading, so the
 * next Tab starts in that section. False when the page has no such section.
 */
export function focusSectionOfHash(doc: Document, hash: string, intoField = true): boolean {
  const id = decodeURIComponent(hash.replace(/^#/, ''));
  if (!id) return false;
  const anchor = doc.getElementById(id);
  if (!anchor?.classList.contains('section-anchor')) return false;
  const field = intoField ? anchor.querySelector<HTMLElement>(FIELDS) : null;
  const target = field ?? anchor.querySelector<HTMLElement>('h2');
  if (!target) return false;
  if (!field) target.tabIndex = -1;
  anchor.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
  return true;
}
