/** @file An exactly rounded fused multiply-add in plain doubles, for reproducing C code built with FMA contraction (glibc's __log_fma / __exp_fma). */

/** 2**27 + 1, Veltkamp's splitter: a * SPLIT - (a * SPLIT - a) keeps a's top 26 bits */
export const SPLIT = 134217729;

/**
 * a * b + c rounded once (to nearest, ties to even), for operands whose product and partial sums
 * neither overflow nor go subnormal. a*b = p + e exactly (Dekker); p + c = s + t and t + e = v + err
 * and s + v = y + d exactly (Knuth's two-sum), so the value is y + d + err. y is its rounding unless
 * s + v sat exactly on a midpoint (y + 2d representable) and err, nonzero, points past it: when
 * p + c is inexact |e| <= ulp(s), so err sits below the grid of s + v and cannot cross a midpoint
 * from off it; when p + c is exact t = 0 and err = 0.
 */
export function fmaExact(a: number, b: number, c: number): number {
  const p = a * b;
  let q = SPLIT * a;
  const ah = q - (q - a), al = a - ah;
  q = SPLIT * b;
  const bh = q - (q - b), bl = b - bh;
  const e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  const s = p + c;
  q = s - p;
  const t = (p - (s - q)) + (c - q);
  const v = t + e;
  q = v - t;
  const err = (t - (v - q)) + (e - q);
  const y = s + v;
  q = y - s;
  const d = (s - (y - q)) + (v - q);
  if (err !== 0 && d !== 0 && err > 0 === d > 0 && y + 2 * d - y === 2 * d) return y + 2 * d;
  return y;
}
