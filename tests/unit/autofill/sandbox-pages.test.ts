/**
 * The real M2Mmanager sandbox markup (tests/sandbox renders it), loaded into happy-dom with its
 * stylesheet: the fields Twofold must fill, the SMS fields it must flag, and the pages with none.
 */
import { describe, expect, it } from 'vitest';
import { findOtpTargets, pageMentionsSmsCode, targetInputs } from '../../../lib/autofill';
import { STRINGS, fmt, type Lang } from '../../sandbox/i18n';
import * as screens from '../../sandbox/pages/screens';
import { useStubbedLayout } from './layout';

useStubbedLayout();

function load(html: string): Document {
  const parsed = new window.DOMParser().parseFromString(html, 'text/html');
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  return document;
}

const ctx = (lang: Lang, path: string): screens.Ctx => ({ lang, t: STRINGS[lang], path });
const URI = 'otpauth://totp/M2Mmanager:demo%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=M2Mmanager';
const PHONE = '+33 6 12 34 56 78';

describe.each(['en', 'fr'] as const)('M2Mmanager sandbox pages (%s)', (lang) => {
  const t = STRINGS[lang];

  it('enrolment pop-up: the one-time-code field, not an SMS field', () => {
    const doc = load(
      screens.appScreen(ctx(lang, '/2fa/app'), {
        variant: 'standard',
        uri: URI,
        secret: 'JBSWY3DPEHPK3PXP',
        imageUrl: '',
      }),
    );
    const [best, ...rest] = findOtpTargets(doc, window, { digits: 6 });
    expect(rest).toEqual([]);
    expect(best && targetInputs(best)).toEqual([doc.getElementById('otp')]);
    expect(best?.sms).toBe(false);
    expect(pageMentionsSmsCode(doc)).toBe(false);
  });

  it('login code page, app method: filled field, not SMS', () => {
    const doc = load(screens.codeScreen(ctx(lang, '/login/code'), { method: 'app' }));
    const targets = findOtpTargets(doc, window, { digits: 6 });
    expect(targets.map((target) => targetInputs(target)[0]?.id)).toEqual(['otp']);
    expect(targets[0]?.sms).toBe(false);
    expect(pageMentionsSmsCode(doc)).toBe(false);
  });

  it('login code page, SMS method: detected but flagged sms', () => {
    const doc = load(screens.codeScreen(ctx(lang, '/login/code'), { method: 'sms', phone: PHONE }));
    const [best] = findOtpTargets(doc, window, { digits: 6 });
    expect(best && targetInputs(best)).toEqual([doc.getElementById('otp')]);
    expect(best?.sms).toBe(true);
    expect(pageMentionsSmsCode(doc)).toBe(true);
  });

  it('SMS enrolment code screen: flagged sms', () => {
    const info = fmt(t.smsSent, { phone: PHONE });
    const doc = load(screens.smsCodeScreen(ctx(lang, '/2fa/sms'), { phone: PHONE, info }));
    const [best] = findOtpTargets(doc, window, { digits: 6 });
    expect(best && targetInputs(best)).toEqual([doc.getElementById('sms-code')]);
    expect(best?.sms).toBe(true);
  });

  it('pages without a code field: login, phone number, method choice', () => {
    for (const html of [
      screens.loginPage(ctx(lang, '/login')),
      screens.smsPhoneScreen(ctx(lang, '/2fa/sms')),
      screens.methodScreen(ctx(lang, '/2fa/method')),
    ]) {
      expect(findOtpTargets(load(html), window)).toEqual([]);
    }
  });
});
