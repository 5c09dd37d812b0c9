/**
 * The popup's account list while the user acts: a list asked for before a move and answered
 * after it does not put the old order back, and the focus a re-render restores never pulls back
 * a Tab pressed before the next frame.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { RowMode } from '@/components/CodeRow';
import type { PopupPrefetch } from '@/components/prefetch';
import { useAccounts, type Accounts } from '@/components/useAccounts';
import { sendMessage, type PopupStart } from '@/lib/messaging';
import type { AccountView } from '@/lib/otp/account';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { useLocale } from '../helpers/locale';
import { accountView } from '../helpers/account-view';

vi.mock('@/lib/messaging', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage) as unknown as Mock<(name: string, data?: unknown) => Promise<unknown>>;

// Codes valid for the whole test: no refresh of its own comes in between.
const [A, B, C] = ['A', 'B', 'C'].map((id) => accountView(id, { expiresAt: Date.now() + 3_600_000 })) as [
  AccountView,
  AccountView,
  AccountView,
];

let hook: Accounts;
/** The rows as AccountList draws what matters here: an actions toggle, and its buttons when open. */
function Harness({ prefetch }: { prefetch: PopupPrefetch }) {
  hook = useAccounts(prefetch, () => {});
  const mode = (a: AccountView): RowMode => hook.modes[a.id] ?? 'idle';
  return (
    <ul>
      {hook.accounts?.map((a) => (
        <li key={a.id} data-account-id={a.id}>
          <button type="button" data-role="actions">
            {a.id}
          </button>
          {mode(a) === 'actions' && (
            <>
              <button type="button" data-role="pin">
                pin
              </button>
              <button type="button" data-role="move-up">
                up
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

const root = () => document.body.querySelector<HTMLElement>('#root')!;
const shown = () => [...root().querySelectorAll('li')].map((li) => li.dataset.accountId);
const inRow = (id: string, role: string) =>
  root().querySelector<HTMLButtonElement>(`[data-account-id="${id}"] [data-role="${role}"]`)!;
/** Preact renders on a microtask: a few turns let it commit (layout effects run then). */
const commit = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
/** Long enough for effects that wait for a painted frame. */
const afterFrames = () => new Promise((resolve) => setTimeout(resolve, 150));

async function draw(accounts: AccountView[]): Promise<void> {
  const start = {
    state: { exists: true, unlocked: true, quarantined: 0, readOnly: false },
    accounts,
    settings: DEFAULT_SETTINGS,
    policies: {},
  } as unknown as PopupStart;
  // One prefetch for the popup's life, as main.tsx makes it.
  const prefetch = { state: Promise.resolve(start.state), start: () => Promise.resolve(start) };
  render(<Harness prefetch={prefetch} />, root());
  await vi.waitFor(() => expect(shown()).toEqual(accounts.map((a) => a.id)));
}

beforeEach(() => {
  useLocale('en');
  document.body.innerHTML = '<div id="root"></div>';
  send.mockReset();
});
afterEach(() => {
  render(null, root());
  document.body.replaceChildren();
});

describe('useAccounts while the user acts', () => {
  it('a list asked for before a move and answered after it keeps the moved order', async () => {
    await draw([A, B, C]);
    let answerList: (list: AccountView[]) => void = () => {};
    send.mockImplementation(async (name) => {
      if (name === 'accounts:list') return new Promise((resolve) => (answerList = resolve));
      return undefined;
    });
    const late = hook.refresh(); // e.g. the codes' period ended
    hook.actions.move(C, -1);
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith('accounts:reorder', { ids: ['A', 'C', 'B'] }));
    answerList([A, B, C]); // read before the new order was stored
    await late;
    await afterFrames();
    expect(shown()).toEqual(['A', 'C', 'B']);

    // The next list asked for is shown (here another computer's order came in since): dropping
    // the late one does not freeze the list.
    send.mockImplementation((name) => Promise.resolve(name === 'accounts:list' ? [C, A, B] : undefined));
    await hook.refresh();
    await vi.waitFor(() => expect(shown()).toEqual(['C', 'A', 'B']));
  });

  it('a Tab pressed right after the actions open stays where it went', async () => {
    await draw([A, B, C]);
    inRow('B', 'actions').focus();
    hook.actions.setMode(B, 'actions');
    await commit();
    // The user's Tab lands on the next button before the browser paints a frame.
    inRow('B', 'pin').focus();
    await afterFrames();
    expect(document.activeElement).toBe(inRow('B', 'pin'));
  });
});
