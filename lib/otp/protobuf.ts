/**
 * The few protobuf wire-format pieces a Google Authenticator export needs: varints and
 * length-delimited fields, unknown fields skipped. Every read is bounds-checked and throws
 * `MIGRATION_DAMAGED` on truncation or nonsense, never reads past the buffer, and always
 * advances, so decoding any byte string ends in time linear in its length.
 */
import { TwofoldError } from '../errors';

export function damagedError(): TwofoldError {
  return new TwofoldError('MIGRATION_DAMAGED');
}

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

export class ProtoReader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  /** Unsigned 64-bit varint (at most 10 bytes). */
  varint(): bigint {
    let result = 0n;
    for (let i = 0; i < 10; i++) {
      const byte = this.bytes[this.pos++];
      if (byte === undefined) throw damagedError();
      result |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if ((byte & 0x80) === 0) return BigInt.asUintN(64, result);
    }
    throw damagedError();
  }

  /** Returns [fieldNumber, wireType]. */
  tag(): [number, number] {
    const tag = this.varint();
    const field = Number(tag >> 3n);
    if (field === 0 || tag > 0xffffffffn) throw damagedError();
    return [field, Number(tag & 7n)];
  }

  bytesField(): Uint8Array {
    const length = this.varint();
    if (length > BigInt(this.bytes.length - this.pos)) throw damagedError();
    const start = this.pos;
    this.pos += Number(length);
    return this.bytes.subarray(start, this.pos);
  }

  skip(wireType: number): void {
    switch (wireType) {
      case WIRE_VARINT:
        this.varint();
        return;
      case WIRE_FIXED64:
        return this.advance(8);
      case WIRE_BYTES:
        this.bytesField();
        return;
      case WIRE_FIXED32:
        return this.advance(4);
      default:
        // Groups (3, 4) are long deprecated and never used by this format; 6 and 7 do not exist.
        throw damagedError();
    }
  }

  private advance(n: number): void {
    if (this.pos + n > this.bytes.length) throw damagedError();
    this.pos += n;
  }
}

export class ProtoWriter {
  private readonly chunks: number[] = [];

  varint(value: bigint | number): this {
    let v = BigInt.asUintN(64, BigInt(value));
    do {
      const byte = Number(v & 0x7fn);
      v >>= 7n;
      this.chunks.push(v > 0n ? byte | 0x80 : byte);
    } while (v > 0n);
    return this;
  }

  varintField(field: number, value: bigint | number): this {
    return this.varint((field << 3) | WIRE_VARINT).varint(value);
  }

  bytesField(field: number, value: Uint8Array): this {
    this.varint((field << 3) | WIRE_BYTES).varint(value.length);
    for (const byte of value) this.chunks.push(byte);
    return this;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}
