import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage, type ManagedView } from '@/lib/messaging';
import { whenIdleAfterStart } from './idle';

/** No policy: what a page assumes until the background answers (or when it cannot). */
export const NO_POLICY: ManagedView = { policies: {}, invalid: [], managed: [], sitesWithoutAccess: [] };

/**
 * The organisation's policies as a page shows them, read again as soon as an administrator
 * changes them (the browser reports the managed area like any other). `idle`: the first read
 * waits for idle time after the popup's start (for what its first screen does not need).
 */
export function useManaged({ idle = false }: { idle?: boolean } = {}): ManagedView {
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
    const cancel = idle ? whenIdleAfterStart(window, read) : (read(), undefined);
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      cancel?.();
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return view;
}
