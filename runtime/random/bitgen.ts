/** @file The bit-generator contract the distributions draw from: NumPy's bitgen_t (next_uint64, next_uint32, next_double) without allocation. */

/**
 * A source of raw bits. `next64()` leaves the 64-bit draw in `hi`/`lo` (unsigned 32-bit halves)
 * so no draw allocates; `nextUint32` follows the generator's own rule (PCG64 buffers the upper
 * half of a 64-bit draw, MT19937 does not), exactly as NumPy's bitgen_t.next_uint32 does.
 */
export interface RawBitGen {
  hi: number;
  lo: number;
  next64(): void;
  nextUint32(): number;
  nextDouble(): number;
  /** NumPy's next_float: (next_uint32 >> 8) * 2**-24 */
  nextFloat(): number;
  /** out[i] = nextDouble() for i in [start, end): the hot loop of Generator.random */
  fillDouble(out: Float64Array, start: number, end: number): void;
}

export const TWO32 = 4294967296;
export const TWO_M53 = 1 / 9007199254740992;
export const TWO_M24 = 1 / 16777216;
export const MASK64 = (1n << 64n) - 1n;

/** A non-negative bigint as little-endian uint32 words, as NumPy's _int_to_uint32_array (0 is [0]). */
export function bigintToWords(n: bigint): number[] {
  const out: number[] = [];
  if (n === 0n) out.push(0);
  while (n > 0n) {
    out.push(Number(n & 0xffffffffn));
    n >>= 32n;
  }
  return out;
}

/** 128 bits of OS entropy, as NumPy's `secrets.randbits(128)` for an unseeded SeedSequence. */
export function osEntropy128(): bigint {
  const w = new Uint32Array(4);
  globalThis.crypto.getRandomValues(w);
  return (BigInt(w[3]) << 96n) | (BigInt(w[2]) << 64n) | (BigInt(w[1]) << 32n) | BigInt(w[0]);
}

/**
 * The part NumPy's 64-bit generators share (PCG64DXSM, Philox, SFC64): next_uint32 hands out the
 * low half of a 64-bit draw and keeps the high half for the next call; next_double takes the top
 * 53 bits. Subclasses supply next64().
 */
export abstract class Buffered64 implements RawBitGen {
  hasUint32 = 0;
  uinteger = 0;
  hi = 0;
  lo = 0;

  abstract next64(): void;

  nextUint32(): number {
    if (this.hasUint32) {
      this.hasUint32 = 0;
      return this.uinteger;
    }
    this.next64();
    this.hasUint32 = 1;
    this.uinteger = this.hi;
    return this.lo;
  }

  nextDouble(): number {
    this.next64();
    return (this.hi * 2097152 + (this.lo >>> 11)) * TWO_M53;
  }

  nextFloat(): number {
    return (this.nextUint32() >>> 8) * TWO_M24;
  }

  fillDouble(out: Float64Array, start: number, end: number): void {
    for (let i = start; i < end; i++) {
      this.next64();
      out[i] = (this.hi * 2097152 + (this.lo >>> 11)) * TWO_M53;
    }
  }
}
