/** @file glibc 2.36's log1p as x86-64 runs it on CPUs with FMA (fdlibm's s_log1p.c built with -mfma, the __log1p_fma variant NumPy's geometric, binomial, beta and logseries draws call), bit for bit in plain doubles. */
import { fmaExact } from "./fma.js";

const LN2_HI = 6.93147180369123816490e-01; // 0x3fe62e42fee00000: k * LN2_HI is exact for |k| < 2000
const LN2_LO = 1.90821492927058770002e-10;
const LP1 = 6.666666666666735130e-01, LP2 = 3.999999999940941908e-01, LP3 = 2.857142874366239149e-01;
const LP4 = 2.222219843214978396e-01, LP5 = 1.818357216161805012e-01, LP6 = 1.531383769920937332e-01;
const LP7 = 1.479819860511658591e-01;

const F = new Float64Array(1);
const U = new Uint32Array(F.buffer);

/** log(1 + x), bit for bit glibc 2.36's. */
export function log1p(x: number): number {
  F[0] = x;
  const hx = U[1] | 0;
  const ax = hx & 0x7fffffff;
  let k = 1, f = 0, c = 0, hu = 0;
  if (hx < 0x3fda827a) {
    // x < 0.41422
    if (ax >= 0x3ff00000) return x === -1 ? -Infinity : NaN;
    if (ax < 0x3e200000) return ax < 0x3c900000 ? x : x - x * x * 0.5;
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      k = 0;
      f = x;
      hu = 1;
    }
  } else if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      F[0] = u;
      hu = U[1];
      k = (hu >> 20) - 1023;
      c = (k > 0 ? 1 - (u - x) : x - (u - 1)) / u; // the rounding error of 1 + x, relative
    } else {
      u = x;
      hu = hx;
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    F[0] = u;
    if (hu < 0x6a09e) U[1] = hu | 0x3ff00000;
    else {
      k += 1;
      U[1] = hu | 0x3fe00000;
      hu = (0x00100000 - hu) >> 2;
    }
    f = F[0] - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2**-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + fmaExact(k, LN2_LO, c);
    const R = hfsq * fmaExact(-f, 0.66666666666666666, 1);
    return k === 0 ? f - R : k * LN2_HI - ((R - fmaExact(k, LN2_LO, c)) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const z2 = z * z, z4 = z2 * z2, z6 = z4 * z2;
  // glibc fuses R's evaluation (objdump): unfused, R is within dR of it. Everything after R + hfsq is
  // unfused and monotonic in it, so when both ends of R's interval give one result, that is glibc's.
  const r1 = z * LP1, r2 = z2 * (LP2 + z * LP3), r3 = z4 * (LP4 + z * LP5), r4 = z6 * (LP6 + z * LP7);
  const R = r1 + r2 + r3 + r4;
  const dR = (r1 + Math.abs(r2) + Math.abs(r3) + Math.abs(r4) + Math.abs(R)) * 8.881784197001252e-16; // 2**-50
  if (k === 0) {
    const y = f - (hfsq - s * (hfsq + (R - dR)));
    if (y === f - (hfsq - s * (hfsq + (R + dR)))) return y;
    return f - (hfsq - s * (hfsq + fusedR(z, z2, z4, z6)));
  }
  const lo = fmaExact(k, LN2_LO, c);
  const kh = k * LN2_HI;
  const y = kh - ((hfsq - (s * (hfsq + (R - dR)) + lo)) - f);
  if (y === kh - ((hfsq - (s * (hfsq + (R + dR)) + lo)) - f)) return y;
  return kh - ((hfsq - (s * (hfsq + fusedR(z, z2, z4, z6)) + lo)) - f);
}

/** R as glibc's __log1p_fma evaluates it. */
function fusedR(z: number, z2: number, z4: number, z6: number): number {
  const r1 = fmaExact(z, LP1, z2 * fmaExact(z, LP3, LP2));
  return fmaExact(z6, fmaExact(z, LP7, LP6), fmaExact(z4, fmaExact(z, LP5, LP4), r1));
}

/** log1p(-u): NumPy's ziggurat tails and inverse-CDF exponentials draw -log1p(-U). */
export function log1pNeg(u: number): number {
  return log1p(-u);
}
