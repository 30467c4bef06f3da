/**
 * @file A natural log rounded correctly in all but vanishingly rare cases (double-double
 * evaluation, error < 2**-70 relative), the seed of accurate-math.ts's pow. NumPy's streams need
 * glibc's log instead (it misrounds about 1 input in 1500): that is glibc-log.ts.
 */

const F = new Float64Array(1);
const U = new Uint32Array(F.buffer);
const SPLIT = 134217729; // 2**27 + 1, Dekker's splitter

/** Low part of a*b (Dekker/Veltkamp): a*b = p + twoProdErr exactly. */
function twoProdErr(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

// ---- tables, computed once in BigInt fixed point (scale 2**128) --------------------------------
const SCALE = 128n;
const ONE = 1n << SCALE;

/** log(y) for a rational y = num/den > 0 near [0.5, 2], as a fixed-point bigint: 2 atanh((y-1)/(y+1)). */
function logFixed(num: bigint, den: bigint): bigint {
  const sNum = num - den, sDen = num + den;
  const s = (sNum * ONE) / sDen;
  const s2 = (s * s) >> SCALE;
  let term = s, sum = 0n;
  for (let k = 1n; ; k += 2n) {
    const t = term / k;
    if (t === 0n) break;
    sum += t;
    term = (term * s2) >> SCALE;
  }
  return 2n * sum;
}

/** An exact double as num/den (den a power of two). */
function asRational(x: number): [bigint, bigint] {
  let den = 1n;
  while (!Number.isInteger(x)) {
    x *= 2;
    den *= 2n;
  }
  return [BigInt(x), den];
}

function splitFixed(v: bigint): [number, number] {
  const hi = Number(v) / 2 ** 128;
  const rest = v - BigInt(hi * 2 ** 128);
  return [hi, Number(rest) / 2 ** 128];
}

const INVC = new Float64Array(128);
const LOGC_HI = new Float64Array(128);
const LOGC_LO = new Float64Array(128);
for (let j = 0; j < 128; j++) {
  const c = 1 + (j + 0.5) / 128;
  const invc = 1 / c;
  INVC[j] = invc;
  const [n, d] = asRational(invc);
  // log(1/invc) = -log(invc)
  const [h, l] = splitFixed(-logFixed(n, d));
  LOGC_HI[j] = h;
  LOGC_LO[j] = l;
}
const LN2 = logFixed(2n, 1n);
/** ln2 with its low 20 bits cleared, so k * LN2_HI is exact for every exponent k */
const LN2_HI = Math.floor(Number(LN2) / 2 ** 128 * 2 ** 32) / 2 ** 32;
const LN2_LO = Number(LN2 - BigInt(LN2_HI * 2 ** 128)) / 2 ** 128;

/** log1p(r) - r + r*r/2 for |r| < 2**-7, in plain doubles (its error is far below the result's ulp). */
function tail(r: number): number {
  return r * r * r * (1 / 3 - r * (1 / 4 - r * (1 / 5 - r * (1 / 6 - r * (1 / 7 - r * (1 / 8 - r * (1 / 9 - r * (1 / 10 - r * (1 / 11 - r / 12)))))))));
}

/** Natural logarithm, correctly rounded except in astronomically rare cases. */
export function log(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  if (x > 0.9921875 && x < 1.0078125) {
    // near 1: r = x - 1 is exact, no table (avoids cancellation)
    const r = x - 1;
    const r2 = r * r, r2l = twoProdErr(r, r, r2);
    const s = r - r2 * 0.5;
    const e = r - s - r2 * 0.5; // exact: twoSum with |r| > |r2/2|
    return s + (e - r2l * 0.5 + tail(r));
  }
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2**54
    k = -54;
  }
  F[0] = x;
  const hiw = U[1];
  k += (hiw >>> 20) - 1023;
  const j = (hiw >>> 13) & 127;
  U[1] = (hiw & 0x000fffff) | 0x3ff00000;
  return logReduced(F[0], k, j);
}

/** log(m * 2**k) for m in [1, 2) whose top 7 fraction bits are j: the table step and the double-double sum. */
function logReduced(m: number, k: number, j: number): number {
  const invc = INVC[j];
  const p = m * invc;
  const pl = twoProdErr(m, invc, p);
  const ph = p - 1; // exact: p is within 2**-8 of 1
  const r = ph + pl;
  const rl = pl - (r - ph);
  const r2 = r * r, r2l = twoProdErr(r, r, r2);
  // dd sum of k*ln2 + log(c) + r - r^2/2
  let s = k * LN2_HI;
  let lo = k * LN2_LO + LOGC_LO[j] + rl - r2l * 0.5 + tail(r) - r * rl;
  let t = s + LOGC_HI[j];
  lo += LOGC_HI[j] - (t - s) + (s - (t - (t - s)));
  s = t;
  t = s + r;
  lo += r - (t - s) + (s - (t - (t - s)));
  s = t;
  const h = -r2 * 0.5;
  t = s + h;
  lo += h - (t - s) + (s - (t - (t - s)));
  return t + lo;
}

