/** Compact byte helpers for the sync area, where every byte counts against the browser's quota. */

export { fromB64u, toB64u } from '../bytes';

/** Appends unsigned LEB128 varints, length-prefixed strings and raw bytes. */
export class ByteWriter {
  private readonly parts: number[] = [];

  byte(value: number): this {
    this.parts.push(value & 0xff);
    return this;
  }

  varint(value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error('varint out of range');
    let rest = value;
    while (rest >= 0x80) {
      this.parts.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.parts.push(rest);
    return this;
  }

  bytes(value: Uint8Array): this {
    this.varint(value.length);
    for (const b of value) this.parts.push(b);
    return this;
  }

  text(value: string): this {
    return this.bytes(new TextEncoder().encode(value));
  }

  /** Bytes whose length the reader already knows. */
  raw(value: Uint8Array): this {
    for (const b of value) this.parts.push(b);
    return this;
  }

  float(value: number): this {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, value);
    for (let i = 0; i < 8; i++) this.parts.push(view.getUint8(i));
    return this;
  }

  done(): Uint8Array<ArrayBuffer> {
    return Uint8Array.from(this.parts);
  }
}

/** Reads what ByteWriter wrote; throws on truncation. */
export class ByteReader {
  private offset = 0;

  constructor(private readonly data: Uint8Array) {}

  byte(): number {
    const value = this.data[this.offset++];
    if (value === undefined) throw new Error('truncated');
    return value;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 0x80;
      if (scale > 2 ** 56) throw new Error('varint too long');
    }
    return value;
  }

  bytes(): Uint8Array {
    const length = this.varint();
    if (this.offset + length > this.data.length) throw new Error('truncated');
    const out = this.data.slice(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  raw(length: number): Uint8Array {
    if (this.offset + length > this.data.length) throw new Error('truncated');
    const out = this.data.slice(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  text(): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes());
  }

  float(): number {
    if (this.offset + 8 > this.data.length) throw new Error('truncated');
    const view = new DataView(this.data.buffer, this.data.byteOffset + this.offset, 8);
    this.offset += 8;
    return view.getFloat64(0);
  }

  get finished(): boolean {
    return this.offset === this.data.length;
  }
}
