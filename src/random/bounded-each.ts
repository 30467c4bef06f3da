/** @file NumPy's one-at-a-time bounded draws (random_buffered_bounded_uint8/16/32/bool, random_bounded_uint64) behind array-valued integers/randint bounds: every element its own range, one 32-bit buffer carried through the whole call. */
import type { RawBitGen } from "../../runtime/random/bitgen.js";
import { genMask32 } from "../../runtime/random/bounded-fast.js";
import { SmallBuffer, bounded64Fill, lemire32 } from "../../runtime/random/distributions.js";

/**
 * Draws in [0, rng] one element at a time, as _rand_*_broadcast calls them. The 8/16-bit and bool
 * draws share one buffered uint32 for the whole call (NumPy declares buf/bcnt once, outside its loop),
 * so a word left over by one element feeds the next even when their ranges differ.
 */
export class EachDraw {
  private readonly sb: SmallBuffer;
  private readonly tmp = new Int32Array(2);

  constructor(private readonly bg: RawBitGen, private readonly masked: boolean) {
    this.sb = new SmallBuffer(bg);
  }

  /** random_buffered_bounded_uint32 (and random_bounded_uint64 below 2**32): no buffer, rng < 2**32. */
  u32(rng: number): number {
    if (rng === 0) return 0;
    if (rng === 0xffffffff) return this.bg.nextUint32();
    if (!this.masked) return lemire32(this.bg, rng);
    const mask = genMask32(rng);
    let v: number;
    while ((v = (this.bg.nextUint32() & mask) >>> 0) > rng);
    return v;
  }

  /** random_buffered_bounded_uint8 / uint16 for rng < 2**bits. */
  small(bits: 8 | 16, rng: number): number {
    if (rng === 0) return 0;
    const full = bits === 8 ? 0xff : 0xffff;
    const sb = this.sb;
    const draw = bits === 8 ? () => sb.u8() : () => sb.u16();
    if (rng === full) return draw();
    if (this.masked) {
      const mask = genMask32(rng);
      let v: number;
      while ((v = draw() & mask) > rng);
      return v;
    }
    // buffered_bounded_lemire_uint8/16: m fits in 2*bits bits, so a double holds it exactly
    const excl = rng + 1, shift = full + 1;
    let m = draw() * excl;
    let leftover = m % shift;
    if (leftover < excl) {
      const threshold = (full - rng) % excl;
      while (leftover < threshold) {
        m = draw() * excl;
        leftover = m % shift;
      }
    }
    return Math.floor(m / shift);
  }

  /** buffered_bounded_bool: the bit itself, not off + bit (NumPy returns only the bit once rng != 0). */
  bit(): number {
    return this.sb.bool();
  }

  /** random_bounded_uint64 for 2**32 <= rng < 2**53 (Lemire or masked on whole 64-bit words): the draw as a number. */
  u64(rng: number): number {
    bounded64Fill(this.bg, 0n, BigInt(rng), this.masked, this.tmp, 1);
    return (this.tmp[1] >>> 0) * 4294967296 + (this.tmp[0] >>> 0);
  }

  /** random_bounded_uint64 for any rng < 2**64: off + draw (mod 2**64) into the (lo, hi) words out[0], out[1]. */
  u64Into(off: bigint, rng: bigint, out: Int32Array): void {
    bounded64Fill(this.bg, off, rng, this.masked, out, 1);
  }
}
