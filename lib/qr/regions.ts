import type { Rect, RgbaImage } from './types';

/** Tuning of the region finder; defaults are what the corpus measurements chose. */
export interface RegionOptions {
  /** Cell side in pixels; 0 picks 8 px, growing for frames above 4 MP so the grid stays small. */
  cellSize?: number;
  /** Minimum luminance range inside a cell for it to count as "busy" (module edges). */
  minContrast?: number;
  /** Minimum `scanLineCoverage` (QR ≈ 1, text ≈ 0.3–0.5). */
  minCoverage?: number;
  /** At most this many regions are returned (bounded work on cluttered pages). */
  maxRegions?: number;
}

interface Component {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  busy: number;
}

function pickCellSize(image: RgbaImage): number {
  const pixels = image.width * image.height;
  return 8 * Math.max(1, Math.ceil(Math.sqrt(pixels / 4_000_000)));
}

/**
 * Per-cell luminance range, straight from RGBA (integer luma, transparency flattened onto
 * `background`), reading every other row: a QR code is a solid block of busy cells whatever its
 * colours, and half the rows still see both colours of 2 px modules. Halving the reads and
 * skipping a full-frame luminance copy is what makes a 1920×1080 frame cheap.
 */
export function cellContrast(
  image: RgbaImage,
  cell: number,
  background: 0 | 255 = 255,
): { map: Uint8Array; cols: number; rows: number } {
  const { data, width, height } = image;
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const min = new Uint8Array(cols * rows).fill(255);
  const max = new Uint8Array(cols * rows);
  const colOf = new Uint32Array(width);
  for (let x = 0; x < width; x++) colOf[x] = Math.floor(x / cell);
  const rowStep = cell >= 4 ? 2 : 1;
  for (let y = 0; y < height; y += rowStep) {
    const base = Math.floor(y / cell) * cols;
    let p = y * width * 4;
    for (let x = 0; x < width; x++, p += 4) {
      let v = (54 * data[p]! + 183 * data[p + 1]! + 19 * data[p + 2]!) >> 8;
      const a = data[p + 3]!;
      if (a !== 255) v = (v * a + background * (255 - a)) / 255;
      const c = base + colOf[x]!;
      if (v < min[c]!) min[c] = v;
      if (v > max[c]!) max[c] = v;
    }
  }
  const map = new Uint8Array(cols * rows);
  for (let i = 0; i < map.length; i++) map[i] = Math.max(0, max[i]! - min[i]!);
  return { map, cols, rows };
}

/** Busy cells grown by one cell, so modules larger than a cell still join into one block. */
function busyMask(map: Uint8Array, cols: number, rows: number, minContrast: number) {
  const busy = new Uint8Array(map.length);
  for (let i = 0; i < map.length; i++) busy[i] = map[i]! >= minContrast ? 1 : 0;
  const grown = new Uint8Array(map.length);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      if (!busy[y * cols + x]) continue;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= rows) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx >= 0 && xx < cols) grown[yy * cols + xx] = 1;
        }
      }
    }
  }
  return { busy, grown };
}

/** 4-connected components of the grown mask, with bounding boxes in cells. */
function components(busy: Uint8Array, grown: Uint8Array, cols: number, rows: number): Component[] {
  const label = new Int32Array(grown.length).fill(-1);
  const stack = new Int32Array(grown.length);
  const out: Component[] = [];
  for (let start = 0; start < grown.length; start++) {
    if (!grown[start] || label[start] !== -1) continue;
    const comp: Component = { x0: cols, y0: rows, x1: -1, y1: -1, busy: 0 };
    let top = 0;
    stack[top++] = start;
    label[start] = out.length;
    while (top > 0) {
      const i = stack[--top]!;
      const x = i % cols;
      const y = (i - x) / cols;
      if (x < comp.x0) comp.x0 = x;
      if (x > comp.x1) comp.x1 = x;
      if (y < comp.y0) comp.y0 = y;
      if (y > comp.y1) comp.y1 = y;
      comp.busy += busy[i]!;
      const push = (j: number) => {
        if (grown[j] && label[j] === -1) {
          label[j] = out.length;
          stack[top++] = j;
        }
      };
      if (x > 0) push(i - 1);
      if (x < cols - 1) push(i + 1);
      if (y > 0) push(i - cols);
      if (y < rows - 1) push(i + cols);
    }
    out.push(comp);
  }
  return out;
}

/**
 * Candidate rectangles that may hold one QR code each: roughly square blocks of busy cells.
 * Elongated blocks (two codes side by side, or a code beside a caption) also yield their two
 * square ends. Text blocks and UI furniture are dropped by `scanLineCoverage`; the rest is sorted
 * most QR-like first.
 */
export function findQrRegions(
  image: RgbaImage,
  options: RegionOptions & { background?: 0 | 255 } = {},
): Rect[] {
  const cell = options.cellSize || pickCellSize(image);
  const minContrast = options.minContrast ?? 20;
  const maxRegions = options.maxRegions ?? 12;
  const background = options.background ?? 255;
  const minCoverage = options.minCoverage ?? 0.7;
  const { map, cols, rows } = cellContrast(image, cell, background);
  const { busy, grown } = busyMask(map, cols, rows, minContrast);
  const scored: Array<{ rect: Rect; score: number }> = [];
  const frameArea = image.width * image.height;
  for (const c of components(busy, grown, cols, rows)) {
    const w = c.x1 - c.x0 + 1;
    const h = c.y1 - c.y0 + 1;
    // A version-2 code (the smallest an otpauth URI fits) at 2 px per module is 50 px wide.
    if (w < 5 || h < 5 || c.busy < 12) continue;
    // Busy share of the interior (the grown border excluded): ~1 for small-module codes.
    const fill = c.busy / ((w - 2) * (h - 2));
    const rect: Rect = {
      x: c.x0 * cell,
      y: c.y0 * cell,
      width: Math.min(image.width, (c.x1 + 1) * cell) - c.x0 * cell,
      height: Math.min(image.height, (c.y1 + 1) * cell) - c.y0 * cell,
    };
    // Nearly the whole frame is the whole-frame fallback's job, not a region.
    if (rect.width * rect.height > frameArea * 0.6) continue;
    const aspect = Math.max(w, h) / Math.min(w, h);
    const push = (r: Rect, weight: number) => {
      const coverage = scanLineCoverage(image, r, background);
      if (coverage >= minCoverage) scored.push({ rect: r, score: coverage * weight + 0.1 * fill });
    };
    if (aspect <= 1.8) push(rect, 1);
    if (aspect > 1.4 && aspect <= 3.5) {
      const side = Math.min(rect.width, rect.height);
      const ends: Rect[] =
        rect.width > rect.height
          ? [
              { ...rect, width: side },
              { ...rect, x: rect.x + rect.width - side, width: side },
            ]
          : [
              { ...rect, height: side },
              { ...rect, y: rect.y + rect.height - side, height: side },
            ];
      for (const end of ends) push(end, 0.9);
    }
  }
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, maxRegions).map((s) => s.rect);
}

/**
 * Share of scan lines crossing the middle 80% of a rectangle that meet at least two light/dark
 * transitions, the lower of rows and columns (0..1). Every row and column through a QR code,
 * at any rotation, crosses modules (≈1); text has blank rows between its lines and UI boxes have
 * long plain runs, so this rejects most page furniture before paying for a jsQR attempt. Reads at
 * most ~48 rows and ~48 columns, so its cost does not grow with the rectangle.
 */
export function scanLineCoverage(image: RgbaImage, rect: Rect, background: 0 | 255 = 255): number {
  const { data, width } = image;
  const mx = Math.floor(rect.width * 0.1);
  const my = Math.floor(rect.height * 0.1);
  const x0 = Math.max(0, Math.floor(rect.x) + mx);
  const y0 = Math.max(0, Math.floor(rect.y) + my);
  const x1 = Math.min(image.width, Math.floor(rect.x + rect.width) - mx);
  const y1 = Math.min(image.height, Math.floor(rect.y + rect.height) - my);
  if (x1 - x0 < 4 || y1 - y0 < 4) return 0;
  const lum = (x: number, y: number) => {
    const p = (y * width + x) * 4;
    const v = (54 * data[p]! + 183 * data[p + 1]! + 19 * data[p + 2]!) >> 8;
    const a = data[p + 3]!;
    return a === 255 ? v : (v * a + background * (255 - a)) / 255;
  };
  const rowStep = Math.max(1, Math.floor((y1 - y0) / 48));
  const colStep = Math.max(1, Math.floor((x1 - x0) / 48));
  // Threshold halfway between the darkest and lightest sampled levels.
  let lo = 255;
  let hi = 0;
  for (let y = y0; y < y1; y += rowStep) {
    for (let x = x0; x < x1; x += colStep) {
      const v = lum(x, y);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const t = (lo + hi) / 2;
  let rows = 0;
  let rowHits = 0;
  for (let y = y0; y < y1; y += rowStep, rows++) {
    let prev = lum(x0, y) < t;
    let n = 0;
    for (let x = x0 + 1; x < x1 && n < 2; x++) {
      const dark = lum(x, y) < t;
      if (dark !== prev) n++;
      prev = dark;
    }
    if (n >= 2) rowHits++;
  }
  let cols = 0;
  let colHits = 0;
  for (let x = x0; x < x1; x += colStep, cols++) {
    let prev = lum(x, y0) < t;
    let n = 0;
    for (let y = y0 + 1; y < y1 && n < 2; y++) {
      const dark = lum(x, y) < t;
      if (dark !== prev) n++;
      prev = dark;
    }
    if (n >= 2) colHits++;
  }
  return Math.min(rowHits / rows, colHits / cols);
}
