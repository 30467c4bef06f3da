/**
 * @file Philox 4x64-10 as NumPy's philox.h (Random123): a 256-bit counter and 128-bit key, four
 * 64-bit outputs per block, buffered. The 64x64 -> 128 multiplies are exact 16-bit double columns
 * on 32-bit halves (no BigInt per draw); BigInt only for the state dict and advance.
 */
import { Buffered64 } from "./bitgen.js";
import { join64, split64 } from "./u64.js";

export const PHILOX_BUFFER_SIZE = 4;
const INV16 = 1 / 65536;
/** PHILOX_M4x64_0 / _1 as 16-bit digits, least significant first */
const A0 = 0x6c93, A1 = 0xe14c, A2 = 0x470e, A3 = 0xd2e7;
const B0 = 0x1157, B1 = 0x9512, B2 = 0x8263, B3 = 0xca5a;
/** the Weyl key increments PHILOX_W64_0 / _1 as (hi, lo) */
const W0H = 0x9e3779b9, W0L = 0x7f4a7c15, W1H = 0xbb67ae85, W1L = 0x84caa73b;

export class PhiloxCore extends Buffered64 {
  /** counter words v[0..3] and key words k[0..1], each as (hi, lo) halves: [v0h, v0l, v1h, v1l, ...] */
  readonly ctr = new Uint32Array(8);
  readonly key = new Uint32Array(4);
  /** the last block's outputs as (hi, lo) halves */
  readonly buffer = new Uint32Array(8);
  bufferPos = PHILOX_BUFFER_SIZE;

  /** philox4x64_R(10, ctr, key) into the buffer */
  #block(): void {
    const ctr = this.ctr;
    let c0h = ctr[0], c0l = ctr[1], c1h = ctr[2], c1l = ctr[3], c2h = ctr[4], c2l = ctr[5], c3h = ctr[6], c3l = ctr[7];
    let k0h = this.key[0], k0l = this.key[1], k1h = this.key[2], k1l = this.key[3];
    for (let r = 0; r < 10; r++) {
      if (r > 0) {
        let s = k0l + W0L;
        let l = s >>> 0;
        k0h = (k0h + W0H + (s - l) / 4294967296) >>> 0;
        k0l = l;
        s = k1l + W1L;
        l = s >>> 0;
        k1h = (k1h + W1H + (s - l) / 4294967296) >>> 0;
        k1l = l;
      }
      // (hi0, lo0) = M0 * c0 and (hi1, lo1) = M1 * c2, each in 16-bit columns (sums below 2**51)
      let c = c0l * A0;
      let q = Math.floor(c * INV16);
      let r0 = c - q * 65536;
      c = c0l * A1 + q;
      q = Math.floor(c * INV16);
      let r1 = c - q * 65536;
      c = c0l * A2 + c0h * A0 + q;
      q = Math.floor(c * INV16);
      let r2 = c - q * 65536;
      c = c0l * A3 + c0h * A1 + q;
      q = Math.floor(c * INV16);
      let r3 = c - q * 65536;
      c = c0h * A2 + q;
      q = Math.floor(c * INV16);
      let r4 = c - q * 65536;
      c = c0h * A3 + q;
      q = Math.floor(c * INV16);
      const lo0l = r0 + r1 * 65536, lo0h = r2 + r3 * 65536, hi0l = r4 + (c - q * 65536) * 65536, hi0h = q;
      c = c2l * B0;
      q = Math.floor(c * INV16);
      r0 = c - q * 65536;
      c = c2l * B1 + q;
      q = Math.floor(c * INV16);
      r1 = c - q * 65536;
      c = c2l * B2 + c2h * B0 + q;
      q = Math.floor(c * INV16);
      r2 = c - q * 65536;
      c = c2l * B3 + c2h * B1 + q;
      q = Math.floor(c * INV16);
      r3 = c - q * 65536;
      c = c2h * B2 + q;
      q = Math.floor(c * INV16);
      r4 = c - q * 65536;
      c = c2h * B3 + q;
      q = Math.floor(c * INV16);
      const lo1l = r0 + r1 * 65536, lo1h = r2 + r3 * 65536, hi1l = r4 + (c - q * 65536) * 65536, hi1h = q;
      // out = {hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0}
      const n0h = (hi1h ^ c1h ^ k0h) >>> 0, n0l = (hi1l ^ c1l ^ k0l) >>> 0;
      const n2h = (hi0h ^ c3h ^ k1h) >>> 0, n2l = (hi0l ^ c3l ^ k1l) >>> 0;
      c1h = lo1h; c1l = lo1l;
      c3h = lo0h; c3l = lo0l;
      c0h = n0h; c0l = n0l;
      c2h = n2h; c2l = n2l;
    }
    const b = this.buffer;
    b[0] = c0h; b[1] = c0l; b[2] = c1h; b[3] = c1l; b[4] = c2h; b[5] = c2l; b[6] = c3h; b[7] = c3l;
  }

  /** philox_next: a buffered output, or increment the counter (with carry) and make a new block */
  next64(): void {
    let pos = this.bufferPos;
    if (pos >= PHILOX_BUFFER_SIZE) {
      const c = this.ctr;
      for (let w = 1; w < 8; w += 2) {
        // the 64-bit word w>>1 increments; a carry into the next only when it wrapped to 0
        c[w] = c[w] + 1;
        if (c[w] !== 0) break;
        c[w - 1] = c[w - 1] + 1;
        if (c[w - 1] !== 0) break;
      }
      this.#block();
      pos = 0;
    }
    this.hi = this.buffer[2 * pos];
    this.lo = this.buffer[2 * pos + 1];
    this.bufferPos = pos + 1;
  }

  getWords(a: Uint32Array, n: number): bigint[] {
    const out: bigint[] = [];
    for (let i = 0; i < n; i++) out.push(join64(a[2 * i], a[2 * i + 1]));
    return out;
  }
  setWords(a: Uint32Array, w: readonly bigint[]): void {
    w.forEach((v, i) => {
      [a[2 * i], a[2 * i + 1]] = split64(v);
    });
  }

  /** philox_advance: add a 256-bit step to the counter, with NumPy's carry rule kept exactly */
  advance(step: readonly bigint[]): void {
    const v = this.getWords(this.ctr, 4);
    const M = (1n << 64n) - 1n;
    let carry = 0;
    for (let i = 0; i < 4; i++) {
      if (carry === 1) {
        v[i] = (v[i] + 1n) & M;
        carry = v[i] === 0n ? 1 : 0;
      }
      const orig = v[i];
      v[i] = (v[i] + step[i]) & M;
      if (v[i] < orig && carry === 0) carry = 1;
    }
    this.setWords(this.ctr, v);
  }

  /** _reset_state_variables */
  reset(): void {
    this.hasUint32 = 0;
    this.uinteger = 0;
    this.bufferPos = PHILOX_BUFFER_SIZE;
    this.buffer.fill(0);
  }
}
