import type { Page } from '@playwright/test';
import { JOHN, M2MmanagerPage } from './sandbox-m2m';
import { TwofoldPrompt } from './twofold-prompt';

/**
 * Enrols `user` on M2Mmanager by app with Twofold doing the work: "Save to Twofold" in the card,
 * the first code is filled; then Continue to the home page unless `finish` is false.
 */
export async function enrolWithTwofold(
  page: Page,
  baseUrl: string,
  { user = JOHN, finish = true }: { user?: { email: string; password: string }; finish?: boolean } = {},
): Promise<M2MmanagerPage> {
  const m2m = new M2MmanagerPage(page, baseUrl);
  await m2m.openEnrolment(user);
  const prompt = new TwofoldPrompt(page);
  await prompt.button('Save to Twofold').click();
  await prompt.expectText('Saved to Twofold. Your code is filled in.');
  if (finish) {
    await m2m.button(m2m.t.continue).click();
    await m2m.expectHome();
  }
  return m2m;
}
