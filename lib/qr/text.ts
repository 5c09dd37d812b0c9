/**
 * The text of a decoded QR code, rebuilt from its segments. jsQR drops a byte segment that is
 * not UTF-8 without a word and returns the rest, so a Shift_JIS text (the QR default for
 * Japanese outside Kanji mode) came back as a fragment. Here byte segments are read as UTF-8,
 * else as Shift_JIS, else the whole code is refused: never a partial text.
 */
import type { Chunks } from 'jsqr/dist/decoder/decodeData';

const utf8 = new TextDecoder('utf-8', { fatal: true });
let shiftJis: TextDecoder | null | undefined;

function shiftJisDecoder(): TextDecoder | null {
  if (shiftJis === undefined) {
    try {
      shiftJis = new TextDecoder('shift_jis', { fatal: true });
    } catch {
      shiftJis = null; // A runtime without the encoding: such codes stay unread.
    }
  }
  return shiftJis;
}

function decodeWith(decoder: TextDecoder | null, bytes: readonly number[]): string | null {
  if (!decoder) return null;
  try {
    return decoder.decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

/** jsQR's segment modes, as the strings its (type-only) enum holds at run time. */
function mode(chunk: Chunks[number]): string {
  return `${chunk.type}`;
}

export function qrText(chunks: Chunks): string | null {
  const bytes = chunks.flatMap((c) => (mode(c) === 'byte' && 'bytes' in c ? [c.bytes] : []));
  // One encoding for the whole code: the byte segments of one text share it.
  const decoder = bytes.every((b) => decodeWith(utf8, b) !== null) ? utf8 : shiftJisDecoder();
  let text = '';
  for (const chunk of chunks) {
    if (mode(chunk) === 'eci') continue;
    // Kanji segments are read from their Shift_JIS bytes: the build leaves jsQR's own Shift_JIS
    // table out (wxt.config.ts), the browser's decoder knows the same characters.
    if (mode(chunk) === 'kanji' && 'bytes' in chunk) {
      const part = decodeWith(shiftJisDecoder(), chunk.bytes);
      if (part === null) return null;
      text += part;
    } else if (mode(chunk) === 'byte' && 'bytes' in chunk) {
      const part = decodeWith(decoder, chunk.bytes);
      if (part === null) return null;
      text += part;
    } else if ('text' in chunk) {
      text += chunk.text;
    } else {
      return null;
    }
  }
  return text;
}
