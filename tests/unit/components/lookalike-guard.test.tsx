import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LookalikeWarning, useLookalikeGuard } from '@/components/LookalikeWarning';
import type { LookalikeWarning as Warning } from '@/lib/messaging';
import type { AccountView } from '@/lib/otp';
import { useLocale } from '../helpers/locale';
import { accountView } from '../helpers/account-view';

const ACCOUNTS = [accountView('john'), accountView('bank')];
const WARNING: Warning = {
  pageHost: 'm2rnmanager.localhost',
  imitatedHost: 'm2mmanager.localhost',
  accountIds: ['john'],
};

/** The popup's guard as AccountsView uses it: one copy button per account, the warning above. */
function Harness(props: {
  verdict: Warning | null | undefined;
  copy: (account: AccountView) => void;
  announce: (text: string) => void;
}) {
  const guard = useLookalikeGuard(props.verdict, ACCOUNTS, props.copy, props.announce);
  return (
    <>
      {guard.warning && <LookalikeWarning warning={guard.warning} guard={guard} />}
      {ACCOUNTS.map((a) => (
        <button key={a.id} type="button" data-copy={a.id} onClick={() => guard.copy(a)}>
          {a.code}
        </button>
      ))}
    </>
  );
}

const root = () => document.body.querySelector<HTMLElement>('#root')!;
function draw(verdict: Warning | null | undefined, copy: () => void, announce: () => void): void {
  render(<Harness verdict={verdict} copy={copy} announce={announce} />, root());
}
const click = (id: string) => root().querySelector<HTMLButtonElement>(`[data-copy="${id}"]`)!.click();

beforeEach(() => {
  useLocale('en');
  document.body.innerHTML = '<div id="root"></div>';
});
afterEach(() => {
  render(null, root());
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('a copy asked before the phishing check answered waits for its answer', () => {
  it.each([
    ['the page imitates nothing: the code is copied then', null, 'john', true],
    ['the page imitates another site: the code is copied then', WARNING, 'bank', true],
    ['the page imitates this account’s site: stopped at "Copy anyway"', WARNING, 'john', false],
  ])('%s', async (_name, verdict, id, copied) => {
    const copy = vi.fn();
    const announce = vi.fn();
    draw(undefined, copy, announce);
    click(id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(copy).not.toHaveBeenCalled();

    draw(verdict, copy, announce);
    await vi.waitFor(() => expect(copied ? copy : announce).toHaveBeenCalledTimes(1));
    if (copied) {
      expect(copy).toHaveBeenCalledWith(expect.objectContaining({ id }));
      expect(announce).not.toHaveBeenCalled();
    } else {
      expect(copy).not.toHaveBeenCalled();
      expect(document.activeElement?.textContent).toBe('Copy anyway');
    }
  });

  it('once answered, a copy on the imitated account is made only after "Copy anyway"', async () => {
    const copy = vi.fn();
    draw(WARNING, copy, vi.fn());
    click('john');
    expect(copy).not.toHaveBeenCalled();
    root().querySelector<HTMLButtonElement>('[data-role="lookalike"] button')!.click();
    await vi.waitFor(() => expect(copy).toHaveBeenCalledWith(expect.objectContaining({ id: 'john' })));
  });
});
