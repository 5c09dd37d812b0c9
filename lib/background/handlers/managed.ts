import { managedSettings } from '../../policy/effective';
import type { ManagedPolicies } from '../managed-policies';
import type { Router } from '../router';

export function registerManagedHandlers(
  { handle }: Router,
  {
    managed,
    hasHostAccess,
  }: { managed: ManagedPolicies; hasHostAccess: (origin: string) => Promise<boolean> },
): void {
  handle('managed:view', async () => {
    const { policies, invalid } = await managed.reading();
    const sites = policies.autofillSites ?? [];
    const access = await Promise.all(sites.map((origin) => hasHostAccess(origin)));
    return {
      policies,
      invalid,
      managed: managedSettings(policies),
      sitesWithoutAccess: sites.filter((_origin, index) => !access[index]),
    };
  });
}
