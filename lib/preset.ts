import { M2MMANAGER_PRESET, patternMatchesOrigin } from './origins';

declare const __TWOFOLD_M2M_MATCHES__: string[];

/** Match patterns of the M2Mmanager preset for this build (set by wxt.config.ts). */
export const PRESET_MATCHES: readonly string[] =
  typeof __TWOFOLD_M2M_MATCHES__ === 'undefined' ? M2MMANAGER_PRESET : __TWOFOLD_M2M_MATCHES__;

export function isPresetOrigin(origin: string): boolean {
  return PRESET_MATCHES.some((pattern) => patternMatchesOrigin(pattern, origin));
}
