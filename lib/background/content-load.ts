import type { browser as extensionBrowser } from 'wxt/browser';
import { FEATURES_FILE } from '../content-files';

type Scripting = Pick<(typeof extensionBrowser)['scripting'], 'executeScript'>;

/**
 * Runs in the frame's isolated world: may the features start here? Only where the loader runs
 * (never in a frame Twofold does not serve), and once: WXT's start in a second copy would stop the
 * first (its context invalidates an older instance of the same script), so the claim is taken
 * here, in one synchronous step, before the file is injected. The names are written out, not
 * imported: the browser runs this function's source alone. `__twofoldLoader` is the loader's
 * `LOADER_FLAG` (lib/content/loader.ts); the features set `__twofoldStarted` once they run.
 */
function claimFeatures(): boolean {
  const flags = globalThis as { __twofoldLoader?: boolean; __twofoldFeatures?: boolean };
  if (!flags.__twofoldLoader || flags.__twofoldFeatures) return false;
  flags.__twofoldFeatures = true;
  return true;
}

/**
 * A loader found a field or a QR candidate: capture and autofill go into that frame, once.
 * Whether they were injected now (false: already there, or no loader there).
 */
export async function loadFeatures(
  scripting: Scripting,
  frame: { tabId: number; frameId: number },
): Promise<boolean> {
  const target = { tabId: frame.tabId, frameIds: [frame.frameId] };
  const [claim] = await scripting.executeScript({ target, func: claimFeatures });
  if (claim?.result !== true) return false;
  await scripting.executeScript({ target, files: [`/${FEATURES_FILE}`] });
  return true;
}
