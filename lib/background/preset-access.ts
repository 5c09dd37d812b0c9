import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { PRESET_MATCHES } from '../preset';

export interface PresetAccessDeps {
  granted: () => Promise<boolean>;
  setBadge: (text: string) => Promise<void>;
  setTitle: (title: string) => Promise<void>;
  t: typeof t;
}

/**
 * The toolbar button tells why autofill is off while the preset's host permission is
 * missing (a "!" badge and a title saying what to do); the popup asks for it.
 */
export async function showPresetAccess(deps: PresetAccessDeps): Promise<boolean> {
  const granted = await deps.granted();
  await deps.setBadge(granted ? '' : '!');
  await deps.setTitle(granted ? deps.t('extName') : deps.t('presetAccessOffBadgeTitle'));
  return granted;
}

/** Keeps the toolbar button in step with the permission: now, and whenever it is granted or taken back. */
export function watchPresetAccess(): void {
  const deps: PresetAccessDeps = {
    granted: () => browser.permissions.contains({ origins: [...PRESET_MATCHES] }),
    setBadge: (text) => browser.action.setBadgeText({ text }),
    setTitle: (title) => browser.action.setTitle({ title }),
    t,
  };
  const update = () => void showPresetAccess(deps).catch((error: unknown) => console.warn(error));
  update();
  browser.permissions.onAdded.addListener(update);
  browser.permissions.onRemoved.addListener(update);
}
