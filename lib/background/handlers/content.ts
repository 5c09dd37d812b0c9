import { isPresetOrigin } from '../../preset';
import type { Router } from '../router';

export function registerContentHandlers({ handle }: Router): void {
  handle('content:hello', (_data, sender) => ({
    origin: sender.origin,
    enrolledSite: isPresetOrigin(sender.origin),
  }));
}
