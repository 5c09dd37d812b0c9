import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { announceFilled, FILLED_NOTICE_MS } from '@/lib/content/filled-notice';
import { InPagePrompt } from '@/lib/content/prompt';
import type { Translate } from '@/lib/i18n';

describe('announceFilled', () => {
  // The card's shadow root is closed (as in real builds): keep a handle on it when it is made.
  let root: ShadowRoot | undefined;
  beforeEach(() => {
    vi.useFakeTimers();
    const attach = Object.getOwnPropertyDescriptor(Element.prototype, 'attachShadow')?.value as (
      this: Element,
      init: ShadowRootInit,
    ) => ShadowRoot;
    vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (
      this: HTMLElement,
      init: ShadowRootInit,
    ) {
      root = attach.call(this, init);
      return root;
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('says who filled the code and for which account, politely, without taking focus, for two seconds', () => {
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    const prompt = new InPagePrompt(document, 'Twofold');
    const t = ((key: string, subs: string[]) =>
      key === 'promptFilled' ? `Filled by Twofold: ${subs[0]}.` : key) as unknown as Translate;
    announceFilled({ prompt, t }, { issuer: 'M2Mmanager', label: 'john@example.com' });

    const card = root?.querySelector('.card');
    expect(card?.querySelector('[role="status"]')?.textContent).toBe(
      'Filled by Twofold: M2Mmanager (john@example.com).',
    );
    expect(card?.querySelectorAll('button')).toHaveLength(0);
    expect(document.activeElement).toBe(field);

    vi.advanceTimersByTime(FILLED_NOTICE_MS - 1);
    expect(prompt.visible).toBe(true);
    vi.advanceTimersByTime(1);
    expect(prompt.visible).toBe(false);
  });
});
