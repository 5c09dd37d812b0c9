import { describe, expect, it } from 'vitest';
import type { Chunks } from 'jsqr/dist/decoder/decodeData';
import { qrText } from '../../../lib/qr/text';

/** A jsQR segment as it comes at run time (its Mode enum holds these strings). */
const chunk = (type: string, fields: { bytes?: number[]; text?: string }) =>
  ({ type, ...fields }) as unknown as Chunks[number];

describe('qrText reads Kanji segments from their Shift_JIS bytes', () => {
  // The build empties jsQR's Shift_JIS table, so jsQR's own text for these segments is blank.
  it.each([
    ['日本', [0x93, 0xfa, 0x96, 0x7b]],
    ['認証', [0x94, 0x46, 0x8f, 0xd8]],
  ])('%s', (expected, bytes) => {
    expect(qrText([chunk('kanji', { bytes, text: '' })])).toBe(expected);
  });

  it('joins Kanji with the other segments in order', () => {
    const chunks = [
      chunk('alphanumeric', { text: 'ID ' }),
      chunk('kanji', { bytes: [0x93, 0xfa], text: '' }),
      chunk('numeric', { text: '42' }),
    ];
    expect(qrText(chunks)).toBe('ID 日42');
  });

  it('refuses the code when a Kanji segment is not Shift_JIS', () => {
    expect(qrText([chunk('kanji', { bytes: [0x85, 0x40], text: '' })])).toBeNull();
  });
});
