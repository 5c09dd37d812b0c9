import type { browser as extensionBrowser } from 'wxt/browser';

const ALARM = 'twofold-autolock';

/**
 * Locks the vault after N idle minutes (an alarm, so it survives the worker
 * sleeping) and as soon as the OS locks the screen.
 */
export function startAutolock(
  browser: typeof extensionBrowser,
  lock: () => Promise<unknown>,
  minutes: () => Promise<number>,
): { touch: () => void } {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void lock();
  });
  browser.idle.onStateChanged.addListener((state) => {
    if (state === 'locked') void lock();
  });
  return {
    touch() {
      void minutes().then(async (m) => {
        if (m > 0) await browser.alarms.create(ALARM, { delayInMinutes: m });
        else await browser.alarms.clear(ALARM);
      });
    },
  };
}
