/** @file SFC64 (Chris Doty-Humphrey's Small Fast Chaotic PRNG) as NumPy's sfc64.h, on 32-bit halves: no BigInt per draw. */
import { Buffered64 } from "./bitgen.js";
import { join64, split64 } from "./u64.js";

const TWO32 = 4294967296;

export class SFC64Core extends Buffered64 {
  /** s[0..3] as (hi, lo) halves; s[3] is the counter */
  ah = 0; al = 0; bh = 0; bl = 0; ch = 0; cl = 0; wh = 0; wl = 0;

  /** sfc64_next: tmp = a + b + w++; a = b ^ (b >> 11); b = c + (c << 3); c = rotl(c, 24) + tmp */
  next64(): void {
    const ah = this.ah, al = this.al, bh = this.bh, bl = this.bl, ch = this.ch, cl = this.cl, wl = this.wl;
    let s = al + bl + wl;
    const tl = s >>> 0;
    const th = (ah + bh + this.wh + (s - tl) / TWO32) >>> 0;
    this.wl = (wl + 1) >>> 0;
    if (this.wl === 0) this.wh = (this.wh + 1) >>> 0;
    this.al = (bl ^ ((bl >>> 11) | (bh << 21))) >>> 0;
    this.ah = (bh ^ (bh >>> 11)) >>> 0;
    s = cl + ((cl << 3) >>> 0);
    let lo = s >>> 0;
    this.bl = lo;
    this.bh = (ch + (((ch << 3) | (cl >>> 29)) >>> 0) + (s - lo) / TWO32) >>> 0;
    s = (((cl << 24) | (ch >>> 8)) >>> 0) + tl;
    lo = s >>> 0;
    this.cl = lo;
    this.ch = ((((ch << 24) | (cl >>> 8)) >>> 0) + th + (s - lo) / TWO32) >>> 0;
    this.hi = th;
    this.lo = tl;
  }

  /** sfc64_set_seed: three seed words, counter 1, then 12 draws to mix */
  seed(words: readonly bigint[]): void {
    this.setWords([words[0], words[1], words[2], 1n]);
    for (let i = 0; i < 12; i++) this.next64();
    this.hasUint32 = 0;
    this.uinteger = 0;
  }

  get words(): bigint[] {
    return [join64(this.ah, this.al), join64(this.bh, this.bl), join64(this.ch, this.cl), join64(this.wh, this.wl)];
  }
  setWords(w: readonly bigint[]): void {
    [this.ah, this.al] = split64(w[0]);
    [this.bh, this.bl] = split64(w[1]);
    [this.ch, this.cl] = split64(w[2]);
    [this.wh, this.wl] = split64(w[3]);
  }
}
