/** @file Scalar helpers that generated kernels call: NumPy's divmod, rounding, integer power, complex math. Kernels get them as the `H` argument of their factory, never as spliced text. */

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
  if (b < 0) {
    throw Object.assign(new Error("Integers to negative integer powers are not allowed."), { name: "ValueError" });
  }
  let r = 1, base = a, e = b;
  while (e > 0) {
    if (e & 1) r *= base;
    base *= base;
    e = Math.floor(e / 2);
  }
  return r;
}

/** int32 power with wrap at each multiplication, as C does. */
export function ipow32(a: number, b: number): number {
  if (b < 0) {
    throw Object.assign(new Error("Integers to negative integer powers are not allowed."), { name: "ValueError" });
  }
  let r = 1, base = a | 0, e = b;
  while (e > 0) {
    if (e & 1) r = Math.imul(r, base);
    base = Math.imul(base, base);
    e = Math.floor(e / 2);
  }
  return r;
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
/** float -> uint64: values in [2**63, 2**64) convert directly, as NumPy's cast does. */
export function f2u64(x: number): number {
  return x >= 0 && x < 18446744073709551616 ? Math.trunc(x) : f2i64(x);
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

// 64-bit bitwise ops on exact doubles, through two 32-bit halves
const TWO32 = 4294967296;
export const bit64and = (a: number, b: number): number => (Math.floor(a / TWO32) & Math.floor(b / TWO32)) * TWO32 + ((a & b) >>> 0);
export const bit64or = (a: number, b: number): number => (Math.floor(a / TWO32) | Math.floor(b / TWO32)) * TWO32 + ((a | b) >>> 0);
export const bit64xor = (a: number, b: number): number => (Math.floor(a / TWO32) ^ Math.floor(b / TWO32)) * TWO32 + ((a ^ b) >>> 0);

export const KERNEL_HELPERS = {
  bit64and, bit64or, bit64xor,
  floordiv, fmodPy, ifloordiv, imod, ipow, ipow32, rint, copysign, signbit, sign, logaddexp, logaddexp2,
  f2i32, f2i64, f2u64, shl, shr, heaviside, C, cdiv, cexp, clog, csqrt, cpow, csin, ccos,
};
export type HelperName = keyof typeof KERNEL_HELPERS;
