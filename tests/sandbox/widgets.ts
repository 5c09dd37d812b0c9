import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { send, sendHtml } from './http.ts';
import { handleLoginTemplate } from './login-templates.ts';
import { qrMatrix, qrPng, qrSvg } from './qr.ts';

/**
 * Code-entry widgets as other sites build them, for autofill tests: a plain
 * field (optionally inserted late), a Preact-controlled input, a split 6-box
 * widget, an enrolment pop-up opened by script, and a page that embeds another
 * page in an iframe. Each shows its own
 * state, so a test can see what the page itself believes was typed.
 */
const require = createRequire(import.meta.url);
const VENDOR: Record<string, string> = {
  '/widgets/vendor/preact.mjs': require.resolve('preact').replace(/dist\/preact\.js$/, 'dist/preact.mjs'),
  '/widgets/vendor/hooks.mjs': require.resolve('preact/hooks').replace(/dist\/hooks\.js$/, 'dist/hooks.mjs'),
};

const STYLE = `<style>body{font:16px system-ui,sans-serif;margin:40px}input{font:20px monospace;padding:6px}
.boxes input{width:1.6em;text-align:center;margin-right:4px}iframe{width:520px;height:260px;border:1px solid #ccc}</style>`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${STYLE}
<script type="importmap">{"imports":{"preact":"/widgets/vendor/preact.mjs","preact/hooks":"/widgets/vendor/hooks.mjs"}}</script>
</head><body><h1>${title}</h1>${body}</body></html>`;
}

const PLAIN = `<form id="f" onsubmit="event.preventDefault();document.getElementById('out').textContent='Submitted: '+document.getElementById('otp').value">
<div id="slot"></div><button>Verify</button></form><p id="out" role="status"></p>
<script>
const field = '<label for="otp">Enter your one-time code</label> <input id="otp" name="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6">';
const late = Number(new URLSearchParams(location.search).get('late') || 0);
const put = () => { document.getElementById('slot').innerHTML = field; };
if (late) setTimeout(put, late); else put();
</script>`;

const PREACT = `<div id="app"></div><script type="module">
import { h, render } from 'preact';
import { useState } from 'preact/hooks';
function App() {
  const [code, setCode] = useState('');
  return h('form', { onSubmit: (e) => e.preventDefault() },
    h('label', { for: 'code' }, 'Verification code'), ' ',
    h('input', { id: 'code', inputMode: 'numeric', autoComplete: 'one-time-code', value: code,
      onInput: (e) => setCode(e.currentTarget.value.replace(/\\D/g, '').slice(0, 6)) }),
    h('p', { role: 'status' }, 'Preact state: ' + code));
}
render(h(App), document.getElementById('app'));
</script>`;

const SPLIT = `<fieldset><legend id="legend">Enter your one-time code</legend>
<div class="boxes" role="group" aria-labelledby="legend"></div></fieldset><p id="state" role="status">Widget state: </p>
<script>
const digits = Array(6).fill('');
const group = document.querySelector('.boxes');
const show = () => { document.getElementById('state').textContent = 'Widget state: ' + digits.join(''); };
for (let i = 0; i < 6; i++) {
  const box = document.createElement('input');
  Object.assign(box, { maxLength: 1, inputMode: 'numeric', autocomplete: i ? 'off' : 'one-time-code' });
  box.setAttribute('aria-label', 'Digit ' + (i + 1));
  box.addEventListener('input', () => {
    box.value = box.value.replace(/\\D/g, '').slice(-1);
    digits[i] = box.value;
    show();
    if (box.value && i < 5) group.children[i + 1].focus();
  });
  group.append(box);
}
</script>`;

/** The plain field's markup, for frames that carry it inline (srcdoc, document.write). */
const INLINE_FIELD =
  '<label for="otp">Enter your one-time code</label> <input id="otp" name="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6">';

/** Sandbox tokens a test may ask for (`allow-scripts allow-forms` ...); anything else is dropped. */
function sandboxTokens(value: string | null): string | undefined {
  if (value === null) return undefined;
  return value
    .split(/\s+/)
    .filter((token) => /^allow-[a-z-]+$/.test(token))
    .join(' ');
}

/**
 * Frames whose URL names no site: a srcdoc frame and an about:blank frame the page writes
 * into. With `sandbox`, only the srcdoc frame, sandboxed (its origin is opaque: a page cannot
 * write into it).
 */
function inlineFrames(sandbox: string | undefined): string {
  const srcdoc = INLINE_FIELD.replace(/"/g, '&quot;');
  if (sandbox !== undefined) {
    return `<iframe title="srcdoc frame" sandbox="${sandbox}" srcdoc="${srcdoc}"></iframe>`;
  }
  return `<iframe title="srcdoc frame" srcdoc="${srcdoc}"></iframe>
<iframe title="about:blank frame"></iframe>
<script>
const d = document.querySelector('iframe[title="about:blank frame"]').contentDocument;
d.open(); d.write(${JSON.stringify(INLINE_FIELD)}); d.close();
</script>`;
}

/** An enrolment pop-up that opens `late` ms after load (a single-page app), with a fresh secret. */
function enrolWidget(): string {
  const secret = Array.from(randomBytes(20), (b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[b % 32]).join('');
  const qr = JSON.stringify(
    qrMatrix(`otpauth://totp/Widgets:enrol%40example.com?secret=${secret}&issuer=Widgets`),
  );
  return `<button id="open">Set up two-factor authentication</button><div id="slot"></div>
<script>
const qr = ${qr};
function open() {
  document.getElementById('slot').innerHTML = '<div role="dialog" aria-modal="true" aria-label="Scan this code">' +
    '<canvas width="0" height="0" style="width:200px;height:200px"></canvas>' +
    '<p><label for="otp">Enter your one-time code</label> <input id="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6"></p></div>';
  const canvas = document.querySelector('canvas'), S = 6, M = 4, px = (qr.size + 2 * M) * S;
  canvas.width = px; canvas.height = px;
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff'; g.fillRect(0, 0, px, px); g.fillStyle = '#000';
  for (let r = 0; r < qr.size; r++) for (let c = 0; c < qr.size; c++)
    if (qr.bits[r * qr.size + c] === '1') g.fillRect((c + M) * S, (r + M) * S, S, S);
}
document.getElementById('open').addEventListener('click', open);
const late = Number(new URLSearchParams(location.search).get('late') || 0);
if (late) setTimeout(open, late);
</script>`;
}

/**
 * A hostile page: the same labelled code field, hidden from the user by one trick, and a script that
 * reads the field back every 50 ms (what a page would send home). `trick=none` is the honest control.
 */
const HIDING_TRICKS: Record<string, { wrap?: string; style?: string; after?: string }> = {
  none: {},
  'clip-path': { style: 'clip-path: inset(50%)' },
  'filter-opacity': { style: 'filter: opacity(0)' },
  transparent: {
    style: 'color: transparent; background: transparent; border-color: transparent; caret-color: transparent',
  },
  'tiny-wrapper': { wrap: 'display:inline-block;width:2px;height:2px;overflow:hidden' },
  overlay: {
    after:
      '<div style="position:absolute;left:0;top:0;width:100%;height:100%;background:#fff;z-index:5">Welcome back!</div>',
  },
  'far-below': { wrap: 'margin-top:4000px' },
  // Laid over prose the user reads, as input-otp lays its input over its slots: still invisible ink.
  'transparent-over-text': {
    style:
      'position:absolute;left:0;top:0;width:100%;height:100%;color:transparent;background:transparent;border:0;caret-color:transparent',
    after: '<p style="margin:0;padding:12px 0;font-size:20px">Welcome back! Loading your dashboard…</p>',
  },
};

function hostile(trick: string): string | undefined {
  const spec = HIDING_TRICKS[trick];
  if (!spec) return undefined;
  const field = `<label for="otp">Enter your one-time code</label> <input id="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6" style="${spec.style ?? ''}">`;
  const wrapped = spec.wrap ? `<div style="${spec.wrap}">${field}</div>` : field;
  return `<form style="position:relative" onsubmit="event.preventDefault()">${wrapped}${spec.after ?? ''}</form>
<p id="seen" role="status">Read back: </p>
<script>
const got = new Set();
setInterval(() => {
  const v = document.getElementById('otp').value;
  if (v) { got.add(v); document.getElementById('seen').textContent = 'Read back: ' + [...got].join(','); }
}, 50);
</script>`;
}

/**
 * A hostile page that removes and re-adds its code field in a loop, collecting every value it ever
 * sees: against HOTP, each fill would be a fresh code and a step of the counter.
 */
const HARVEST_LOOP = `<form onsubmit="event.preventDefault()"><div id="slot"></div></form>
<p id="seen" role="status">Harvested: </p>
<script>
const got = new Set();
const field = '<label for="otp">Enter your one-time code</label> <input id="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6">';
const slot = document.getElementById('slot');
slot.innerHTML = field;
setInterval(() => {
  const v = document.getElementById('otp')?.value;
  if (v) { got.add(v); document.getElementById('seen').textContent = 'Harvested: ' + [...got].join(','); }
  slot.innerHTML = '';
  slot.innerHTML = field;
}, Number(new URLSearchParams(location.search).get('every') || 80));
</script>`;

/** The account behind /widgets/qrcode/totp.svg and .png: a QR image opened on its own. */
export const QR_IMAGE_URI = 'otpauth://totp/Widgets:qr-image?secret=JBSWY3DPEHPK3PXP&issuer=Widgets';

export async function handleWidget(url: URL, res: ServerResponse): Promise<boolean> {
  const vendor = VENDOR[url.pathname];
  if (vendor) {
    send(res, 200, await readFile(vendor), 'text/javascript; charset=utf-8');
    return true;
  }
  if (url.pathname.startsWith('/widgets/login/')) return handleLoginTemplate(url, res);
  switch (url.pathname) {
    case '/widgets/qrcode/totp.svg':
      send(res, 200, await qrSvg(QR_IMAGE_URI), 'image/svg+xml');
      return true;
    case '/widgets/qrcode/totp.png':
      send(res, 200, await qrPng(QR_IMAGE_URI), 'image/png');
      return true;
    case '/widgets/otp':
      if (url.searchParams.get('csp') === 'sandbox') {
        // The same page as a document the browser gives an opaque origin, whatever its URL.
        res.setHeader('Content-Security-Policy', 'sandbox allow-scripts allow-forms');
      }
      sendHtml(res, 200, page('Plain code field', PLAIN));
      return true;
    case '/widgets/preact':
      sendHtml(res, 200, page('Preact-controlled field', PREACT));
      return true;
    case '/widgets/split':
      sendHtml(res, 200, page('Split six-box code', SPLIT));
      return true;
    case '/widgets/enrol':
      sendHtml(res, 200, page('Set up two-factor authentication', enrolWidget()));
      return true;
    case '/widgets/hostile': {
      const body = hostile(url.searchParams.get('trick') ?? '');
      if (!body) return false;
      sendHtml(res, 200, page('A hostile code page', body));
      return true;
    }
    case '/widgets/harvest':
      sendHtml(res, 200, page('A page that re-adds its field', HARVEST_LOOP));
      return true;
    case '/widgets/embed': {
      const src = url.searchParams.get('src') ?? '';
      const safe = /^https?:\/\/[\w.-]+(:\d+)?\//.test(src) ? src.replace(/"/g, '') : 'about:blank';
      const tokens = sandboxTokens(url.searchParams.get('sandbox'));
      const sandbox = tokens === undefined ? '' : ` sandbox="${tokens}"`;
      sendHtml(
        res,
        200,
        page('A page with a frame', `<iframe title="Embedded page"${sandbox} src="${safe}"></iframe>`),
      );
      return true;
    }
    case '/widgets/inline-frames':
      sendHtml(
        res,
        200,
        page(
          'Frames without a URL of their own',
          inlineFrames(sandboxTokens(url.searchParams.get('sandbox'))),
        ),
      );
      return true;
    default:
      return false;
  }
}
