import { describe, expect, it } from 'vitest';
import { noteInstall, takeWelcome, WELCOME_KEY } from '@/lib/release/welcome';
import { MemoryArea } from '../helpers/memory-area';

describe('noteInstall', () => {
  it.each([
    ['install', true],
    ['update', false],
    ['chrome_update', false],
    ['browser_update', false],
    ['shared_module_update', false],
  ])('reason %s asks for a welcome: %s', async (reason, welcomed) => {
    const area = new MemoryArea();
    expect(await noteInstall(area, reason)).toBe(welcomed);
    expect(await takeWelcome(area)).toBe(welcomed);
  });

  it.each([
    [{ welcomePage: false }, false],
    [{ welcomePage: true }, true],
    [{}, true],
  ])("an install under the organisation's policies %o asks for a welcome: %s", async (policies, welcomed) => {
    const area = new MemoryArea();
    expect(await noteInstall(area, 'install', () => Promise.resolve(policies))).toBe(welcomed);
    expect(await takeWelcome(area)).toBe(welcomed);
  });

  it('an update after an unread welcome leaves it pending, and says nothing of its own', async () => {
    const area = new MemoryArea();
    await noteInstall(area, 'install');
    await noteInstall(area, 'update');
    expect(area.data.get(WELCOME_KEY)).toBe(true);
  });
});

describe('takeWelcome', () => {
  it('is true once after install, then false', async () => {
    const area = new MemoryArea();
    await noteInstall(area, 'install');
    expect(await takeWelcome(area)).toBe(true);
    expect(await takeWelcome(area)).toBe(false);
    expect(area.data.has(WELCOME_KEY)).toBe(false);
  });

  it('is false on a profile that was never installed fresh (an existing user updating)', async () => {
    expect(await takeWelcome(new MemoryArea())).toBe(false);
  });
});
