/**
 * @file PCG64DXSM (PCG "cheap multiplier" 128/64 with the DXSM output) as NumPy's pcg64.h: the
 * output is taken from the state before the step, and the step multiplies by a 64-bit constant.
 * Per draw everything is 32-bit halves and exact double columns; BigInt only for seeding, state and advance.
 */
import { Buffered64 } from "./bitgen.js";
import { mulhi32 } from "./u64.js";

const MASK128 = (1n << 128n) - 1n;
/** PCG_CHEAP_MULTIPLIER_128 */
export const PCG_CHEAP_MULT = 0xda942042e4dd58b5n;
const CH = 0xda942042, CL = 0xe4dd58b5;
/** its 16-bit digits, least significant first */
const C0 = CL & 0xffff, C1 = CL >>> 16, C2 = CH & 0xffff, C3 = CH >>> 16;
const INV16 = 1 / 65536;
/** PCG_DEFAULT_MULTIPLIER_128: NumPy seeds PCG64DXSM through pcg64_set_seed, i.e. PCG64's srandom */
const PCG_DEFAULT_MULT = (2549297995355413924n << 64n) + 4865540595714422341n;

export class PCG64DXSMCore extends Buffered64 {
  /** state limbs, least significant first (a typed array: uint32 values in object fields would be boxed) */
  readonly st = new Uint32Array(4);
  /** increment as 16-bit digits (added into the product columns) */
  n0 = 0; n1 = 0; n2 = 0; n3 = 0; n4 = 0; n5 = 0; n6 = 0; n7 = 0;

  get state128(): bigint {
    const st = this.st;
    return (BigInt(st[3]) << 96n) | (BigInt(st[2]) << 64n) | (BigInt(st[1]) << 32n) | BigInt(st[0]);
  }
  set state128(v: bigint) {
    v &= MASK128;
    for (let i = 0; i < 4; i++) this.st[i] = Number((v >> BigInt(32 * i)) & 0xffffffffn);
  }
  get inc128(): bigint {
    const d = [this.n0, this.n1, this.n2, this.n3, this.n4, this.n5, this.n6, this.n7];
    return d.reduceRight((acc, x) => (acc << 16n) | BigInt(x), 0n);
  }
  set inc128(v: bigint) {
    v &= MASK128;
    const d = (k: number) => Number((v >> BigInt(16 * k)) & 0xffffn);
    this.n0 = d(0); this.n1 = d(1); this.n2 = d(2); this.n3 = d(3);
    this.n4 = d(4); this.n5 = d(5); this.n6 = d(6); this.n7 = d(7);
  }

  /** pcg64_set_seed: pcg_setseq_128_srandom_r with the default (not the cheap) multiplier */
  seed(initstate: bigint, initseq: bigint): void {
    const inc = ((initseq << 1n) | 1n) & MASK128;
    let s = inc;
    s = (s + initstate) & MASK128;
    s = (s * PCG_DEFAULT_MULT + inc) & MASK128;
    this.state128 = s;
    this.inc128 = inc;
    this.hasUint32 = 0;
    this.uinteger = 0;
  }

  /** pcg_cm_random_r: DXSM of the current state into hi/lo, then state = state * CM + inc */
  next64(): void {
    const st = this.st;
    const s0 = st[0], s1 = st[1], s2 = st[2], s3 = st[3];
    // hi ^= hi >> 32; hi *= CM (mod 2**64)
    const xl = (s2 ^ s3) >>> 0;
    let pl = Math.imul(xl, CL) >>> 0;
    const ph = (mulhi32(xl, CL) + Math.imul(s3, CL) + Math.imul(xl, CH)) >>> 0;
    // hi ^= hi >> 48; hi *= lo | 1
    pl = (pl ^ (ph >>> 16)) >>> 0;
    const ll = (s0 | 1) >>> 0;
    this.lo = Math.imul(pl, ll) >>> 0;
    this.hi = (mulhi32(pl, ll) + Math.imul(ph, ll) + Math.imul(pl, s1)) >>> 0;
    // the 128x64 product in 16-bit columns: every column sum stays below 2**51
    let c = s0 * C0 + this.n0;
    let q = Math.floor(c * INV16);
    const r0 = c - q * 65536;
    c = s0 * C1 + this.n1 + q;
    q = Math.floor(c * INV16);
    const r1 = c - q * 65536;
    c = s0 * C2 + s1 * C0 + this.n2 + q;
    q = Math.floor(c * INV16);
    const r2 = c - q * 65536;
    c = s0 * C3 + s1 * C1 + this.n3 + q;
    q = Math.floor(c * INV16);
    const r3 = c - q * 65536;
    c = s1 * C2 + s2 * C0 + this.n4 + q;
    q = Math.floor(c * INV16);
    const r4 = c - q * 65536;
    c = s1 * C3 + s2 * C1 + this.n5 + q;
    q = Math.floor(c * INV16);
    const r5 = c - q * 65536;
    c = s2 * C2 + s3 * C0 + this.n6 + q;
    q = Math.floor(c * INV16);
    const r6 = c - q * 65536;
    c = s2 * C3 + s3 * C1 + this.n7 + q;
    q = Math.floor(c * INV16);
    const r7 = c - q * 65536;
    st[0] = r0 + r1 * 65536;
    st[1] = r2 + r3 * 65536;
    st[2] = r4 + r5 * 65536;
    st[3] = r6 + r7 * 65536;
  }

  /** pcg_cm_advance_r: pcg_advance_lcg_128 with the cheap multiplier; NumPy then drops the buffered uint32 */
  advance(delta: bigint): void {
    delta &= MASK128;
    let accMult = 1n, accPlus = 0n, curMult = PCG_CHEAP_MULT, curPlus = this.inc128;
    while (delta > 0n) {
      if (delta & 1n) {
        accMult = (accMult * curMult) & MASK128;
        accPlus = (accPlus * curMult + curPlus) & MASK128;
      }
      curPlus = ((curMult + 1n) * curPlus) & MASK128;
      curMult = (curMult * curMult) & MASK128;
      delta >>= 1n;
    }
    this.state128 = accMult * this.state128 + accPlus;
    this.hasUint32 = 0;
    this.uinteger = 0;
  }
}
