/**
 * Deterministic QR corpus: every case is rebuilt from a fixed seed, in pure TS, each time it is
 * imported (no binary fixtures in the repository). `buildQrCorpus()` lists the cases.
 */
import QRCode, { type QRCodeSegment } from 'qrcode';
import type { RgbaImage } from '../../../lib/qr/types';
import {
  BLACK,
  CLEAR,
  WHITE,
  addNoise,
  boxBlur,
  dim,
  drawImage,
  fillCircle,
  fillRect,
  gaussianBlur,
  invertColors,
  jpegNoise,
  newImage,
  prng,
  randInt,
  rotate,
  rotate90,
  scaleBilinear,
  strokeRect,
  type Rgba,
} from './image';

export * from './image';

export interface QrCase {
  name: string;
  image: RgbaImage;
  /** Every text the image holds; empty for negatives. */
  expected: string[];
}

export type ErrorLevel = 'L' | 'M' | 'Q' | 'H';

export interface RenderOptions {
  /** Pixels per module; non-integer values (device pixel ratio) are anti-aliased. */
  module: number;
  /** Quiet zone in modules. */
  quiet?: number;
  fg?: Rgba;
  bg?: Rgba;
  level?: ErrorLevel;
}

/** What a code holds: a text (qrcode picks the modes), or explicit segments (byte, kanji, …). */
export type QrContent = string | QRCodeSegment[];

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ISSUERS = ['M2Mmanager', 'GitHub', 'Acme Cloud', 'Fastmail', 'Example Bank'];
const USERS = ['jane.doe@example.com', 'j.martin@example.org', 'ops-admin', 'marie.curie@example.fr'];

export function base32Secret(rng: () => number, length = 32): string {
  let s = '';
  for (let i = 0; i < length; i++) s += BASE32[Math.floor(rng() * 32)];
  return s;
}

/** A realistic enrolment URI in the Key URI format. */
export function otpauthUri(rng: () => number): string {
  const issuer = ISSUERS[Math.floor(rng() * ISSUERS.length)]!;
  const user = USERS[Math.floor(rng() * USERS.length)]!;
  const secret = base32Secret(rng, [16, 26, 32][Math.floor(rng() * 3)]);
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(user)}`;
  const extra = rng() < 0.3 ? '&algorithm=SHA256&digits=8&period=30' : '';
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}${extra}`;
}

export function urlPayload(rng: () => number): string {
  const paths = ['account/security', 'help/2fa', 'download/app', 'settings/devices'];
  return `https://m2mmanager.example.com/${paths[Math.floor(rng() * paths.length)]!}?ref=${randInt(rng, 1000, 99999)}`;
}

/** The module matrix from `qrcode` (no rendering of its own). */
export function qrMatrix(
  text: QrContent,
  level: ErrorLevel = 'M',
): { size: number; get(r: number, c: number): boolean } {
  const m = QRCode.create(text, { errorCorrectionLevel: level, toSJISFunc: shiftJisCode }).modules;
  return { size: m.size, get: (r, c) => m.get(r, c) === 1 };
}

/**
 * Renders a code: module coverage is supersampled 4×4 per pixel, so fractional module sizes
 * look like a browser drawing a canvas at a device pixel ratio of 1.25 or 1.5.
 */
export function renderQr(text: QrContent, opts: RenderOptions): RgbaImage {
  const { module, quiet = 4, fg = BLACK, bg = WHITE, level = 'M' } = opts;
  const matrix = qrMatrix(text, level);
  const side = Math.ceil((matrix.size + 2 * quiet) * module);
  const img = newImage(side, side, bg);
  const SS = 4;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      let dark = 0;
      for (let j = 0; j < SS; j++) {
        for (let i = 0; i < SS; i++) {
          const c = Math.floor((x + (i + 0.5) / SS) / module) - quiet;
          const r = Math.floor((y + (j + 0.5) / SS) / module) - quiet;
          if (r >= 0 && c >= 0 && r < matrix.size && c < matrix.size && matrix.get(r, c)) dark++;
        }
      }
      const k = dark / (SS * SS);
      const p = (y * side + x) * 4;
      for (let ch = 0; ch < 4; ch++) img.data[p + ch] = fg[ch]! * k + bg[ch]! * (1 - k);
    }
  }
  return img;
}

/** Word-like runs of glyph rectangles: the texture that fools naive QR locators. */
export function drawText(
  img: RgbaImage,
  rng: () => number,
  x: number,
  y: number,
  width: number,
  lines: number,
  color: Rgba,
  size = 1,
) {
  for (let l = 0; l < lines; l++) {
    let cx = x;
    const base = y + l * 22 * size;
    const lineEnd = x + width * (l === lines - 1 ? 0.4 + rng() * 0.5 : 0.9 + rng() * 0.1);
    while (cx < lineEnd) {
      const letters = randInt(rng, 2, 9);
      for (let k = 0; k < letters && cx < lineEnd; k++) {
        const gw = randInt(rng, 4, 7) * size;
        const tall = rng() < 0.3;
        const gh = (tall ? 11 : 8) * size;
        fillRect(img, cx, base + (11 * size - gh), gw, gh, color);
        // A counter (the hole in o, e, a) so glyphs are not solid blocks.
        if (rng() < 0.6)
          fillRect(
            img,
            cx + size,
            base + 11 * size - gh + 2 * size,
            Math.max(1, gw - 2 * size),
            Math.max(1, gh - 4 * size),
            WHITE,
          );
        cx += gw + 1 * size;
      }
      cx += 6 * size;
    }
  }
}

export interface Placement {
  image: RgbaImage;
  /** Top-left corner in the frame; omitted = centred in the dialog. */
  at?: [number, number];
}

/**
 * A 1920×1080 admin-console-like page: header, sidebar, paragraphs, buttons, form fields, and
 * optionally a modal dialog (dimmed page) holding the given codes.
 */
export function pageFrame(
  seed: number,
  codes: Placement[],
  opts: { dialog?: boolean; dark?: boolean; scale?: number } = {},
): RgbaImage {
  const rng = prng(seed);
  const s = opts.scale ?? 1;
  const W = 1920;
  const H = 1080;
  const bgc: Rgba = opts.dark ? [24, 26, 32, 255] : [246, 247, 250, 255];
  const ink: Rgba = opts.dark ? [210, 214, 220, 255] : [40, 44, 52, 255];
  const img = newImage(W, H, bgc);
  fillRect(img, 0, 0, W, 56 * s, [11, 95, 255, 255]);
  drawText(img, rng, 24 * s, 20 * s, 160 * s, 1, WHITE, s);
  fillRect(img, 0, 56 * s, 240 * s, H, opts.dark ? [34, 36, 44, 255] : [230, 233, 240, 255]);
  for (let i = 0; i < 12; i++) drawText(img, rng, 20 * s, (90 + i * 40) * s, 150 * s, 1, ink, s);
  for (let block = 0; block < 4; block++) {
    const bx = (280 + (block % 2) * 800) * s;
    const by = (100 + Math.floor(block / 2) * 420) * s;
    fillRect(img, bx, by, 760 * s, 380 * s, opts.dark ? [40, 42, 50, 255] : WHITE);
    strokeRect(img, bx, by, 760 * s, 380 * s, [210, 214, 222, 255]);
    drawText(img, rng, bx + 20 * s, by + 20 * s, 700 * s, 9, ink, s);
    fillRect(img, bx + 20 * s, by + 300 * s, 120 * s, 40 * s, [11, 95, 255, 255]);
    drawText(img, rng, bx + 36 * s, by + 314 * s, 80 * s, 1, WHITE, s);
    strokeRect(img, bx + 170 * s, by + 300 * s, 300 * s, 40 * s, [160, 166, 176, 255]);
  }
  if (opts.dialog) {
    dim(img, 0.45);
    const dw = 880;
    const dh = 640;
    const dx = (W - dw) / 2;
    const dy = (H - dh) / 2;
    fillRect(img, dx, dy, dw, dh, WHITE);
    drawText(img, rng, dx + 32, dy + 32, 500, 1, [20, 20, 20, 255], 2);
    drawText(img, rng, dx + 32, dy + 90, 800, 2, [60, 60, 60, 255]);
    drawText(img, rng, dx + 32, dy + dh - 120, 800, 2, [60, 60, 60, 255]);
    fillRect(img, dx + dw - 180, dy + dh - 64, 148, 40, [11, 95, 255, 255]);
    codes.forEach((c, i) => {
      const [x, y] = c.at ?? [
        Math.round(dx + dw / 2 - c.image.width / 2 + (codes.length > 1 ? (i - 0.5) * 360 : 0)),
        Math.round(dy + dh / 2 - c.image.height / 2),
      ];
      drawImage(img, c.image, x, y);
    });
  } else {
    for (const c of codes) drawImage(img, c.image, c.at?.[0] ?? 0, c.at?.[1] ?? 0);
  }
  return img;
}

/** Smooth "photo": blended gradients, soft blobs and sensor noise. */
export function photoLike(seed: number, width: number, height: number): RgbaImage {
  const rng = prng(seed);
  const img = newImage(width, height, WHITE);
  const c0 = [rng() * 255, rng() * 255, rng() * 255];
  const c1 = [rng() * 255, rng() * 255, rng() * 255];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      const p = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) img.data[p + c] = c0[c]! * (1 - t) + c1[c]! * t;
    }
  }
  for (let i = 0; i < 12; i++) {
    const col: Rgba = [randInt(rng, 0, 255), randInt(rng, 0, 255), randInt(rng, 0, 255), 120];
    fillCircle(img, rng() * width, rng() * height, 10 + rng() * width * 0.15, col);
  }
  return addNoise(gaussianBlur(img, 2), 12, rng);
}

/** Icon-like shapes, including finder-pattern-like concentric squares: must never decode. */
export function iconSheet(seed: number): RgbaImage {
  const rng = prng(seed);
  const img = newImage(320, 320, WHITE);
  const finder = (x: number, y: number, m: number) => {
    fillRect(img, x, y, 7 * m, 7 * m, BLACK);
    fillRect(img, x + m, y + m, 5 * m, 5 * m, WHITE);
    fillRect(img, x + 2 * m, y + 2 * m, 3 * m, 3 * m, BLACK);
  };
  // Three finder-like squares placed like a code's, with noise between: the nastiest negative.
  finder(40, 40, 6);
  finder(238, 40, 6);
  finder(40, 238, 6);
  for (let i = 0; i < 60; i++) fillRect(img, randInt(rng, 100, 220), randInt(rng, 100, 220), 6, 6, BLACK);
  fillCircle(img, 270, 270, 24, [11, 95, 255, 255]);
  return img;
}

function smallIcons(seed: number): RgbaImage {
  const rng = prng(seed);
  const img = newImage(480, 240, WHITE);
  for (let i = 0; i < 8; i++) {
    const x = 20 + (i % 4) * 115;
    const y = 20 + Math.floor(i / 4) * 110;
    const col: Rgba = [randInt(rng, 0, 200), randInt(rng, 0, 200), randInt(rng, 0, 200), 255];
    if (i % 3 === 0) fillCircle(img, x + 40, y + 40, 36, col);
    else if (i % 3 === 1) {
      fillRect(img, x, y, 80, 80, col);
      fillRect(img, x + 16, y + 16, 48, 48, WHITE);
    } else {
      for (let k = 0; k < 4; k++) fillRect(img, x + k * 20, y + 80 - (k + 1) * 20, 16, (k + 1) * 20, col);
    }
  }
  return img;
}

function checkerboard(size: number, cell: number): RgbaImage {
  const img = newImage(size, size, WHITE);
  for (let y = 0; y < size; y += cell) {
    for (let x = 0; x < size; x += cell)
      if (((x + y) / cell) % 2 === 0) fillRect(img, x, y, cell, cell, BLACK);
  }
  return img;
}

function saltAndPepper(seed: number, size: number): RgbaImage {
  const rng = prng(seed);
  const img = newImage(size, size, WHITE);
  for (let y = 0; y < size; y += 3) {
    for (let x = 0; x < size; x += 3) if (rng() < 0.5) fillRect(img, x, y, 3, 3, BLACK);
  }
  return img;
}

/** Code on a plain background of its own colour: a tight crop. */
function tight(text: QrContent, opts: RenderOptions): RgbaImage {
  return renderQr(text, opts);
}

/**
 * The whole corpus. Deterministic: the same seed always produces byte-identical images.
 * About 80 cases; all but ten are a few hundred pixels wide so the unit test stays fast.
 */
export function buildQrCorpus(seed = 20240605): QrCase[] {
  const rng = prng(seed);
  const cases: QrCase[] = [];
  const add = (name: string, image: RgbaImage, expected: string[]) => cases.push({ name, image, expected });
  const levels: ErrorLevel[] = ['L', 'M', 'Q', 'H'];

  // Module size 2–10 px × quiet zone 0–4.
  let i = 0;
  for (const module of [2, 3, 4, 5, 6, 8, 10]) {
    for (const quiet of [0, 2, 4]) {
      const text = i % 3 === 2 ? urlPayload(rng) : otpauthUri(rng);
      const level = levels[i % 4]!;
      add(`module ${module}px quiet ${quiet} ${level}`, tight(text, { module, quiet, level }), [text]);
      i++;
    }
  }
  // Inverted (light modules on dark).
  for (const [module, quiet] of [
    [3, 4],
    [5, 2],
    [8, 0],
  ] as const) {
    const t = otpauthUri(rng);
    add(`inverted module ${module}px quiet ${quiet}`, invertColors(tight(t, { module, quiet })), [t]);
  }

  // Low contrast and brand colours.
  const colourCases: Array<[string, Rgba, Rgba]> = [
    ['grey 110 on grey 140', [110, 110, 110, 255], [140, 140, 140, 255]],
    ['grey 120 on grey 138', [120, 120, 120, 255], [138, 138, 138, 255]],
    ['dark grey 40 on black 20', [40, 40, 40, 255], [20, 20, 20, 255]],
    ['light grey 200 on white', [200, 200, 200, 255], WHITE],
    ['white on brand blue', WHITE, [11, 95, 255, 255]],
    ['white on brand orange', WHITE, [255, 122, 0, 255]],
    ['brand purple on white', [98, 0, 238, 255], WHITE],
    ['teal on pale teal', [0, 150, 136, 255], [178, 223, 219, 255]],
  ];
  for (const [label, fg, bg] of colourCases) {
    const t = otpauthUri(rng);
    add(`colour ${label}`, tight(t, { module: 4, quiet: 3, fg, bg }), [t]);
  }

  // Blur.
  const blurCases: Array<[string, number, (img: RgbaImage) => RgbaImage]> = [
    ['box r1 module 3', 3, (im) => boxBlur(im, 1)],
    ['box r2 module 5', 5, (im) => boxBlur(im, 2)],
    ['box r3 module 6', 6, (im) => boxBlur(im, 3)],
    ['gaussian 1.0 module 3', 3, (im) => gaussianBlur(im, 1)],
    ['gaussian 1.5 module 4', 4, (im) => gaussianBlur(im, 1.5)],
    ['gaussian 2.5 module 6', 6, (im) => gaussianBlur(im, 2.5)],
    ['gaussian 3.5 module 8', 8, (im) => gaussianBlur(im, 3.5)],
  ];
  for (const [label, module, f] of blurCases) {
    const t = otpauthUri(rng);
    add(`blur ${label}`, f(tight(t, { module, quiet: 4 })), [t]);
  }

  // JPEG noise.
  const jpegCases: Array<[number, number, Rgba, Rgba]> = [
    [3, 10, BLACK, WHITE],
    [4, 20, BLACK, WHITE],
    [6, 5, BLACK, WHITE],
    [4, 15, [100, 100, 100, 255], [150, 150, 150, 255]],
  ];
  for (const [module, q, fg, bg] of jpegCases) {
    const t = otpauthUri(rng);
    add(
      `jpeg q${q} module ${module}px${fg === BLACK ? '' : ' low contrast'}`,
      jpegNoise(tight(t, { module, quiet: 4, fg, bg }), q),
      [t],
    );
  }

  // Non-integer scale.
  for (const factor of [0.55, 0.7, 1.37, 2.3, 0.85]) {
    const t = otpauthUri(rng);
    add(`scaled ×${factor}`, scaleBilinear(tight(t, { module: 4, quiet: 4 }), factor), [t]);
  }

  // Rotation.
  for (const deg of [3, 10, 20, -30, 45]) {
    const t = otpauthUri(rng);
    add(`rotated ${deg}°`, rotate(tight(t, { module: 4, quiet: 4 }), deg), [t]);
  }
  for (const turns of [1, 2, 3]) {
    const t = otpauthUri(rng);
    let img = tight(t, { module: 3, quiet: 2 });
    for (let k = 0; k < turns; k++) img = rotate90(img);
    add(`rotated ${turns * 90}° exact`, img, [t]);
  }

  // Device pixel ratio: a 3 CSS px module drawn at 1.25 / 1.5 / 2 device px per CSS px.
  for (const dpr of [1.25, 1.5, 2]) {
    const t = otpauthUri(rng);
    add(`dpr ${dpr} module 3 css px`, tight(t, { module: 3 * dpr, quiet: 4 }), [t]);
  }
  {
    const t = otpauthUri(rng);
    add('dpr 1.5 module 2 css px blurred', gaussianBlur(tight(t, { module: 3, quiet: 4 }), 0.8), [t]);
  }

  // Transparent backgrounds (alpha 0 with rgb 0).
  {
    const t = otpauthUri(rng);
    add('transparent black on clear', tight(t, { module: 4, quiet: 2, fg: BLACK, bg: CLEAR }), [t]);
    const t2 = otpauthUri(rng);
    add('transparent quiet 0 dpr 1.5', tight(t2, { module: 4.5, quiet: 0, fg: BLACK, bg: CLEAR }), [t2]);
    const t3 = otpauthUri(rng);
    add('transparent white on clear', tight(t3, { module: 4, quiet: 2, fg: WHITE, bg: CLEAR }), [t3]);
    const t4 = otpauthUri(rng);
    add(
      'transparent brand blue on clear',
      tight(t4, { module: 5, quiet: 4, fg: [11, 95, 255, 255], bg: CLEAR }),
      [t4],
    );
  }

  // Small codes in 1920×1080 page-like frames.
  const page = (
    name: string,
    payloads: string[],
    module: number,
    opts: Parameters<typeof pageFrame>[2],
    render: Partial<RenderOptions> = {},
  ) => {
    const codes = payloads.map((t) => ({ image: renderQr(t, { module, quiet: 4, ...render }) }));
    add(name, pageFrame(randInt(rng, 1, 1e9), codes, opts), payloads);
  };
  page('page dialog module 2px', [otpauthUri(rng)], 2, { dialog: true });
  page('page dialog module 3px', [otpauthUri(rng)], 3, { dialog: true });
  page('page dialog dpr 1.25 module 3.75px', [otpauthUri(rng)], 3.75, { dialog: true, scale: 1.25 });
  page(
    'page dialog low contrast',
    [otpauthUri(rng)],
    4,
    { dialog: true },
    { fg: [90, 90, 90, 255], bg: [120, 120, 120, 255] },
  );
  {
    const t = otpauthUri(rng);
    add(
      'page inline module 3px among text',
      pageFrame(randInt(rng, 1, 1e9), [{ image: renderQr(t, { module: 3, quiet: 2 }), at: [1500, 170] }]),
      [t],
    );
  }
  {
    const t = otpauthUri(rng);
    const code = renderQr(t, { module: 3, quiet: 2, fg: WHITE, bg: [24, 26, 32, 255] });
    // Laid out in its own box, as a page would: a plain margin between the code and the text.
    const boxed = newImage(code.width + 32, code.height + 32, [24, 26, 32, 255]);
    drawImage(boxed, code, 16, 16);
    add(
      'page dark theme inverted code',
      pageFrame(randInt(rng, 1, 1e9), [{ image: boxed, at: [1600, 906] }], { dark: true }),
      [t],
    );
  }
  {
    const t = otpauthUri(rng);
    const frame = pageFrame(randInt(rng, 1, 1e9), [{ image: renderQr(t, { module: 3, quiet: 4 }) }], {
      dialog: true,
    });
    add('page dialog jpeg q40', jpegNoise(frame, 40), [t]);
  }

  // Two codes in one frame: a URL and an otpauth URI.
  {
    const a = urlPayload(rng);
    const b = otpauthUri(rng);
    page('two codes page dialog', [a, b], 3, { dialog: true });
    const c = urlPayload(rng);
    const d = otpauthUri(rng);
    const img = newImage(760, 420, WHITE);
    drawImage(img, renderQr(c, { module: 4, quiet: 0 }), 40, 60);
    drawImage(img, renderQr(d, { module: 4, quiet: 0 }), 420, 60);
    add('two codes close together', img, [c, d]);
  }

  // Texts that are not ASCII: Shift_JIS in byte mode (jsQR alone dropped it and returned the
  // rest), Kanji mode, and bytes that are neither UTF-8 nor Shift_JIS (never a partial text).
  {
    const label = '二要素認証コード';
    add('text shift_jis byte mode', tight([{ data: shiftJis(label), mode: 'byte' }], { module: 4 }), [label]);
    add(
      'text shift_jis after ascii',
      tight(
        [
          { data: new TextEncoder().encode('CODE '), mode: 'byte' },
          { data: shiftJis(label), mode: 'byte' },
        ],
        { module: 4 },
      ),
      [`CODE ${label}`],
    );
    add('text kanji mode', tight([{ data: label, mode: 'kanji' }], { module: 4 }), [label]);
    add(
      'negative bytes neither utf-8 nor shift_jis',
      tight(
        [
          { data: 'ABC', mode: 'alphanumeric' },
          { data: Uint8Array.of(0xff, 0xfe, 0x80), mode: 'byte' },
        ],
        { module: 4 },
      ),
      [],
    );
  }

  // A blurred, noisy, colour-cast photo that plain jsQR reads: found by search (seed 3054 of
  // `photoNearThreshold`) as one the old truncating greyscale lost, whatever the fallbacks did.
  add('photo jsqr rounding', photoNearThreshold(3054), [photoNearThresholdText(3054)]);

  // Negatives: nothing may decode.
  add('negative blank white', newImage(400, 400, WHITE), []);
  add('negative transparent', newImage(300, 300, CLEAR), []);
  add('negative finder-like icon', iconSheet(randInt(rng, 1, 1e9)), []);
  add('negative small icons', smallIcons(randInt(rng, 1, 1e9)), []);
  add('negative photo-like', photoLike(randInt(rng, 1, 1e9), 480, 360), []);
  add('negative checkerboard', checkerboard(256, 8), []);
  add('negative salt and pepper', saltAndPepper(randInt(rng, 1, 1e9), 240), []);
  add('negative page without code', pageFrame(randInt(rng, 1, 1e9), [], { dialog: true }), []);
  return cases;
}

/** Shift_JIS double-byte codes by character, from the platform decoder (Node has the table). */
let sjis: Map<string, number> | undefined;
function shiftJisTable(): Map<string, number> {
  if (sjis) return sjis;
  sjis = new Map();
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  for (let lead = 0x81; lead <= 0xef; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (!sjis.has(char)) sjis.set(char, (lead << 8) | trail);
      } catch {
        // not a character
      }
    }
  }
  return sjis;
}

/** qrcode's Kanji-mode hook: the Shift_JIS code of one character. */
function shiftJisCode(char: string): number {
  const code = shiftJisTable().get(char);
  if (code === undefined) throw new Error(`${char} has no Shift_JIS code`);
  return code;
}

/** A text of double-byte characters as Shift_JIS bytes. */
export function shiftJis(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].flatMap((char) => {
      const code = shiftJisCode(char);
      return [code >> 8, code & 0xff];
    }),
  );
}

function photoNearThresholdText(seed: number): string {
  return otpauthUri(prng(seed));
}

/** A small code photographed: dark ink on tinted paper, blurred, JPEG-noisy, resampled. */
export function photoNearThreshold(seed: number): RgbaImage {
  const r = prng(seed);
  const text = otpauthUri(r);
  const module = [2, 2.5, 3, 3.5, 4][seed % 5]!;
  const g = Math.floor(r() * 90);
  const fg: Rgba = [g, Math.floor(g * (0.5 + r())), Math.floor(g * r()), 255];
  const b = 150 + Math.floor(r() * 100);
  const bg: Rgba = [
    b,
    Math.min(255, Math.floor(b * (0.8 + 0.3 * r()))),
    Math.floor(b * (0.6 + 0.4 * r())),
    255,
  ];
  let img = renderQr(text, { module, quiet: 2, fg, bg, level: 'L' });
  img = gaussianBlur(img, 0.6 + r() * 1.6);
  if (seed % 2) img = jpegNoise(img, 20 + Math.floor(r() * 40));
  if (seed % 3 === 0) img = scaleBilinear(img, 0.7 + r() * 0.5);
  return img;
}
