import type { Page } from '@playwright/test';
import type { Lang } from '../../sandbox/i18n.ts';
import type { Sandbox } from '../../sandbox/server.ts';
import { M2MmanagerPage } from '../pages/sandbox-m2m.ts';

/** Inside Jane's 28-day window (it opened on 2 May 2024); 5 s into a TOTP period. */
export const T0 = Date.UTC(2024, 4, 10, 9, 0, 5);
export const PERIOD = 30_000;
export const DAY = 24 * 60 * 60 * 1000;

export const JANE = { email: 'jane.doe@example.com', password: 'Jane-M2M-2024!' } as const;
export const JOHN = { email: 'john.smith@example.com', password: 'John-M2M-2024!' } as const;
export const MARIE = { email: 'marie.dupont@example.com', password: 'Marie-M2M-2024!' } as const;

export function m2m(page: Page, sandbox: Sandbox, lang: Lang = 'en'): M2MmanagerPage {
  return new M2MmanagerPage(page, sandbox.url, lang);
}

/** A different 6-digit code, certainly wrong. */
export function wrongCode(code: string): string {
  return code.slice(0, 5) + String((Number(code.at(-1)) + 5) % 10);
}
