/** @file glibc 2.36's expm1 as x86-64 runs it on CPUs with FMA (fdlibm's s_expm1.c built with -mfma, the __expm1_fma variant NumPy's power, pareto and logseries draws call), bit for bit: every contraction objdump shows is an exact fma. */
import { fmaExact } from "./fma.js";

const LN2_HI = 6.93147180369123816490e-01; // k * LN2_HI is exact for the k used here
const LN2_LO = 1.90821492927058770002e-10;
const INVLN2 = 1.4426950408889634;
const Q1 = -0.03333333333333313, Q2 = 0.0015873015872548146, Q3 = -7.93650757867488e-05;
const Q4 = 4.008217827329362e-06, Q5 = -2.0109921818362437e-07;
const O_THRESHOLD = 709.782712893384;

const F = new Float64Array(1);
const U = new Uint32Array(F.buffer);

/** y * 2**k by adding k to the exponent field, as glibc does (no rounding; y is normal and stays so). */
function addExp(y: number, k: number): number {
  F[0] = y;
  U[1] = U[1] + (k << 20);
  return F[0];
}

/** e**x - 1, bit for bit glibc 2.36's (FMA build). */
export function expm1(x: number): number {
  F[0] = x;
  const hx = U[1] & 0x7fffffff;
  const neg = U[1] >>> 31 === 1;
  if (hx >= 0x4043687a) {
    // |x| >= 56 ln2
    if (x !== x) return x + x;
    if (neg) return -1;
    if (x > O_THRESHOLD) return Infinity;
  }
  let k = 0, c = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2 / 2
    let hi: number, lo: number;
    if (hx < 0x3ff0a2b2) {
      hi = neg ? x + LN2_HI : x - LN2_HI;
      lo = neg ? -LN2_LO : LN2_LO;
      k = neg ? -1 : 1;
    } else {
      k = Math.trunc(INVLN2 * x + (neg ? -0.5 : 0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (hx < 0x3c900000) return x;
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const h2 = hxs * hxs, h4 = h2 * h2;
  const r1 = fmaExact(h4, fmaExact(hxs, Q5, Q4), fmaExact(h2, fmaExact(hxs, Q3, Q2), fmaExact(hxs, Q1, 1)));
  const t = fmaExact(-r1, hfx, 3);
  let e = hxs * ((r1 - t) / fmaExact(-x, t, 6));
  if (k === 0) return x - fmaExact(x, e, -hxs);
  e = fmaExact(e - c, x, -c) - hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? (e - (x + 0.5)) * -2 : 1 + 2 * (x - e);
  if (k <= -2 || k > 56) return addExp(1 - (e - x), k) - 1;
  if (k < 20) return addExp((1 - 2 ** -k) - (e - x), k);
  return addExp(x - (e + 2 ** -k) + 1, k);
}
