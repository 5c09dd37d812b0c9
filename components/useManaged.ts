import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage, type ManagedView } from '@/lib/messaging';

/** No policy: what a page assumes until the background answers (or when it cannot). */
export const NO_POLICY: ManagedView = { policies: {}, invalid: [], managed: [], sitesWithoutAccess: [] };

/**
 * The organisation's policies as a page shows them, read again as soon as an administrator
 * changes them (the browser reports the managed area like any other).
 */
export function useManaged(): ManagedView {
  const [view, setView] = useState<ManagedView>(NO_POLICY);
  useEffect(() => {
    let live = true;
    const read = () =>
      void sendMessage('managed:view')
        .then((next) => live && setView(next))
        .catch(() => undefined);
    const onChanged = (_changes: unknown, area: string) => {
      if (area === 'managed') read();
    };
    read();
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return view;
}
