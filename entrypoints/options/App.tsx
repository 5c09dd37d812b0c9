import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ManagedOffSection } from '@/components/ManagedNote';
import { UnlockForm } from '@/components/UnlockForm';
import { useManaged } from '@/components/useManaged';
import { AboutSection } from '@/components/options/AboutSection';
import { BackupSection } from '@/components/options/BackupSection';
import { ClockSection } from '@/components/options/ClockSection';
import { DeletedSection } from '@/components/options/DeletedSection';
import { ImportSection } from '@/components/options/ImportSection';
import { PlainExportSection } from '@/components/options/PlainExportSection';
import { SecuritySection } from '@/components/options/SecuritySection';
import { SectionIndex, focusSectionOfHash, type IndexEntry } from '@/components/options/SectionIndex';
import { SitesSection } from '@/components/options/SitesSection';
import { SyncSection } from '@/components/options/SyncSection';
import { t } from '@/lib/i18n';
import { sendMessage, type VaultState } from '@/lib/messaging';
import { loadSettings, type Settings } from '@/lib/settings';

/** A section with its anchor: the index links to it, `options.html#backup` opens at it. */
function Anchored({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <div id={id} class="section-anchor">
      {children}
    </div>
  );
}

/** Settings: security, sites with autofill, backup, import and export. */
export function App() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [state, setState] = useState<VaultState | undefined>();
  const [version, setVersion] = useState(0);
  const managed = useManaged();
  const { policies } = managed;

  useEffect(() => {
    void loadSettings(browser.storage.local).then(setSettings);
    void sendMessage('vault:state').then(setState);
  }, []);

  const unlocked = state?.unlocked === true;
  // Opened at a section (the popup's "Back up now"): there, and in its first field, once it exists.
  // Security is drawn once settings are read: its forms (passphrase, passkey) may be the target.
  const settingsRead = settings !== undefined;
  useEffect(() => {
    if (unlocked) focusSectionOfHash(document, location.hash);
  }, [unlocked, settingsRead]);

  const sections: IndexEntry[] = [
    ...(settings ? [{ id: 'security', label: t('sectionSecurity') }] : []),
    ...(state ? [{ id: 'sync', label: t('sectionSync') }] : []),
    ...(unlocked
      ? [
          { id: 'sites', label: t('sectionSites') },
          { id: 'clock', label: t('clockTitle') },
          { id: 'backup', label: t('sectionBackup') },
          { id: 'import', label: t('sectionImport') },
          { id: 'export', label: t('sectionExport') },
          { id: 'deleted', label: t('sectionDeleted') },
        ]
      : []),
    { id: 'about', label: t('sectionAbout') },
  ];
  return (
    <main class="options stack">
      <header class="brand">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('optionsTitle')}</h1>
      </header>
      <p>{t('optionsIntro')}</p>
      {/* Bundled with the extension: readable offline, and the same version as the one installed. */}
      <p>
        <a href="/whats-new.html" target="_blank" rel="noopener">
          {t('whatsNew')}
        </a>
      </p>
      {sections.length > 1 && <SectionIndex entries={sections} />}
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
      {settings && (
        <Anchored id="security">
          <SecuritySection
            settings={settings}
            onSettings={setSettings}
            unlocked={unlocked}
            managed={managed}
          />
        </Anchored>
      )}
      {state && (
        <Anchored id="sync">
          {policies.sync === 'forbidden' ? (
            <ManagedOffSection heading={t('sectionSync')} text={t('policySyncOff')} />
          ) : (
            <SyncSection state={state} onVaultChange={() => void sendMessage('vault:state').then(setState)} />
          )}
        </Anchored>
      )}
      {unlocked && (
        <>
          <Anchored id="sites">
            <SitesSection version={version} />
          </Anchored>
          <Anchored id="clock">
            <ClockSection policy={policies.clockCheck} />
          </Anchored>
          <Anchored id="backup">
            <BackupSection />
          </Anchored>
          <Anchored id="import">
            {policies.import === 'forbidden' ? (
              <ManagedOffSection heading={t('sectionImport')} text={t('policyImportOff')} />
            ) : (
              <ImportSection onImported={() => setVersion((v) => v + 1)} />
            )}
          </Anchored>
          <Anchored id="export">
            {policies.plainExport === 'forbidden' ? (
              <ManagedOffSection heading={t('sectionExport')} text={t('policyPlainExportOff')} />
            ) : (
              <PlainExportSection />
            )}
          </Anchored>
          <Anchored id="deleted">
            <DeletedSection version={version} onChange={() => setVersion((v) => v + 1)} />
          </Anchored>
        </>
      )}
      <Anchored id="about">
        <AboutSection managed={managed} />
      </Anchored>
    </main>
  );
}
