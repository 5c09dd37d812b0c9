import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { UnlockForm } from '@/components/UnlockForm';
import { BackupSection } from '@/components/options/BackupSection';
import { ClockSection } from '@/components/options/ClockSection';
import { ImportSection } from '@/components/options/ImportSection';
import { PlainExportSection } from '@/components/options/PlainExportSection';
import { SecuritySection } from '@/components/options/SecuritySection';
import { SitesSection } from '@/components/options/SitesSection';
import { SyncSection } from '@/components/options/SyncSection';
import { t } from '@/lib/i18n';
import { sendMessage, type VaultState } from '@/lib/messaging';
import { loadSettings, type Settings } from '@/lib/settings';

/** Settings: security, sites with autofill, backup, import and export. */
export function App() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [state, setState] = useState<VaultState | undefined>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void loadSettings(browser.storage.local).then(setSettings);
    void sendMessage('vault:state').then(setState);
  }, []);

  const unlocked = state?.unlocked === true;
  return (
    <main class="options stack">
      <header class="brand">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('optionsTitle')}</h1>
      </header>
      <p>{t('optionsIntro')}</p>
      {state && !state.exists && <p class="notice">{t('optionsNoVault')}</p>}
      {state?.exists && !state.unlocked && (
        <section class="card stack" aria-label={t('unlock')}>
          <p>{t('optionsLocked')}</p>
          <UnlockForm
            onUnlock={async (passphrase) => setState(await sendMessage('vault:unlock', { passphrase }))}
            onUnlocked={setState}
          />
        </section>
      )}
      {settings && <SecuritySection settings={settings} onSettings={setSettings} unlocked={unlocked} />}
      {state && (
        <SyncSection state={state} onVaultChange={() => void sendMessage('vault:state').then(setState)} />
      )}
      {unlocked && (
        <>
          <SitesSection version={version} />
          <ClockSection />
          <BackupSection />
          <ImportSection onImported={() => setVersion((v) => v + 1)} />
          <PlainExportSection />
        </>
      )}
    </main>
  );
}
