/**
 * The sandbox's second-factor pages modelled on real templates (tests/sandbox/login-templates.ts),
 * their static markup in happy-dom: the field Twofold fills, or none. The widget pages build their
 * boxes by script and are covered in the browser (tests/e2e/extension/autofill-classes.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { findOtpTargets, targetInputs } from '../../../lib/autofill';
import { CHANNEL_PAGE_IDS, loginTemplateHtml } from '../../sandbox/login-templates';
import { useStubbedLayout } from './layout';

useStubbedLayout();

function load(id: string): Document {
  const html = loginTemplateHtml(id);
  if (html === undefined) throw new Error(`no template ${id}`);
  const parsed = new window.DOMParser().parseFromString(html, 'text/html');
  document.body.innerHTML = parsed.body.innerHTML;
  return document;
}

/** Template id → the field filled (CSS selector), or null: nothing is filled. */
const PAGES: [string, string | null][] = [
  ['nextcloud-totp', 'input[name="challenge"]'],
  ['keycloak-otp', '#otp'],
  ['gitea-twofa', '#passcode'],
  ['discourse-totp', '#login-second-factor'],
  ['gitlab-2fa', '#user_otp_attempt'],
  ['sentry-totp', '#id_otp'],
  ['wordpress-totp', '#authcode'],
  ['decoy', '#otp'],
  ['nextcloud-email', null],
  ['gitea-scratch', null],
  ['discourse-backup-first', null],
  ['sentry-recovery', null],
  ['wordpress-backup', null],
  ['german-email', null],
  ...CHANNEL_PAGE_IDS.map((id): [string, null] => [id, null]),
];

describe('second-factor pages modelled on real templates', () => {
  it.each(PAGES)('%s', (id, selector) => {
    const doc = load(id);
    const best = findOtpTargets(doc, window).find((target) => !target.sms);
    const filled = best ? targetInputs(best) : [];
    expect(filled).toEqual(selector ? [doc.querySelector(selector)] : []);
  });
});
