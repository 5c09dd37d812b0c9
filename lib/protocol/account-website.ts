/**
 * Messages about the website an account fills its codes on (its bound origin). Part of the one
 * protocol map in lib/messaging.ts; who may send each is declared in ACCOUNT_WEBSITE_POLICY.
 */
import type { AccountView } from '../otp/account';

export interface AccountWebsiteProtocol {
  /**
   * Bind an account to the website typed in its edit form ("example.com", a URL), or unbind it
   * with an empty string: autofill then never fills it anywhere.
   */
  'accounts:setWebsite'(data: { id: string; website: string }): AccountView;
}

export const ACCOUNT_WEBSITE_POLICY = {
  'accounts:setWebsite': 'extension-page',
} as const satisfies { readonly [K in keyof AccountWebsiteProtocol]: 'extension-page' };
