import { describe, expect, it, vi } from 'vitest';
import { fillTarget, targetInputs, watchForTargets, type OtpTarget } from '../../../lib/autofill';
import { boxes, mount, useStubbedLayout } from './layout';

let stops: (() => void)[] = [];
useStubbedLayout(() => {
  stops.forEach((stop) => stop());
  stops = [];
});

/** Let the observer's microtask batch (and a timer or two) run. */
const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function watch(options: Parameters<typeof watchForTargets>[3] = {}): OtpTarget[][] {
  const calls: OtpTarget[][] = [];
  stops.push(watchForTargets(document, window, (targets) => calls.push(targets), options));
  return calls;
}

const OTP_FORM =
  '<form><label for="otp">Enter your one-time code</label><input id="otp" autocomplete="one-time-code"></form>';

describe('watchForTargets', () => {
  it('a field inserted later triggers the callback once', async () => {
    mount('<main id="app"><p>Loading…</p></main>');
    const calls = watch();
    await tick();
    expect(calls).toEqual([]);

    document.getElementById('app')!.insertAdjacentHTML('beforeend', OTP_FORM);
    await tick();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.map((t) => targetInputs(t)[0]?.id)).toEqual(['otp']);

    // More churn around the same field: no second report.
    document.getElementById('app')!.insertAdjacentHTML('beforeend', '<p>Resend in 30 s</p>');
    document.getElementById('otp')!.setAttribute('class', 'focused');
    await tick();
    expect(calls).toHaveLength(1);
  });

  it.each([
    [
      'inside the form',
      `<form><h2 id="h">Log in using a backup code</h2><p id="p">Enter one of your backup codes.</p>
       <label for="otp">Authentication code</label><input id="otp" autocomplete="one-time-code"></form>`,
    ],
    [
      'above the form (Discourse-style)',
      `<div><h3 id="h">Log in using a backup code</h3><p id="p">Enter one of your backup codes.</p>
       <form><input id="otp" autocomplete="one-time-code"><button>Log in</button></form></div>`,
    ],
  ])(
    'a field held back for a backup code is reported once the text around it asks for ours (%s)',
    async (_where, html) => {
      mount(html);
      const calls = watch();
      await tick();
      expect(calls).toEqual([]);
      // Only the text changes (a text node replaced, then a character edit): the input stays.
      document.getElementById('h')!.textContent = 'Two-factor authentication';
      (document.getElementById('p')!.firstChild as Text).data = 'Enter the code from your authenticator app.';
      await tick();
      expect(calls.flat().map((t) => targetInputs(t)[0]?.id)).toEqual(['otp']);
    },
  );

  it('reports a field already on the page (initial scan), unless asked not to', async () => {
    mount(OTP_FORM);
    const calls = watch();
    await tick();
    expect(calls).toHaveLength(1);

    const quiet = watch({ initialScan: false });
    await tick();
    expect(quiet).toEqual([]);
  });

  it('no callbacks on unrelated mutations', async () => {
    mount('<main id="app"><ul id="list"></ul><form><input type="email" name="email"></form></main>');
    const calls = watch();
    const list = document.getElementById('list')!;
    for (let i = 0; i < 50; i++) list.insertAdjacentHTML('beforeend', `<li class="row">item ${i}</li>`);
    document.body.className = 'ready';
    list.setAttribute('style', 'color: red');
    document
      .getElementById('app')!
      .insertAdjacentHTML('beforeend', '<form><label>Search</label><input type="search"></form>');
    document
      .getElementById('app')!
      .insertAdjacentHTML('beforeend', '<label>Postal code<input inputmode="numeric"></label>');
    await tick(300);
    expect(calls).toEqual([]);
  });

  it('a field moved in the page is not reported again; one removed and re-added later is', async () => {
    mount(`<div id="a">${OTP_FORM}</div><div id="b"></div>`);
    const calls = watch();
    await tick();
    expect(calls).toHaveLength(1);
    const form = document.querySelector('form')!;
    document.getElementById('b')!.append(form); // moved: same batch removes and adds
    await tick();
    expect(calls).toHaveLength(1);
    form.remove();
    await tick();
    document.getElementById('a')!.append(form);
    await tick();
    expect(calls).toHaveLength(2);
  });

  it('stays cheap on a big page with no code field: only what changed is scanned', async () => {
    const fields = Array.from(
      { length: 200 },
      (_, i) => `<div><label>Field ${i}<input name="f${i}"></label></div>`,
    );
    mount(`<form id="big">${fields.join('')}</form><div id="feed"></div>`);
    const calls = watch({ initialScan: false });
    const styleReads = vi.spyOn(window, 'getComputedStyle');
    const feed = document.getElementById('feed')!;
    for (let i = 0; i < 50; i++) feed.insertAdjacentHTML('beforeend', `<p>news ${i}</p>`);
    await tick();
    expect(styleReads).not.toHaveBeenCalled();
    feed.insertAdjacentHTML('beforeend', '<div><label>Nickname<input name="nick"></label></div>');
    await tick();
    // One field's ancestor chain, not 200 fields' worth.
    expect(styleReads.mock.calls.length).toBeGreaterThan(0);
    expect(styleReads.mock.calls.length).toBeLessThan(20);
    expect(calls).toEqual([]);
    styleReads.mockRestore();
  });

  it('a hidden field that becomes visible is reported', async () => {
    mount(`<div id="step2" hidden>${OTP_FORM}</div>`);
    const calls = watch();
    await tick();
    expect(calls).toEqual([]);
    document.getElementById('step2')!.removeAttribute('hidden');
    await tick();
    expect(calls).toHaveLength(1);
  });

  it('a disabled field that becomes enabled is reported', async () => {
    mount('<input id="otp" autocomplete="one-time-code" disabled>');
    const calls = watch();
    await tick();
    document.getElementById('otp')!.removeAttribute('disabled');
    await tick();
    expect(calls).toHaveLength(1);
  });

  it('split boxes rendered one by one in the same task make one split target', async () => {
    mount('<div id="app"></div>');
    const calls = watch({ digits: 6 });
    const group = document.createElement('div');
    document.getElementById('app')!.append(group);
    for (let i = 0; i < 6; i++) group.insertAdjacentHTML('beforeend', boxes(1));
    await tick();
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]!.kind).toBe('split');
    expect(targetInputs(calls[0]![0]!)).toHaveLength(6);
  });

  it('a field inside an open shadow root attached later', async () => {
    mount('<div id="app"></div>');
    const calls = watch();
    const host = document.createElement('otp-widget');
    const shadow = host.attachShadow({ mode: 'open' });
    document.getElementById('app')!.append(host);
    await tick();
    expect(calls).toEqual([]);
    shadow.innerHTML = '<label for="c">Verification code</label><input id="c">';
    await tick();
    expect(calls).toHaveLength(1);
    expect(targetInputs(calls[0]![0]!)[0]).toBe(shadow.getElementById('c'));
  });

  it('a same-origin iframe added later, and a field added inside it afterwards', async () => {
    mount('<div id="app"></div>');
    const calls = watch();
    document
      .getElementById('app')!
      .insertAdjacentHTML('beforeend', '<iframe srcdoc="<p>Loading</p>"></iframe>');
    await tick();
    expect(calls).toEqual([]);
    const frameDoc = document.querySelector('iframe')!.contentDocument!;
    frameDoc.body.insertAdjacentHTML('beforeend', OTP_FORM);
    await tick();
    expect(calls).toHaveLength(1);
    expect(targetInputs(calls[0]![0]!)[0]).toBe(frameDoc.getElementById('otp'));
  });

  it('stops after the returned function is called', async () => {
    mount('<div id="app"></div>');
    const calls: OtpTarget[][] = [];
    const stop = watchForTargets(document, window, (targets) => calls.push(targets));
    stop();
    document.getElementById('app')!.insertAdjacentHTML('beforeend', OTP_FORM);
    await tick();
    expect(calls).toEqual([]);
  });

  // How fast is `npm run bench`'s business ("field appears → code filled"); here only that it happens.
  it('a field appearing is reported and filled', async () => {
    mount('<div id="app"></div>');
    const done = new Promise<void>((resolve) => {
      stops.push(
        watchForTargets(document, window, (targets) => {
          void fillTarget(targets[0]!, '492039', window).then(() => resolve());
        }),
      );
    });
    document.getElementById('app')!.insertAdjacentHTML('beforeend', OTP_FORM);
    await done;
    expect((document.getElementById('otp') as HTMLInputElement).value).toBe('492039');
  });
});
