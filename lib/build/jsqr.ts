import type { Plugin } from 'vite';

/**
 * jsQR carries a 7,000-entry Shift_JIS → Unicode table (about 30 KB of the zip) only to spell out
 * Kanji-mode segments; lib/qr/text.ts reads those segments from their bytes with the browser's own
 * Shift_JIS decoder, so the build leaves the table empty. Fails the build if jsQR's text changes.
 */
export function jsqrWithoutShiftJisTable(): Plugin {
  const table = /exports\.shiftJISTable = \{[^}]*\};/;
  return {
    name: 'twofold:jsqr-without-shift-jis-table',
    transform(code, id) {
      if (!/[\\/]jsqr[\\/]dist[\\/]jsQR\.js$/.test(id)) return null;
      if (!table.test(code)) throw new Error('jsQR has no shiftJISTable to leave out: check lib/qr/text.ts');
      return { code: code.replace(table, 'exports.shiftJISTable = {};'), map: null };
    },
  };
}
