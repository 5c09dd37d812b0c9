import { browser } from 'wxt/browser';
import type { AccountView } from '@/lib/otp/account';

/** Dark enough for white letters (WCAG AA) in light and dark themes. */
const BADGE_COLOURS = [
  '#1f5fd1',
  '#0f766e',
  '#9a3412',
  '#6d28d9',
  '#be123c',
  '#3f6212',
  '#155e75',
  '#7c2d12',
];

/** Chromium serves icons from its own favicon cache to extensions holding `favicon`: no request. */
const faviconCache =
  browser.runtime.getManifest().permissions?.includes('favicon') === true
    ? `${browser.runtime.getURL('/')}_favicon/`
    : undefined;

/** The browser's cached icon of the site an account is bound to, or undefined where there is none. */
export function faviconUrl(
  origin: string | undefined,
  base: string | undefined = faviconCache,
): string | undefined {
  if (!origin || !base) return undefined;
  return `${base}?pageUrl=${encodeURIComponent(origin)}&size=32`;
}

function colourOf(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return BADGE_COLOURS[hash % BADGE_COLOURS.length] ?? BADGE_COLOURS[0]!;
}

/** Decorative (the name is beside it): the site's icon, else the name's first letter. */
export function SiteIcon({ account }: { account: AccountView }) {
  const url = faviconUrl(account.origin);
  if (url) return <img class="site-icon" src={url} alt="" width={20} height={20} data-kind="favicon" />;
  const name = account.issuer || account.label || '?';
  const letter = [...name.trim()][0]?.toLocaleUpperCase() ?? '?';
  return (
    <span
      class="site-icon letter"
      aria-hidden="true"
      data-kind="letter"
      style={{ background: colourOf(name) }}
    >
      {letter}
    </span>
  );
}
