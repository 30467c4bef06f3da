/**
 * @file NumPy's distributions.c on raw numbers: the ziggurat normal and exponential (double and
 * float), uniform, and the bounded integer samplers (Lemire and masked, with the buffered
 * 8/16-bit draws), each consuming bits exactly as NumPy does.
 */
import { exp } from "./glibc-exp.js";
import { log1pNeg } from "./glibc-log1p.js";
import { expf, log1pfNeg } from "./glibc-float.js";
import type { RawBitGen } from "./bitgen.js";
import { bounded32Block, full32Block, genMask32 } from "./bounded-fast.js";
import { mulhi32 } from "./u64.js";
import {
  fe_double, fe_float, fi_double, fi_float, ke_double, ke_float, ki_double, ki_float, we_double, we_float, wi_double, wi_float,
  ziggurat_exp_r, ziggurat_exp_r_f, ziggurat_nor_inv_r, ziggurat_nor_inv_r_f, ziggurat_nor_r, ziggurat_nor_r_f,
} from "./ziggurat-tables.js";

const f32 = Math.fround;

/** random_standard_normal: the 256-layer ziggurat on a 64-bit draw (idx 8 bits, sign 1 bit, 52-bit magnitude). */
export function standardNormal(bg: RawBitGen): number {
  for (;;) {
    bg.next64();
    const lo = bg.lo;
    const idx = lo & 0xff;
    const rabs = (bg.hi & 0x1fffffff) * 8388608 + (lo >>> 9);
    let x = rabs * wi_double[idx];
    if (lo & 0x100) x = -x;
    if (rabs < ki_double[idx]) return x;
    if (idx === 0) {
      for (;;) {
        const xx = -ziggurat_nor_inv_r * log1pNeg(bg.nextDouble());
        const yy = -log1pNeg(bg.nextDouble());
        if (yy + yy > xx * xx) return (lo >>> 17) & 1 ? -(ziggurat_nor_r + xx) : ziggurat_nor_r + xx;
      }
    } else if ((fi_double[idx - 1] - fi_double[idx]) * bg.nextDouble() + fi_double[idx] < exp(-0.5 * x * x)) {
      return x;
    }
  }
}

export function fillStandardNormal(bg: RawBitGen, out: Float64Array, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    bg.next64();
    const lo = bg.lo;
    const idx = lo & 0xff;
    const rabs = (bg.hi & 0x1fffffff) * 8388608 + (lo >>> 9);
    const x = rabs * wi_double[idx];
    if (rabs < ki_double[idx]) out[i] = lo & 0x100 ? -x : x;
    else out[i] = normalSlow(bg, idx, lo, rabs, lo & 0x100 ? -x : x);
  }
}

/** The 0.7% path of the ziggurat: the tail or the wedge test, then a fresh draw as NumPy's loop does. */
function normalSlow(bg: RawBitGen, idx: number, lo: number, rabs: number, x: number): number {
  if (idx === 0) {
    for (;;) {
      const xx = -ziggurat_nor_inv_r * log1pNeg(bg.nextDouble());
      const yy = -log1pNeg(bg.nextDouble());
      if (yy + yy > xx * xx) return (rabs >>> 8) & 1 ? -(ziggurat_nor_r + xx) : ziggurat_nor_r + xx;
    }
  }
  if ((fi_double[idx - 1] - fi_double[idx]) * bg.nextDouble() + fi_double[idx] < exp(-0.5 * x * x)) return x;
  return standardNormal(bg);
}

/** random_standard_normal_f: the float ziggurat on one 32-bit draw, in float arithmetic. */
export function standardNormalF(bg: RawBitGen): number {
  for (;;) {
    const r = bg.nextUint32();
    const idx = r & 0xff;
    const rabs = (r >>> 9) & 0x7fffff;
    let x = f32(rabs * wi_float[idx]);
    if ((r >>> 8) & 1) x = -x;
    if (rabs < ki_float[idx]) return x;
    if (idx === 0) {
      for (;;) {
        const xx = f32(-ziggurat_nor_inv_r_f * log1pfNeg(bg.nextFloat()));
        const yy = -log1pfNeg(bg.nextFloat());
        if (f32(yy + yy) > f32(xx * xx)) return (rabs >>> 8) & 1 ? -f32(ziggurat_nor_r_f + xx) : f32(ziggurat_nor_r_f + xx);
      }
    } else if (f32(f32(f32(fi_float[idx - 1] - fi_float[idx]) * bg.nextFloat()) + fi_float[idx]) < exp(-0.5 * x * x)) {
      return x;
    }
  }
}

/** random_standard_exponential: ziggurat on bits 3..63 of a 64-bit draw. */
export function standardExponential(bg: RawBitGen): number {
  for (;;) {
    bg.next64();
    const lo = bg.lo;
    const idx = (lo >>> 3) & 0xff;
    const ri = bg.hi * 2097152 + (lo >>> 11);
    const x = ri * we_double[idx];
    if (ri < ke_double[idx]) return x;
    if (idx === 0) return ziggurat_exp_r - log1pNeg(bg.nextDouble());
    if ((fe_double[idx - 1] - fe_double[idx]) * bg.nextDouble() + fe_double[idx] < exp(-x)) return x;
  }
}

/** random_standard_exponential_f */
export function standardExponentialF(bg: RawBitGen): number {
  for (;;) {
    const r = bg.nextUint32() >>> 1;
    const idx = r & 0xff;
    const ri = r >>> 8;
    const x = f32(ri * we_float[idx]);
    if (ri < ke_float[idx]) return x;
    if (idx === 0) return f32(ziggurat_exp_r_f - log1pfNeg(bg.nextFloat()));
    if (f32(f32(f32(fe_float[idx - 1] - fe_float[idx]) * bg.nextFloat()) + fe_float[idx]) < expf(-x)) return x;
  }
}

// ---- bounded integers ------------------------------------------------------------------------

/** random_interval: masked rejection, 32-bit draws when max fits (used by shuffle). */
export function randomInterval(bg: RawBitGen, max: number): number {
  if (max === 0) return 0;
  if (max <= 0xffffffff) {
    const mask = genMask32(max);
    let v: number;
    while ((v = (bg.nextUint32() & mask) >>> 0) > max);
    return v;
  }
  const m = maskBig(BigInt(max));
  for (;;) {
    bg.next64();
    const v = Number(((BigInt(bg.hi) << 32n) | BigInt(bg.lo)) & m);
    if (v <= max) return v;
  }
}

function maskBig(max: bigint): bigint {
  let m = max;
  for (let s = 1n; s <= 32n; s <<= 1n) m |= m >> s;
  return m;
}

/** Lemire's bounded uint32 in [0, rng] (rng < 2**32 - 1), NumPy's buffered_bounded_lemire_uint32. */
export function lemire32(bg: RawBitGen, rng: number): number {
  const excl = rng + 1;
  // m = draw * excl < 2**64: its low 32 bits by imul, its high 32 bits by a split multiply
  let x = bg.nextUint32();
  let leftover = Math.imul(x, excl) >>> 0;
  if (leftover < excl) {
    const threshold = (0xffffffff - rng) % excl;
    while (leftover < threshold) {
      x = bg.nextUint32();
      leftover = Math.imul(x, excl) >>> 0;
    }
  }
  return mulhi32(x, excl);
}

/** Buffered 8/16-bit draws: one uint32 feeds 4 (or 2) values, low bits first (buffered_uint8/16). */
export class SmallBuffer {
  buf = 0;
  cnt = 0;
  constructor(readonly bg: RawBitGen) {}
  u8(): number {
    if (!this.cnt) {
      this.buf = this.bg.nextUint32();
      this.cnt = 3;
    } else {
      this.buf >>>= 8;
      this.cnt--;
    }
    return this.buf & 0xff;
  }
  u16(): number {
    if (!this.cnt) {
      this.buf = this.bg.nextUint32();
      this.cnt = 1;
    } else {
      this.buf >>>= 16;
      this.cnt--;
    }
    return this.buf & 0xffff;
  }
  bool(): number {
    if (!this.cnt) {
      this.buf = this.bg.nextUint32();
      this.cnt = 31;
    } else {
      this.buf >>>= 1;
      this.cnt--;
    }
    return this.buf & 1;
  }
}

/**
 * Fill `out` with `off + draw` for draws in [0, rng] of a dtype of `bits` bits <= 32, as NumPy's
 * random_bounded_uint{8,16,32}_fill / random_bounded_bool_fill (Lemire unless `masked`).
 * Values are returned unwrapped (off + draw); the typed-array store wraps them as C does.
 */
export function boundedSmallFill(bg: RawBitGen, bits: 1 | 8 | 16 | 32, off: number, rng: number, masked: boolean, out: { [i: number]: number }, n: number): void {
  if (rng === 0) {
    for (let i = 0; i < n; i++) out[i] = off;
    return;
  }
  if (bits === 32) {
    // 32-bit dtypes always come as Int32Array/Uint32Array lanes
    const lanes = out as Int32Array;
    if (rng === 0xffffffff) full32Block(bg, lanes, n, false, off, 0);
    else bounded32Block(bg, rng, masked, lanes, n, false, off, 0);
    return;
  }
  const sb = new SmallBuffer(bg);
  if (bits === 1) {
    for (let i = 0; i < n; i++) out[i] = off + sb.bool();
    return;
  }
  const full = bits === 8 ? 0xff : 0xffff;
  const draw = bits === 8 ? () => sb.u8() : () => sb.u16();
  if (rng === full) {
    for (let i = 0; i < n; i++) out[i] = off + draw();
  } else if (masked) {
    const mask = genMask32(rng);
    for (let i = 0; i < n; i++) {
      let v: number;
      while ((v = draw() & mask) > rng);
      out[i] = off + v;
    }
  } else {
    const excl = rng + 1, shift = bits === 8 ? 0x100 : 0x10000;
    const threshold = (full - rng) % excl;
    for (let i = 0; i < n; i++) {
      let m = draw() * excl;
      let leftover = m % shift;
      if (leftover < excl) {
        while (leftover < threshold) {
          m = draw() * excl;
          leftover = m % shift;
        }
      }
      out[i] = off + Math.floor(m / shift);
    }
  }
}

const M64 = (1n << 64n) - 1n;

/**
 * random_bounded_uint64_fill: draws in [0, rng] for rng < 2**64, written as (lo, hi) uint32 pairs of
 * `off + draw` (mod 2**64) into `out` (an Int32Array view of int64/uint64 memory).
 */
export function bounded64Fill(bg: RawBitGen, off: bigint, rng: bigint, masked: boolean, out: Int32Array, n: number): void {
  const offLo = Number(off & 0xffffffffn), offHi = Number((off >> 32n) & 0xffffffffn);
  const put = (i: number, hi: number, lo: number) => {
    const l = offLo + lo;
    const carry = l >= 4294967296 ? 1 : 0;
    out[2 * i] = l;
    out[2 * i + 1] = offHi + hi + carry;
  };
  if (rng === 0n) {
    for (let i = 0; i < n; i++) put(i, 0, 0);
  } else if (rng <= 0xffffffffn) {
    const r = Number(rng);
    if (r === 0xffffffff) full32Block(bg, out, n, true, offLo, offHi);
    else bounded32Block(bg, r, masked, out, n, true, offLo, offHi);
  } else if (rng === M64) {
    for (let i = 0; i < n; i++) {
      bg.next64();
      put(i, bg.hi, bg.lo);
    }
  } else if (masked) {
    const mask = maskBig(rng);
    const mh = Number(mask >> 32n) >>> 0, rh = Number(rng >> 32n), rl = Number(rng & 0xffffffffn);
    for (let i = 0; i < n; i++) {
      let h: number, l: number;
      do {
        bg.next64();
        h = (bg.hi & mh) >>> 0;
        l = bg.lo;
      } while (h > rh || (h === rh && l > rl));
      put(i, h, l);
    }
  } else {
    // bounded_lemire_uint64; rng > 2**32 here, so this path is rare enough for BigInt
    const excl = rng + 1n;
    const threshold = (M64 - rng) % excl;
    for (let i = 0; i < n; i++) {
      bg.next64();
      let x = (BigInt(bg.hi) << 32n) | BigInt(bg.lo);
      let m = x * excl;
      let leftover = m & M64;
      if (leftover < excl) {
        while (leftover < threshold) {
          bg.next64();
          x = (BigInt(bg.hi) << 32n) | BigInt(bg.lo);
          m = x * excl;
          leftover = m & M64;
        }
      }
      const v = m >> 64n;
      put(i, Number(v >> 32n), Number(v & 0xffffffffn));
    }
  }
}

/** random_bounded_uint64 for one value (choice's Floyd sampler and _shuffle_int). */
export function boundedUint64One(bg: RawBitGen, rng: number): number {
  if (rng === 0) return 0;
  if (rng <= 0xffffffff) return rng === 0xffffffff ? bg.nextUint32() : lemire32(bg, rng);
  const tmp = new Int32Array(2);
  bounded64Fill(bg, 0n, BigInt(rng), false, tmp, 1);
  return (tmp[1] >>> 0) * 4294967296 + (tmp[0] >>> 0);
}
