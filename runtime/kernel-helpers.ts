/** @file Scalar helpers that generated kernels call: NumPy's divmod, rounding, integer power, complex math. Kernels get them as the `H` argument of their factory, never as spliced text. */
import { ValueError } from "./errors.js";
import { d2h, fround16, H16, nextafter16 } from "./half.js";
import { mulhi32 } from "./random/u64.js";

export { d2h, fround16, H16, nextafter16 };

const negativePower = () => new ValueError("Integers to negative integer powers are not allowed.");

/** NumPy's npy_divmod for floats: floor division consistent with the Python-style modulo. */
export function floordiv(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && (b < 0) !== (mod < 0)) div -= 1;
  if (div !== 0) {
    let fl = Math.floor(div);
    if (div - fl > 0.5) fl += 1;
    return fl;
  }
  return a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
}

export function fmodPy(a: number, b: number): number {
  if (b === 0) return NaN;
  let mod = a % b;
  if (mod !== 0) {
    if ((b < 0) !== (mod < 0)) mod += b;
  } else {
    mod = b < 0 ? -0 : 0;
  }
  return mod;
}

/** Integer floor division; NumPy returns 0 for division by zero (with a warning). */
export function ifloordiv(a: number, b: number): number {
  if (b === 0) return 0;
  const q = Math.floor(a / b);
  // guard the double quotient rounding up to an integer for large operands
  return q * b > a && b > 0 ? q - 1 : q * b < a && b < 0 ? q - 1 : q;
}

export function imod(a: number, b: number): number {
  if (b === 0) return 0;
  const r = a % b;
  return r !== 0 && (r < 0) !== (b < 0) ? r + b : r;
}

/** Integer power by squaring in doubles; the caller's store wraps the result. */
export function ipow(a: number, b: number): number {
  if (b < 0) throw negativePower();
  let r = 1, base = a, e = b;
  while (e > 0) {
    if (e & 1) r *= base;
    base *= base;
    e = Math.floor(e / 2);
  }
  return r;
}

/** Power for integers up to 32 bits: every product wraps mod 2**32, which the store's narrower wrap then agrees with. */
export function ipow32(a: number, b: number): number {
  if (b < 0) throw negativePower();
  let r = 1, base = a | 0, e = b;
  while (e > 0) {
    if (e & 1) r = Math.imul(r, base);
    base = Math.imul(base, base);
    e = Math.floor(e / 2);
  }
  return r;
}

/** C's pow: 1**y and x**0 are 1 even for NaN, (-1)**±inf is 1 (JS's ** gives NaN for these). */
export function fpow(a: number, b: number): number {
  if (a === 1 || b === 0) return 1;
  if (a === -1 && (b === Infinity || b === -Infinity)) return 1;
  return a ** b;
}

/** Round half to even (np.rint / np.round with 0 decimals). */
export function rint(x: number): number {
  const r = Math.round(x);
  if (Math.abs(x % 1) === 0.5 && r % 2 !== 0) return r - 1;
  return Object.is(r, 0) && (x < 0 || Object.is(x, -0)) ? -0 : r;
}

export function copysign(a: number, b: number): number {
  const neg = b < 0 || Object.is(b, -0) || (b !== b && signbitNaN(b));
  const m = Math.abs(a);
  return neg ? -m : m;
}
const nanProbe = new Float64Array(1);
const nanBits = new Uint32Array(nanProbe.buffer);
function signbitNaN(x: number): boolean {
  nanProbe[0] = x;
  return (nanBits[1] >>> 31) === 1;
}

export function signbit(a: number): boolean {
  return a < 0 || Object.is(a, -0) || (a !== a && signbitNaN(a));
}

export function sign(a: number): number {
  return a > 0 ? 1 : a < 0 ? -1 : a === 0 ? 0 : NaN;
}

export function logaddexp(a: number, b: number): number {
  if (a === b) return a + Math.LN2;
  const d = a - b;
  if (d > 0) return a + Math.log1p(Math.exp(-d));
  if (d <= 0) return b + Math.log1p(Math.exp(d));
  return d; // nan
}

export function logaddexp2(a: number, b: number): number {
  if (a === b) return a + 1;
  const d = a - b;
  if (d > 0) return a + Math.log1p(2 ** -d) / Math.LN2;
  if (d <= 0) return b + Math.log1p(2 ** d) / Math.LN2;
  return d;
}

/** float -> int32 as x86 C casts do: truncation, and INT_MIN for NaN, inf and out-of-range values. */
export function f2i32(x: number): number {
  return x > -2147483649 && x < 2147483648 ? Math.trunc(x) : -2147483648;
}
/** float -> int64 (the caller's store takes the low bits for uint32 and uint64). */
export function f2i64(x: number): number {
  return x > -9223372036854775808 && x < 9223372036854775808 ? Math.trunc(x) : -9223372036854775808;
}
/**
 * float -> uint64: values in [2**63, 2**64) convert directly, as NumPy's cast does; from 2**64 up
 * (inf too) x86's subtract-2**63-then-convert gives 0.
 */
export function f2u64(x: number): number {
  if (x >= 18446744073709551616) return 0;
  return x >= 0 ? Math.trunc(x) : f2i64(x);
}

export function shl(a: number, b: number, bits: number): number {
  return b >= bits || b < 0 ? 0 : a * 2 ** b;
}
export function shr(a: number, b: number, bits: number): number {
  if (b >= bits || b < 0) return a < 0 ? -1 : 0;
  return Math.floor(a / 2 ** b);
}

export function heaviside(x: number, h: number): number {
  return x !== x ? x : x < 0 ? 0 : x > 0 ? 1 : h;
}

// ---- float bits: nextafter, frexp, ldexp (C99 semantics, as NumPy's npy_* wrappers) ----

const bitsF64 = new Float64Array(1);
const bitsF64W = new Uint32Array(bitsF64.buffer); // [low word, high word]: little-endian, as every JS host is
const bitsF32 = new Float32Array(1);
const bitsF32W = new Uint32Array(bitsF32.buffer);

/** C's nextafter: the double after x in the direction of y (y itself when equal, so nextafter(0, -0) is -0). */
export function nextafter(x: number, y: number): number {
  if (x !== x || y !== y) return x + y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  bitsF64[0] = x;
  let lo = bitsF64W[0], hi = bitsF64W[1];
  // the bit pattern of a finite double grows with its magnitude: step it by one either way
  if ((y > x) === (x > 0)) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0;
  } else {
    if (lo === 0) hi = (hi - 1) >>> 0;
    lo = (lo - 1) >>> 0;
  }
  bitsF64W[0] = lo;
  bitsF64W[1] = hi;
  return bitsF64[0];
}

/** C's nextafterf: the same step in float32 (x and y are float32 values). */
export function nextafter32(x: number, y: number): number {
  if (x !== x || y !== y) return x + y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 1.401298464324817e-45 : -1.401298464324817e-45;
  bitsF32[0] = x;
  bitsF32W[0] = (y > x) === (x > 0) ? bitsF32W[0] + 1 : bitsF32W[0] - 1;
  return bitsF32[0];
}

/** The binary exponent e of frexp (x = m * 2**e, 0.5 <= |m| < 1); 0 for 0, inf and NaN as NumPy gives. */
export function frexpExp(x: number): number {
  if (x === 0 || x - x !== 0) return 0;
  bitsF64[0] = x;
  const e = (bitsF64W[1] >>> 20) & 0x7ff;
  if (e !== 0) return e - 1022;
  // subnormal: scale into the normal range first
  bitsF64[0] = x * 18446744073709551616;
  return ((bitsF64W[1] >>> 20) & 0x7ff) - 1022 - 64;
}

/** The mantissa m of frexp, with x's sign; x itself for 0, -0, inf and NaN. */
export function frexpMant(x: number): number {
  if (x === 0 || x - x !== 0) return x;
  // the exponent field set to 1022 (2**-1): scaling by 2**-e could overflow for subnormals
  bitsF64[0] = x;
  if (((bitsF64W[1] >>> 20) & 0x7ff) === 0) bitsF64[0] = x * 18446744073709551616;
  bitsF64W[1] = (bitsF64W[1] & 0x800fffff) | (1022 << 20);
  return bitsF64[0];
}

/** C's ldexp (musl's scalbn): x * 2**n with one rounding, n clamped far beyond the exponent range. */
export function ldexp(x: number, n: number): number {
  let y = x;
  if (n > 1023) {
    y *= 8.98846567431158e307; // 2**1023
    n -= 1023;
    if (n > 1023) {
      y *= 8.98846567431158e307;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    // 2**-1022 * 2**53: stay in the normal range so the final product rounds once
    y *= 2.004168360008973e-292;
    n += 1022 - 53;
    if (n < -1022) {
      y *= 2.004168360008973e-292;
      n += 1022 - 53;
      if (n < -1022) n = -1022;
    }
  }
  return y * 2 ** n;
}

// ---- integers: gcd, lcm, popcount on exact doubles (64-bit operands exact up to 2**53) ----

/**
 * NumPy's gcd: Euclid on the true absolute values (NumPy works in unsigned or wider integers, so
 * gcd(int8 -128, 0) is 128, which the store wraps back to -128).
 */
export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (a !== 0) {
    const c = a;
    a = b % a;
    b = c;
  }
  return b;
}

/** NumPy's lcm: |a| / gcd * |b|, wrapped by the store (exact mod 2**32 up to 32 bits, exact to 2**53 beyond). */
export function lcm(a: number, b: number, bits: number): number {
  const g = gcd(a, b);
  if (g === 0) return 0;
  const q = Math.abs(a) / g;
  return bits <= 32 ? Math.imul(q, Math.abs(b)) : q * Math.abs(b);
}

function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** NumPy 2's bitwise_count: the number of 1 bits of |x|. */
export function popcount(x: number): number {
  x = Math.abs(x);
  const hi = Math.floor(x / 4294967296);
  return popcount32(x - hi * 4294967296) + popcount32(hi);
}

// ---- complex: results go to the scratch pair C[0], C[1] so no object is made per element ----

export const C = new Float64Array(2);

export function cdiv(ar: number, ai: number, br: number, bi: number): void {
  // Smith's algorithm, as NumPy uses
  const abr = Math.abs(br), abi = Math.abs(bi);
  if (abr >= abi) {
    if (abr === 0 && abi === 0) {
      C[0] = ar / abr;
      C[1] = ai / abr;
      return;
    }
    const rat = bi / br, scl = 1 / (br + bi * rat);
    C[0] = (ar + ai * rat) * scl;
    C[1] = (ai - ar * rat) * scl;
  } else {
    const rat = br / bi, scl = 1 / (bi + br * rat);
    C[0] = (ar * rat + ai) * scl;
    C[1] = (ai * rat - ar) * scl;
  }
}

export function cexp(r: number, i: number): void {
  if (i === 0) {
    C[0] = Math.exp(r);
    C[1] = i;
    return;
  }
  const e = Math.exp(r);
  C[0] = e * Math.cos(i);
  C[1] = e * Math.sin(i);
}

export function clog(r: number, i: number): void {
  C[0] = Math.log(Math.hypot(r, i));
  C[1] = Math.atan2(i, r);
}

export function csqrt(r: number, i: number): void {
  if (r === 0 && i === 0) {
    C[0] = 0;
    C[1] = i;
    return;
  }
  if (i === Infinity || i === -Infinity) {
    C[0] = Infinity;
    C[1] = i;
    return;
  }
  const t = Math.sqrt((Math.abs(r) + Math.hypot(r, i)) / 2);
  if (r >= 0) {
    C[0] = t;
    C[1] = i / (2 * t);
  } else {
    C[0] = Math.abs(i) / (2 * t);
    C[1] = i < 0 || Object.is(i, -0) ? -t : t;
  }
}

export function cpow(ar: number, ai: number, br: number, bi: number): void {
  if (br === 0 && bi === 0) {
    C[0] = 1;
    C[1] = 0;
    return;
  }
  if (ar === 0 && ai === 0) {
    C[0] = br > 0 ? 0 : NaN;
    C[1] = br > 0 ? 0 : NaN;
    return;
  }
  if (bi === 0 && br === Math.trunc(br) && Math.abs(br) < 100) {
    // NumPy multiplies out small integer powers
    let n = Math.abs(br), xr = 1, xi = 0, pr = ar, pi = ai;
    while (n > 0) {
      if (n & 1) {
        const t = xr * pr - xi * pi;
        xi = xr * pi + xi * pr;
        xr = t;
      }
      const t = pr * pr - pi * pi;
      pi = 2 * pr * pi;
      pr = t;
      n >>= 1;
    }
    if (br < 0) cdiv(1, 0, xr, xi);
    else {
      C[0] = xr;
      C[1] = xi;
    }
    return;
  }
  const lr = Math.log(Math.hypot(ar, ai)), li = Math.atan2(ai, ar);
  cexp(lr * br - li * bi, lr * bi + li * br);
}

export function csin(r: number, i: number): void {
  C[0] = Math.sin(r) * Math.cosh(i);
  C[1] = Math.cos(r) * Math.sinh(i);
}
export function ccos(r: number, i: number): void {
  C[0] = Math.cos(r) * Math.cosh(i);
  C[1] = -Math.sin(r) * Math.sinh(i);
}

/** NumPy's nc_reciprocal: Smith-style, so 1/0 is nan+nanj (not the inf a division gives). */
export function crecip(r: number, i: number): void {
  if (Math.abs(i) <= Math.abs(r)) {
    const q = i / r, d = r + i * q;
    C[0] = 1 / d;
    C[1] = -q / d;
  } else {
    const q = r / i, d = r * q + i;
    C[0] = q / d;
    C[1] = -1 / d;
  }
}

export function cexp2(r: number, i: number): void {
  cexp(r * Math.LN2, i * Math.LN2);
}

/** NumPy's nc_expm1: the real part through expm1 and a half-angle sine, for accuracy near 0. */
export function cexpm1(r: number, i: number): void {
  const a = Math.sin(i / 2);
  C[0] = Math.expm1(r) * Math.cos(i) - 2 * a * a;
  C[1] = Math.exp(r) * Math.sin(i);
}

export function clog2(r: number, i: number): void {
  clog(r, i);
  C[0] /= Math.LN2;
  C[1] /= Math.LN2;
}

export function clog10(r: number, i: number): void {
  clog(r, i);
  C[0] /= Math.LN10;
  C[1] /= Math.LN10;
}

/** NumPy's nc_log1p: log(hypot(1 + x, y)) + i atan2(y, 1 + x). */
export function clog1p(r: number, i: number): void {
  C[0] = Math.log(Math.hypot(r + 1, i));
  C[1] = Math.atan2(i, r + 1);
}

export function csinh(r: number, i: number): void {
  C[0] = Math.sinh(r) * Math.cos(i);
  C[1] = Math.cosh(r) * Math.sin(i);
}

export function ccosh(r: number, i: number): void {
  C[0] = Math.cosh(r) * Math.cos(i);
  C[1] = Math.sinh(r) * Math.sin(i);
}

/** C99 ctanh (Kahan's formula; the large-|x| branch avoids inf/inf). */
export function ctanh(r: number, i: number): void {
  if (Math.abs(r) > 22) {
    C[0] = r > 0 ? 1 : -1;
    C[1] = 4 * Math.sin(i) * Math.cos(i) * Math.exp(-2 * Math.abs(r));
    return;
  }
  const t = Math.tan(i), beta = 1 + t * t, s = Math.sinh(r), rho = Math.sqrt(1 + s * s);
  const den = 1 + beta * s * s;
  C[0] = (beta * rho * s) / den;
  C[1] = t / den;
}

/** tan z = -i tanh(iz) */
export function ctan(r: number, i: number): void {
  ctanh(-i, r);
  const p = C[0];
  C[0] = C[1];
  C[1] = -p;
}

// Kahan's inverse functions ("Branch cuts for complex elementary functions"): built from square
// roots of 1 +- z, they keep accuracy near zero and put signed zeros on the right side of the cuts.
let s1r = 0, s1i = 0, s2r = 0, s2i = 0;
function roots(ar: number, ai: number, br: number, bi: number): void {
  csqrt(ar, ai);
  s1r = C[0];
  s1i = C[1];
  csqrt(br, bi);
  s2r = C[0];
  s2i = C[1];
}

export function casin(r: number, i: number): void {
  roots(1 - r, -i, 1 + r, i);
  C[0] = Math.atan2(r, s1r * s2r - s1i * s2i);
  C[1] = Math.asinh(s1r * s2i - s1i * s2r);
}

export function cacos(r: number, i: number): void {
  roots(1 - r, -i, 1 + r, i);
  C[0] = 2 * Math.atan2(s1r, s2r);
  C[1] = Math.asinh(s2r * s1i - s2i * s1r);
}

export function cacosh(r: number, i: number): void {
  roots(r - 1, i, r + 1, i);
  C[0] = Math.asinh(s1r * s2r + s1i * s2i);
  C[1] = 2 * Math.atan2(s1i, s2r);
}

/** asinh z = -i asin(iz) */
export function casinh(r: number, i: number): void {
  casin(-i, r);
  const p = C[0];
  C[0] = C[1];
  C[1] = -p;
}

export function catanh(r: number, i: number): void {
  const d = (1 - r) * (1 - r) + i * i;
  C[0] = 0.25 * Math.log1p((4 * r) / d);
  C[1] = 0.5 * Math.atan2(2 * i, (1 - r) * (1 + r) - i * i);
}

/** atan z = -i atanh(iz) */
export function catan(r: number, i: number): void {
  catanh(-i, r);
  const p = C[0];
  C[0] = C[1];
  C[1] = -p;
}

// NumPy's complex maximum/minimum order: lexicographic, NaN-aware (CGE/CLE in loops.c.src)
const cge = (ar: number, ai: number, br: number, bi: number) => (ar > br && ai === ai && bi === bi) || (ar === br && ai >= bi);
const cle = (ar: number, ai: number, br: number, bi: number) => (ar < br && ai === ai && bi === bi) || (ar === br && ai <= bi);
function pick(first: boolean, ar: number, ai: number, br: number, bi: number): void {
  C[0] = first ? ar : br;
  C[1] = first ? ai : bi;
}
export function cmax(ar: number, ai: number, br: number, bi: number): void {
  pick(ar !== ar || ai !== ai || cge(ar, ai, br, bi), ar, ai, br, bi);
}
export function cmin(ar: number, ai: number, br: number, bi: number): void {
  pick(ar !== ar || ai !== ai || cle(ar, ai, br, bi), ar, ai, br, bi);
}
export function cfmax(ar: number, ai: number, br: number, bi: number): void {
  pick(br !== br || bi !== bi || cge(ar, ai, br, bi), ar, ai, br, bi);
}
export function cfmin(ar: number, ai: number, br: number, bi: number): void {
  pick(br !== br || bi !== bi || cle(ar, ai, br, bi), ar, ai, br, bi);
}

// 64-bit bitwise ops on exact doubles, through two 32-bit halves
const TWO32 = 4294967296;
export { mulhi32 };

/** The words [lo, hi] of divmod64's int64/uint64 result. */
export const W64 = new Int32Array(2);
const TWO53 = 9007199254740992;

/**
 * int64/uint64 floor division (mod = 0) or Python-style remainder (mod = 1) on words, into W64:
 * in doubles when both operands are within 2**53 (exact there), else in bigints. Division by zero
 * gives 0, as NumPy's integer loops do; the minimum int64 // -1 wraps.
 */
export function divmod64(ahi: number, alo: number, bhi: number, blo: number, unsigned: number, mod: number): void {
  const a = (unsigned ? ahi >>> 0 : ahi) * 4294967296 + alo;
  const b = (unsigned ? bhi >>> 0 : bhi) * 4294967296 + blo;
  if (Math.abs(a) <= TWO53 && Math.abs(b) <= TWO53) {
    const v = mod ? imod(a, b) : ifloordiv(a, b);
    W64[0] = v;
    W64[1] = Math.floor(v / 4294967296);
    return;
  }
  const A = bigOf(ahi, alo, unsigned), B = bigOf(bhi, blo, unsigned);
  let r = 0n;
  if (B !== 0n) {
    const m = A % B;
    r = mod ? (m !== 0n && (m < 0n) !== (B < 0n) ? m + B : m) : A / B - (m !== 0n && (m < 0n) !== (B < 0n) ? 1n : 0n);
  }
  putW64(r);
}

/** The words as a bigint (signed for int64, unsigned for uint64). */
const bigOf = (hi: number, lo: number, unsigned: number): bigint => (BigInt(unsigned ? hi >>> 0 : hi) << 32n) + BigInt(lo);

/** W64 = v mod 2**64. */
function putW64(v: bigint): void {
  const w = BigInt.asUintN(64, v);
  W64[0] = Number(w & 0xffffffffn);
  W64[1] = Number(w >> 32n);
}

/** W64 = the low 64 bits of (ahi:alo) * (bhi:blo). */
export function mul64(ahi: number, alo: number, bhi: number, blo: number): void {
  const hi = (mulhi32(alo, blo) + Math.imul(ahi, blo) + Math.imul(alo, bhi)) | 0;
  W64[0] = Math.imul(alo, blo);
  W64[1] = hi;
}

/** int64/uint64 base ** exponent on words into W64, by squaring mod 2**64 (NumPy's integer power); a negative exponent is NumPy's error. */
export function ipow64(bhi: number, blo: number, ehi: number, elo: number, unsigned: number): void {
  if (!unsigned && ehi < 0) throw negativePower();
  let rhi = 0, rlo = 1, xhi = bhi, xlo = blo;
  // exponents past 2**32 only matter through their bits; walk both words
  for (let word = 0; word < 2; word++) {
    let e = word === 0 ? elo >>> 0 : ehi >>> 0;
    for (let bit = 0; bit < 32; bit++) {
      if (e === 0 && (word === 1 || ehi === 0)) break;
      if (e & 1) {
        mul64(rhi, rlo, xhi, xlo);
        rhi = W64[1];
        rlo = W64[0] >>> 0;
      }
      mul64(xhi, xlo, xhi, xlo);
      xhi = W64[1];
      xlo = W64[0] >>> 0;
      e >>>= 1;
    }
  }
  W64[0] = rlo;
  W64[1] = rhi;
}

/**
 * int64/uint64 shifts on words into W64 by an amount (khi:klo) read as a signed (or unsigned) 64-bit
 * integer: amounts outside 0..63 give 0 (or -1 for a negative int64 shifted right), as NumPy's.
 */
export function shift64(hi: number, lo: number, khi: number, klo: number, left: number, unsigned: number): void {
  const out = (unsigned ? khi !== 0 : khi !== 0) || klo >= 64;
  const neg = !unsigned && hi < 0;
  if (out) {
    W64[0] = left || !neg ? 0 : -1;
    W64[1] = left || !neg ? 0 : -1;
    return;
  }
  const k = klo;
  if (k === 0) {
    W64[0] = lo;
    W64[1] = hi;
  } else if (left) {
    W64[1] = k < 32 ? (hi << k) | (lo >>> (32 - k)) : lo << (k - 32);
    W64[0] = k < 32 ? lo << k : 0;
  } else if (k < 32) {
    W64[0] = (lo >>> k) | (hi << (32 - k));
    W64[1] = unsigned ? hi >>> k : hi >> k;
  } else {
    W64[0] = unsigned ? hi >>> (k - 32) : hi >> (k - 32);
    W64[1] = unsigned ? 0 : hi >> 31;
  }
}

/** gcd (lcm = 0) or lcm (lcm = 1) of int64/uint64 words into W64: doubles within 2**53, bigints past it; results wrap as NumPy's. */
export function gcdlcm64(ahi: number, alo: number, bhi: number, blo: number, unsigned: number, lcm: number): void {
  const a = (unsigned ? ahi >>> 0 : ahi) * 4294967296 + alo;
  const b = (unsigned ? bhi >>> 0 : bhi) * 4294967296 + blo;
  if (Math.abs(a) <= TWO53 && Math.abs(b) <= TWO53) {
    const g = gcd(a, b);
    const v = lcm ? (g === 0 ? 0 : (Math.abs(a) / g) * Math.abs(b)) : g;
    if (v <= TWO53) {
      W64[0] = v;
      W64[1] = Math.floor(v / 4294967296);
      return;
    }
  }
  let x = bigOf(ahi, alo, unsigned), y = bigOf(bhi, blo, unsigned);
  if (x < 0n) x = -x;
  if (y < 0n) y = -y;
  const ax = x, ay = y;
  while (x !== 0n) [x, y] = [y % x, x];
  putW64(lcm ? (y === 0n ? 0n : (ax / y) * ay) : y);
}

/** Set bits of |x| for int64 words (of x for uint64), as np.bitwise_count. */
export function popcount64(hi: number, lo: number, unsigned: number): number {
  if (!unsigned && hi < 0) {
    // |x| = -x on the words
    lo = -lo >>> 0;
    hi = ~hi + (lo === 0 ? 1 : 0);
  }
  return popcount32(lo >>> 0) + popcount32(hi >>> 0);
}

export const bit64and = (a: number, b: number): number => (Math.floor(a / TWO32) & Math.floor(b / TWO32)) * TWO32 + ((a & b) >>> 0);
export const bit64or = (a: number, b: number): number => (Math.floor(a / TWO32) | Math.floor(b / TWO32)) * TWO32 + ((a | b) >>> 0);
export const bit64xor = (a: number, b: number): number => (Math.floor(a / TWO32) ^ Math.floor(b / TWO32)) * TWO32 + ((a ^ b) >>> 0);

export const KERNEL_HELPERS = {
  bit64and, bit64or, bit64xor, mulhi32, divmod64, W64, ipow64, shift64, gcdlcm64, popcount64,
  floordiv, fmodPy, ifloordiv, imod, ipow, ipow32, rint, copysign, signbit, sign, logaddexp, logaddexp2,
  f2i32, f2i64, f2u64, shl, shr, heaviside, C, cdiv, cexp, clog, csqrt, cpow, csin, ccos, fpow,
  crecip, cexp2, cexpm1, clog2, clog10, clog1p, csinh, ccosh, ctanh, ctan, casin, cacos, cacosh, casinh, catanh, catan,
  cmax, cmin, cfmax, cfmin, nextafter, nextafter32, frexpExp, frexpMant, ldexp, gcd, lcm, popcount,
  // float16: loads read H16[bits], stores write d2h(value), casts round with fround16
  H16, d2h, fround16, nextafter16,
};
export type HelperName = keyof typeof KERNEL_HELPERS;
