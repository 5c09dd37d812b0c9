/**
 * The popup with a long list opens on its first screen alone (`popup:start`'s `partial`) and asks
 * for the rest at idle time. A person who types a search, presses Enter, or reaches for the sort or
 * a row's Move buttons before the rest arrives must get what the whole list gives, or nothing yet:
 * never "No matches" for an account further down, never a copy of the wrong code, never an order
 * stored from the first screen alone.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { PopupPrefetch } from '@/components/prefetch';
import { sendMessage, type PopupStart } from '@/lib/messaging';
import { FIRST_SCREEN_ROWS } from '@/lib/order/first-screen';
import type { AccountView } from '@/lib/otp';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { useLocale } from '../helpers/locale';
import { fakeManifest } from '../helpers/manifest';
import { accountView } from '../helpers/account-view';

vi.mock('@/lib/messaging', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage) as unknown as Mock<(name: string, data?: unknown) => Promise<unknown>>;
fakeManifest();
const { AccountsView } = await import('@/components/AccountsView');

const TOTAL = FIRST_SCREEN_ROWS + 6;
// Each its own code, valid for the whole test; two share a name, one on each side of the first screen.
const ALL: AccountView[] = Array.from({ length: TOTAL }, (_, i) =>
  accountView(`id${i}`, {
    issuer: `Service ${String(i).padStart(2, '0')}`,
    label: i === 2 || i === 28 ? 'twin' : `user${i}`,
    expiresAt: Date.now() + 3_600_000,
    code: String(100_000 + i),
  }),
);
const FIRST = ALL.slice(0, FIRST_SCREEN_ROWS);

const root = () => document.body.querySelector<HTMLElement>('#root')!;
const rows = () => [...root().querySelectorAll<HTMLElement>('li.account')].map((li) => li.dataset.accountId);
const search = () => root().querySelector<HTMLInputElement>('input.search')!;
const sortSelect = () => root().querySelector<HTMLSelectElement>('select')!;
const text = () => root().textContent ?? '';

let answerList: (list: AccountView[]) => void;
let copied: Mock<(text: string) => Promise<void>>;

/** The popup opened on a long list: the first screen drawn, the whole list asked for and not answered. */
async function open(): Promise<void> {
  const start = {
    state: { exists: true, unlocked: true, quarantined: 0, readOnly: false },
    accounts: FIRST,
    partial: true,
    settings: { ...DEFAULT_SETTINGS, backupNudgeDismissed: true },
    policies: {},
    lookalike: null,
  } as PopupStart;
  const prefetch: PopupPrefetch = {
    state: Promise.resolve(start.state),
    start: () => Promise.resolve(start),
  };
  render(<AccountsView prefetch={prefetch} />, root());
  await vi.waitFor(() => expect(rows()).toEqual(FIRST.map((a) => a.id)));
  await vi.waitFor(() => expect(send).toHaveBeenCalledWith('accounts:list'));
}

function type(query: string): void {
  search().value = query;
  search().dispatchEvent(new Event('input', { bubbles: true }));
}
const press = (key: string) =>
  search().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

beforeEach(() => {
  useLocale('en');
  document.body.innerHTML = '<div id="root"></div>';
  send.mockReset();
  send.mockImplementation((name) => {
    if (name === 'accounts:list') return new Promise((resolve) => (answerList = resolve));
    // The popup's other panels (site access, scan) ask about the tab: a page Twofold has no access to.
    if (name === 'tabs:activeOrigin') return Promise.resolve({});
    return Promise.resolve(undefined);
  });
  copied = vi.fn(() => Promise.resolve());
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: copied }, configurable: true });
});
afterEach(() => {
  render(null, root());
  document.body.replaceChildren();
});

describe('the popup before the rest of a long list arrives', () => {
  it('a search for an account further down says "Loading…", then finds it; Enter pressed meanwhile copies it then', async () => {
    await open();
    type('Service 27');
    await vi.waitFor(() => expect(text()).toContain('Loading…'));
    expect(text()).not.toContain('No account matches');
    press('Enter');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(copied).not.toHaveBeenCalled();

    answerList(ALL);
    await vi.waitFor(() => expect(rows()).toEqual(['id27']));
    await vi.waitFor(() => expect(copied).toHaveBeenCalledWith('100027'));
    expect(copied).toHaveBeenCalledTimes(1);
  });

  it('Enter on the only match of the first screen copies nothing when another matches further down', async () => {
    await open();
    type('twin');
    await vi.waitFor(() => expect(rows()).toEqual(['id2']));
    press('Enter');
    answerList(ALL);
    await vi.waitFor(() => expect(rows()).toEqual(['id2', 'id28']));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(copied).not.toHaveBeenCalled();
  });

  it('a search the first screen answers keeps its rows when the rest arrives', async () => {
    await open();
    // Every match is on the first screen: the rest adds none.
    const ones = FIRST.filter((a) => /1/.test(a.issuer + a.label)).map((a) => a.id);
    expect(ALL.filter((a) => /1/.test(a.issuer + a.label))).toHaveLength(ones.length);
    type('service 1');
    await vi.waitFor(() => expect(rows()).toEqual(ones));
    answerList(ALL);
    await vi.waitFor(() => expect(sortSelect().disabled).toBe(false));
    expect(rows()).toEqual(ones);
  });

  it('the sort waits for the whole list, and the first rows do not move when it comes', async () => {
    await open();
    expect(sortSelect().disabled).toBe(true);
    answerList(ALL);
    await vi.waitFor(() => expect(sortSelect().disabled).toBe(false));
    expect(rows().slice(0, FIRST_SCREEN_ROWS)).toEqual(FIRST.map((a) => a.id));
    // Drawn in full at the next idle time.
    await vi.waitFor(() => expect(rows()).toEqual(ALL.map((a) => a.id)));
  });

  it('rows cannot be moved or dragged until every account’s place is known', async () => {
    await open();
    const first = root().querySelector<HTMLElement>('li.account')!;
    first.querySelector<HTMLButtonElement>('[data-role="actions"]')!.click();
    await vi.waitFor(() => expect(first.querySelector('[data-role="move-down"]')).not.toBeNull());
    expect(first.querySelector<HTMLButtonElement>('[data-role="move-down"]')!.disabled).toBe(true);
    expect(root().querySelector('[draggable="true"]')).toBeNull();

    answerList(ALL);
    await vi.waitFor(() =>
      expect(first.querySelector<HTMLButtonElement>('[data-role="move-down"]')?.disabled).toBe(false),
    );
    expect(root().querySelector('[draggable="true"]')).not.toBeNull();
  });
});
