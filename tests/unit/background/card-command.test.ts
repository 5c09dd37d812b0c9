import { describe, expect, it } from 'vitest';
import { CARD_COMMAND, shortcutOf } from '@/lib/background/handlers/content';

type Commands = Parameters<typeof shortcutOf>[0]['commands'];

const browserWith = (getAll: () => Promise<{ name?: string; shortcut?: string }[]>) =>
  ({ commands: { getAll } as unknown as Commands }) as Parameters<typeof shortcutOf>[0];

describe("the card's shortcut, as the browser has it now", () => {
  it.each([
    ['the suggested keys', [{ name: CARD_COMMAND, shortcut: 'Alt+Shift+K' }], 'Alt+Shift+K'],
    [
      'keys the user changed',
      [
        { name: 'fill-code', shortcut: 'Alt+Shift+O' },
        { name: CARD_COMMAND, shortcut: 'Ctrl+Shift+8' },
      ],
      'Ctrl+Shift+8',
    ],
    ['a shortcut the user removed', [{ name: CARD_COMMAND, shortcut: '' }], ''],
    ['no such command', [{ name: 'fill-code', shortcut: 'Alt+Shift+O' }], ''],
  ])('%s', async (_name, commands, expected) => {
    expect(
      await shortcutOf(
        browserWith(() => Promise.resolve(commands)),
        CARD_COMMAND,
      ),
    ).toBe(expected);
  });

  it('says nothing when the browser cannot tell', async () => {
    expect(
      await shortcutOf(
        browserWith(() => Promise.reject(new Error('no'))),
        CARD_COMMAND,
      ),
    ).toBe('');
  });
});
