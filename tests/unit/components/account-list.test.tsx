import { createRef, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RowActions } from '@/components/CodeRow';
import type { AccountView } from '@/lib/otp';
import { useLocale } from '../helpers/locale';
import { fakeManifest } from '../helpers/manifest';
import { accountView } from '../helpers/account-view';

fakeManifest();
const { AccountList } = await import('@/components/AccountList');
const { FIRST_SCREEN_ROWS } = await import('@/lib/order/first-screen');

const account = (i: number): AccountView =>
  accountView(`id${i}`, { issuer: `Issuer ${i}`, label: `user${i}@example.com` });

const noop = () => undefined;
const actions: RowActions = {
  copy: noop,
  setMode: noop,
  togglePin: noop,
  move: noop,
  edit: () => Promise.resolve(),
  remove: noop,
  nextHotp: noop,
  restoreKey: noop,
};

function mount(count: number): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <AccountList
      accounts={Array.from({ length: count }, (_, i) => account(i))}
      activeOrigin={undefined}
      now={0}
      modes={{}}
      copiedId={undefined}
      movable={() => false}
      draggable={false}
      onDrop={noop}
      onLeaveTop={noop}
      listRef={createRef()}
      actions={actions}
    />,
    root,
  );
  return root;
}

const rows = (root: HTMLElement) => root.querySelectorAll('li.account');

type IdleApi = Pick<Window, 'requestIdleCallback' | 'cancelIdleCallback'>;

beforeEach(() => useLocale('en'));
afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
  delete (window as Partial<IdleApi>).requestIdleCallback;
  delete (window as Partial<IdleApi>).cancelIdleCallback;
});

describe('AccountList draws its first screen, then the rest at idle time', () => {
  it.each([
    [3, 3],
    [FIRST_SCREEN_ROWS, FIRST_SCREEN_ROWS],
    [100, FIRST_SCREEN_ROWS],
  ])('%i accounts: %i rows at first, every one after idle', async (count, first) => {
    const root = mount(count);
    expect(rows(root)).toHaveLength(first);
    await vi.waitFor(() => expect(rows(root)).toHaveLength(count), { timeout: 10_000 });
  });

  it('End on the first row before idle draws every row and focuses the last', async () => {
    // An idle time that never comes: only the key can draw the other rows.
    Object.assign(window, { requestIdleCallback: () => 1, cancelIdleCallback: noop } satisfies IdleApi);
    const root = mount(100);
    const code = root.querySelector<HTMLButtonElement>('li.account button.code')!;
    code.focus();
    code.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await vi.waitFor(() => expect(document.activeElement?.closest('li')?.dataset.accountId).toBe('id99'));
    expect(rows(root)).toHaveLength(100);
  });
});
