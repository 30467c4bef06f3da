/**
 * @file exp and pow rounded correctly in all but vanishingly rare cases (double-double
 * evaluation), standing in for glibc's (within 0.52 ulp, so they agree with a correctly rounded
 * result almost always) where V8's Math.exp / Math.pow are off by an ulp too often
 * for NumPy's distributions to come out bit for bit.
 */
import { log } from "./accurate-log.js";

const SPLIT = 134217729; // 2**27 + 1

/** Low part of a*b (Dekker): a*b = p + twoProdErr(a, b, p) exactly. */
function twoProdErr(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/** A non-negative rational (as num / den bigints) split into two doubles hi + lo. */
function ddOf(num: bigint, den: bigint): [number, number] {
  const S = 240n;
  const v = (num << S) / den;
  const hi = Number(v) / 2 ** 240;
  const rest = v - BigInt(hi * 2 ** 240);
  return [hi, Number(rest) / 2 ** 240];
}

// 1/k! for k = 0..19 as double-doubles (enough terms for |r| <= 0.35 to 2**-100)
const NT = 20;
const CH = new Float64Array(NT), CL = new Float64Array(NT);
{
  let f = 1n;
  for (let k = 0; k < NT; k++) {
    if (k > 0) f *= BigInt(k);
    [CH[k], CL[k]] = ddOf(1n, f);
  }
}

// ln 2 in three pieces; LN2_1 keeps 40 significant bits so k * LN2_1 is exact for |k| < 2**12
const LN2_BIG = (() => {
  // ln 2 to 2**-200 by atanh series: ln 2 = 2 atanh(1/3)
  const S = 260n, one = 1n << S;
  let sum = 0n, term = one / 3n;
  for (let n = 1n; term > 0n; n += 2n) {
    sum += term / n;
    term /= 9n;
  }
  return (2n * sum) >> 60n; // ln 2 * 2**200
})();
const LN2_1 = Number((LN2_BIG >> 160n) << 160n) / 2 ** 200;
const LN2_2 = Number(LN2_BIG - BigInt(LN2_1 * 2 ** 200)) / 2 ** 200;
const LN2_3 = Number(LN2_BIG - BigInt(LN2_1 * 2 ** 200) - BigInt(LN2_2 * 2 ** 200)) / 2 ** 200;

/** exp(xh + xl) as a double-double in (eh, el) scaled by 2**ek, for finite |xh| < 746. */
let eh = 0, el = 0, ek = 0;
function expDD(xh: number, xl: number): void {
  const k = Math.round(xh * 1.4426950408889634);
  const a = xh - k * LN2_1; // exact: k * LN2_1 is exact and close to xh
  const p = k * LN2_2, pe = twoProdErr(k, LN2_2, p);
  let rh = a - p;
  let rl = (a - rh - p) - pe - k * LN2_3 + xl;
  const t = rh + rl;
  rl = rl - (t - rh);
  rh = t;
  // Horner in double-double: s = sum r**k / k!
  let sh = CH[NT - 1], sl = CL[NT - 1];
  for (let i = NT - 2; i >= 0; i--) {
    // s = s * r
    const m = sh * rh;
    const ml = twoProdErr(sh, rh, m) + sh * rl + sl * rh;
    // s = s + c_i
    const c = CH[i];
    const u = m + c;
    const bv = u - m;
    const ue = (m - (u - bv)) + (c - bv) + ml + CL[i];
    sh = u + ue;
    sl = ue - (sh - u);
  }
  eh = sh;
  el = sl;
  ek = k;
}

function scale2(v: number, k: number): number {
  // 2**k in two steps so neither factor overflows nor underflows on its own
  if (k > 1000) return v * 2 ** 1000 * 2 ** (k - 1000);
  if (k < -1000) return v * 2 ** -1000 * 2 ** (k + 1000);
  return v * 2 ** k;
}

/** e**x, correctly rounded (results in the subnormal range may be double-rounded). */
export function exp(x: number): number {
  if (!(x > -746)) return x !== x ? NaN : 0;
  if (x > 709.8) return Infinity;
  if (x === 0) return 1;
  expDD(x, 0);
  return scale2(eh + el, ek);
}

/** log(x) as a double-double (lh, lt): the correctly rounded log plus one Newton correction through expDD. */
let lh = 0, lt = 0;
function logDD(x: number): void {
  let off = 0;
  if (x < 1e-290) {
    x *= 2 ** 200;
    off = 200;
  } else if (x > 1e290) {
    x *= 2 ** -200;
    off = -200;
  }
  const l0 = log(x);
  expDD(-l0, 0);
  // x * exp(-l0) - 1 = d, and log(x) = l0 + log1p(d) ~ l0 + d - d**2/2
  const ph = scale2(eh, ek), pl = scale2(el, ek);
  const m = x * ph;
  const d = (m - 1) + twoProdErr(x, ph, m) + x * pl;
  let hi = l0, lo = d - 0.5 * d * d;
  if (off) {
    // subtract off * ln 2 in double-double
    const a = -off * LN2_1; // exact
    const s = hi + a;
    const bv = s - hi;
    lo += (hi - (s - bv)) + (a - bv) - off * LN2_2 - off * LN2_3;
    hi = s;
  }
  lh = hi + lo;
  lt = lo - (lh - hi);
}

/** x**y for the cases NumPy's distributions use (x >= 0), correctly rounded but for subnormal results. */
export function pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x !== x || y !== y) return NaN;
  if (x < 0) return Math.pow(x, y);
  if (x === 0) return y > 0 ? 0 : Infinity;
  if (x === Infinity) return y > 0 ? Infinity : 0;
  if (y === 1) return x;
  if (!Number.isFinite(y)) return Math.pow(x, y);
  logDD(x);
  const zh = y * lh;
  const zl = twoProdErr(y, lh, zh) + y * lt;
  if (zh > 709.8) return zh + zl > 709.782712893384 ? Infinity : scaleExp(zh, zl);
  if (zh < -745.2) return 0;
  return scaleExp(zh, zl);
}

function scaleExp(zh: number, zl: number): number {
  const s = zh + zl;
  expDD(s, zl - (s - zh));
  return scale2(eh + el, ek);
}
