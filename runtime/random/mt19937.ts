/** @file MT19937 as NumPy's mt19937.c / randomkit: init_genrand, init_by_array, the twist, tempering and the 53-bit double. */
import { TWO_M24, type RawBitGen } from "./bitgen.js";

export const MT_N = 624;
const MT_M = 397;

export class MT19937Core implements RawBitGen {
  key = new Uint32Array(MT_N);
  pos = MT_N;
  hi = 0;
  lo = 0;

  /** mt19937_seed / init_genrand */
  initGenrand(seed: number): void {
    const mt = this.key;
    seed = seed >>> 0;
    for (let i = 0; i < MT_N; i++) {
      mt[i] = seed;
      const x = (seed ^ (seed >>> 30)) >>> 0;
      seed = (Math.imul(1812433253, x) + i + 1) >>> 0;
    }
    this.pos = MT_N;
  }

  /** mt19937_init_by_array */
  initByArray(initKey: ArrayLike<number>): void {
    const mt = this.key;
    const len = initKey.length;
    this.initGenrand(19650218);
    let i = 1, j = 0;
    for (let k = Math.max(MT_N, len); k > 0; k--) {
      const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(p, 1664525)) >>> 0) + (initKey[j] >>> 0) + j;
      i++;
      j++;
      if (i >= MT_N) {
        mt[0] = mt[MT_N - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = MT_N - 1; k > 0; k--) {
      const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(p, 1566083941)) >>> 0) - i;
      i++;
      if (i >= MT_N) {
        mt[0] = mt[MT_N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.pos = MT_N;
  }

  private gen(): void {
    const mt = this.key;
    let i = 0, y = 0;
    for (; i < MT_N - MT_M; i++) {
      y = (mt[i] & 0x80000000) | (mt[i + 1] & 0x7fffffff);
      mt[i] = mt[i + MT_M] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    }
    for (; i < MT_N - 1; i++) {
      y = (mt[i] & 0x80000000) | (mt[i + 1] & 0x7fffffff);
      mt[i] = mt[i + (MT_M - MT_N)] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    }
    y = (mt[MT_N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
    mt[MT_N - 1] = mt[MT_M - 1] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    this.pos = 0;
  }

  nextUint32(): number {
    if (this.pos >= MT_N) this.gen();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  next64(): void {
    this.hi = this.nextUint32();
    this.lo = this.nextUint32();
  }

  nextDouble(): number {
    const a = this.nextUint32() >>> 5, b = this.nextUint32() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  nextFloat(): number {
    return (this.nextUint32() >>> 8) * TWO_M24;
  }

  fillDouble(out: Float64Array, start: number, end: number): void {
    for (let i = start; i < end; i++) out[i] = this.nextDouble();
  }
}
