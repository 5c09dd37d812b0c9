import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { loadSettings, saveSettings, type Settings } from '@/lib/settings';

export function App() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const lockId = useId();

  useEffect(() => {
    void loadSettings(browser.storage.local).then(setSettings);
  }, []);

  return (
    <main class="options stack">
      <header class="brand">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('optionsTitle')}</h1>
      </header>
      <p>{t('optionsIntro')}</p>
      {settings && (
        <div class="field">
          <label for={lockId}>{t('autoLockMinutes')}</label>
          <input
            id={lockId}
            type="number"
            min={0}
            max={1440}
            value={settings.autoLockMinutes}
            onChange={(e) => {
              const minutes = Math.max(0, Math.min(1440, Math.round(Number(e.currentTarget.value) || 0)));
              void saveSettings(browser.storage.local, { autoLockMinutes: minutes }).then(setSettings);
            }}
          />
          <small>{t('autoLockHint')}</small>
        </div>
      )}
    </main>
  );
}
