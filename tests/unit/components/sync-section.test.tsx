/**
 * Settings › Sync after the synced vault's key changed on another computer: the new passphrase,
 * typed in the field the section shows, is sent to the background; a wrong one says so in the
 * user's language and changes nothing.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { SyncSection } from '@/components/options/SyncSection';
import { TwofoldError } from '@/lib/errors';
import { inUiLanguage, t } from '@/lib/i18n';
import { sendMessage, type VaultState } from '@/lib/messaging';
import type { SyncStatusView } from '@/lib/protocol/sync';
import { useLocale } from '../helpers/locale';

vi.mock('@/lib/messaging', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage) as unknown as Mock<(name: string, data?: unknown) => Promise<unknown>>;

const UNLOCKED: VaultState = { exists: true, unlocked: true, quarantined: 0, readOnly: false };
const STATUS: SyncStatusView = {
  enabled: true,
  syncedVault: true,
  lastSentAt: Date.UTC(2026, 5, 1),
  bytes: 2_000,
  limit: 102_400,
  percent: 2,
  accounts: 3,
  ignored: 0,
};
const KEY_CHANGED: SyncStatusView = { ...STATUS, problem: 'keyChanged' };

const root = () => document.body.querySelector<HTMLElement>('#root')!;
const text = () => root().textContent ?? '';

/** The field labelled `label` (as a screen reader finds it: by its label). */
function field(label: string): HTMLInputElement | undefined {
  const element = [...root().querySelectorAll('label')].find((l) => l.textContent === label);
  return element
    ? (root().querySelector<HTMLInputElement>(`#${CSS.escape(element.htmlFor)}`) ?? undefined)
    : undefined;
}

function button(name: string): HTMLButtonElement | undefined {
  return [...root().querySelectorAll('button')].find((b) => b.textContent === name);
}

async function typeAndSubmit(passphrase: string): Promise<void> {
  const input = field(t('syncNewPassphrase'))!;
  input.value = passphrase;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await vi.waitFor(() => expect(field(t('syncNewPassphrase'))?.value).toBe(passphrase));
  input.form!.requestSubmit(button(t('syncUseNewPassphrase')));
}

afterEach(() => {
  render(null, root());
  document.body.replaceChildren();
  vi.restoreAllMocks();
  send.mockReset();
});

describe.each(['en', 'fr'] as const)('Settings › Sync › "Use the new passphrase" (%s)', (lang) => {
  beforeEach(() => {
    useLocale(lang);
    document.body.innerHTML = '<div id="root"></div>';
  });

  async function draw(onVaultChange = vi.fn()) {
    send.mockImplementation((name: string) =>
      name === 'sync:status' ? Promise.resolve(KEY_CHANGED) : Promise.reject(new Error(`unexpected ${name}`)),
    );
    render(<SyncSection state={UNLOCKED} onVaultChange={onVaultChange} />, root());
    await vi.waitFor(() => expect(text()).toContain(t('syncProblemKeyChanged')));
    return onVaultChange;
  }

  it('sends the passphrase typed, then shows sync on again without the form', async () => {
    const onVaultChange = await draw();
    expect(field(t('syncNewPassphrase'))).toMatchObject({ type: 'password', required: true });
    send.mockImplementation((name: string) =>
      name === 'sync:useNewPassphrase' ? Promise.resolve(STATUS) : Promise.reject(new Error(name)),
    );
    await typeAndSubmit('new office passphrase');

    await vi.waitFor(() => expect(onVaultChange).toHaveBeenCalledTimes(1));
    expect(send).toHaveBeenCalledWith('sync:useNewPassphrase', { passphrase: 'new office passphrase' });
    await vi.waitFor(() => expect(field(t('syncNewPassphrase'))).toBeUndefined());
    expect(root().querySelector('[role="status"]')?.textContent).toContain(t('syncOn'));
    expect(text()).not.toContain(t('syncProblemKeyChanged'));
    expect(root().querySelector('[role="alert"]')).toBeNull();
  });

  it('a wrong passphrase says so in the user’s language; the form and the problem stay', async () => {
    const onVaultChange = await draw();
    const wrong = inUiLanguage(new TwofoldError('SYNC_WRONG_PASSPHRASE')) as Error;
    send.mockImplementation((name: string) =>
      name === 'sync:useNewPassphrase' ? Promise.reject(wrong) : Promise.reject(new Error(name)),
    );
    await typeAndSubmit('a wrong passphrase');

    const alert = await vi.waitFor(() => {
      const shown = root().querySelector('[role="alert"]');
      expect(shown).not.toBeNull();
      return shown!;
    });
    expect(alert.textContent).toBe(
      lang === 'fr'
        ? 'Ce n’est pas la phrase secrète de votre coffre synchronisé. Rien n’a été modifié.'
        : 'This is not the passphrase of your synced vault. Nothing was changed.',
    );
    expect(send).toHaveBeenCalledWith('sync:useNewPassphrase', { passphrase: 'a wrong passphrase' });
    expect(onVaultChange).not.toHaveBeenCalled();
    expect(field(t('syncNewPassphrase'))?.value).toBe('a wrong passphrase');
    expect(text()).toContain(t('syncProblemKeyChanged'));
    expect(button(t('syncStop'))).toBeDefined();
  });

  it('locked: no passphrase field, only "Stop syncing on this computer"', async () => {
    send.mockImplementation(() => Promise.resolve(KEY_CHANGED));
    render(<SyncSection state={{ ...UNLOCKED, unlocked: false }} onVaultChange={vi.fn()} />, root());
    await vi.waitFor(() => expect(text()).toContain(t('syncProblemKeyChanged')));
    expect(field(t('syncNewPassphrase'))).toBeUndefined();
    expect(button(t('syncStop'))).toBeDefined();
  });
});
