import type { Lang, Strings } from '../i18n.ts';
import { LANGS } from '../i18n.ts';
import { esc } from './html.ts';

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2733;background:#eef2f6}
a{color:#0a5cad}
header.top{display:flex;align-items:center;gap:16px;padding:10px 24px;background:#0b2a4a;color:#fff}
.logo{font-weight:700;font-size:20px;letter-spacing:.3px}.logo span{color:#3fc1a5}
.tagline{opacity:.75;font-size:13px;flex:1}
header.top a{color:#cfe3f7}
nav.lang{display:flex;gap:8px;font-size:13px}nav.lang a[aria-current]{font-weight:700;text-decoration:none;color:inherit}
header.top nav.lang a[aria-current]{color:#fff}
main{max-width:1040px;margin:24px auto;padding:0 24px}
.card{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:24px;margin-bottom:20px}
.login{max-width:400px;margin:64px auto}
h1{font-size:22px;margin:0 0 16px}h2{font-size:18px;margin:0 0 12px}
label{display:block;font-weight:600;margin:12px 0 4px}
input[type=email],input[type=password],input[type=text],input[type=tel]{width:100%;padding:9px 11px;border:1px solid #9aa8b6;border-radius:6px;font:inherit}
input:focus,button:focus,a:focus{outline:3px solid #7ab8f5;outline-offset:1px}
.check{display:flex;gap:8px;align-items:flex-start;font-weight:400;margin:16px 0}
.check input{margin-top:4px}
.hint{font-size:13px;color:#5b6b7b;margin:2px 0 0}
.actions{display:flex;gap:10px;flex-wrap:wrap;margin-top:18px}
button{font:inherit;border-radius:6px;padding:9px 18px;border:1px solid #0a5cad;background:#0a5cad;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0a5cad}
button.link{background:none;border:none;color:#0a5cad;text-decoration:underline;padding:9px 4px}
.alert{background:#fdecea;border:1px solid #f5b4ad;color:#8a1f11;padding:10px 12px;border-radius:6px;margin:12px 0}
.notice{background:#e7f5ee;border:1px solid #a6dcc0;color:#14532d;padding:10px 12px;border-radius:6px;margin:12px 0}
.overlay{position:fixed;inset:0;background:rgba(11,42,74,.55);display:flex;align-items:center;justify-content:center;padding:16px;z-index:10}
.dialog{background:#fff;border-radius:12px;box-shadow:0 12px 40px rgba(0,0,0,.3);max-width:520px;width:100%;max-height:calc(100vh - 32px);overflow:auto;padding:24px 28px;position:relative}
.dialog .x{position:absolute;top:10px;right:12px;background:none;border:none;color:#5b6b7b;font-size:22px;padding:2px 8px;text-decoration:none}
.dialog footer{margin-top:16px;font-size:12px;color:#5b6b7b}
.qr{display:flex;gap:16px;flex-wrap:wrap;justify-content:center;margin:12px 0}
.qr figure{margin:0;text-align:center}.qr figcaption{font-size:12px;color:#5b6b7b;max-width:220px}
.qr canvas,.qr img{width:200px;height:200px;image-rendering:pixelated;border:1px solid #dde3ea}
ol{padding-left:20px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:8px;border-bottom:1px solid #e3e8ee}
code.key{font-size:14px;letter-spacing:1px;word-break:break-all}
`;

/** Draws QR codes on canvases, traps focus in the open dialog, and maps Escape to its dismiss control. */
const SCRIPT = `
(() => {
  const SCALE = 6, MARGIN = 4;
  for (const canvas of document.querySelectorAll('canvas[data-qr]')) {
    const { size, bits } = JSON.parse(canvas.dataset.qr);
    const px = (size + 2 * MARGIN) * SCALE;
    canvas.width = px; canvas.height = px;
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff'; g.fillRect(0, 0, px, px); g.fillStyle = '#000';
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++)
      if (bits[r * size + c] === '1') g.fillRect((c + MARGIN) * SCALE, (r + MARGIN) * SCALE, SCALE, SCALE);
  }
  // Cross-origin image without CORS: drawing it taints the canvas, as on some real sites.
  for (const canvas of document.querySelectorAll('canvas[data-qr-src]')) {
    const img = new Image();
    img.onload = () => {
      canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
      canvas.getContext('2d').drawImage(img, 0, 0);
      canvas.dataset.loaded = 'true';
    };
    img.src = canvas.dataset.qrSrc;
  }
  const dialog = document.querySelector('[role="dialog"][aria-modal="true"]');
  if (!dialog) return;
  const focusables = () => [...dialog.querySelectorAll('a[href],button:not([disabled]),input:not([disabled]),select,textarea,summary,[tabindex]:not([tabindex="-1"])')]
    .filter((el) => el.offsetParent !== null);
  const first = dialog.querySelector('[autofocus]') || focusables()[0];
  if (first) first.focus();
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Tab') {
      const items = focusables();
      if (!items.length) return;
      const head = items[0], tail = items[items.length - 1];
      if (!dialog.contains(document.activeElement)) { event.preventDefault(); head.focus(); }
      else if (event.shiftKey && document.activeElement === head) { event.preventDefault(); tail.focus(); }
      else if (!event.shiftKey && document.activeElement === tail) { event.preventDefault(); head.focus(); }
    } else if (event.key === 'Escape' && dialog.dataset.escape) {
      const target = document.getElementById(dialog.dataset.escape);
      if (target) { event.preventDefault(); target.click(); }
    }
  });
})();
`;

export interface ShellOptions {
  lang: Lang;
  t: Strings;
  title: string;
  /** Current path, for the language switch links. */
  path: string;
  body: string;
}

export function languageSwitch(lang: Lang, t: Strings, path: string): string {
  const names: Record<Lang, string> = { en: 'English', fr: 'Français' };
  const links = LANGS.map(
    (code) =>
      `<a href="${esc(path)}?lang=${code}" lang="${code}" hreflang="${code}"${code === lang ? ' aria-current="true"' : ''}>${names[code]}</a>`,
  ).join('');
  return `<nav class="lang" aria-label="${esc(t.langSwitch)}">${links}</nav>`;
}

export function shell({ lang, t, title, path, body }: ShellOptions): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} – ${esc(t.htmlTitle)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="top"${body.includes('role="dialog"') ? ' inert aria-hidden="true"' : ''}>
  <div class="logo">M2M<span>manager</span></div>
  <div class="tagline">${esc(t.tagline)}</div>
  ${languageSwitch(lang, t, path)}
</header>
${body}
<script>${SCRIPT}</script>
</body>
</html>`;
}

export interface DialogOptions {
  id: string;
  title: string;
  body: string;
  /** Id of the control Escape activates; omitted on mandatory screens. */
  escapeTarget?: string;
  /** Close (×) link for dismissible dialogs. */
  closeHref?: string;
  closeLabel?: string;
  footer?: string;
}

/** A modal over the (inert) application, as the platform shows its pop-ups. */
export function dialog(options: DialogOptions): string {
  const titleId = `${options.id}-title`;
  const close =
    options.closeHref && options.closeLabel
      ? `<a class="x" id="${options.id}-close" href="${esc(options.closeHref)}" aria-label="${esc(options.closeLabel)}">×</a>`
      : '';
  const escape = options.escapeTarget ? ` data-escape="${esc(options.escapeTarget)}"` : '';
  return `<div class="overlay">
<div class="dialog" id="${options.id}" role="dialog" aria-modal="true" aria-labelledby="${titleId}"${escape}>
${close}
<h2 id="${titleId}">${esc(options.title)}</h2>
${options.body}
${options.footer ? `<footer>${options.footer}</footer>` : ''}
</div>
</div>`;
}

export function alert(message: string | null | undefined): string {
  return message ? `<p class="alert" role="alert">${esc(message)}</p>` : '';
}

export function notice(message: string | null | undefined): string {
  return message ? `<p class="notice" role="status">${esc(message)}</p>` : '';
}
