/**
 * @file NumPy's gamma, beta, Poisson, binomial, geometric, Laplace and lognormal samplers
 * (distributions.c, plus the legacy binomial of legacy-distributions.c) on raw numbers, drawing
 * exactly the bits NumPy draws. log, exp, pow and log1p are glibc's own (glibc-log.ts, glibc-exp.ts,
 * glibc-pow.ts, glibc-log1p.ts), so the values come out bit for bit too.
 */
import { pow } from "./glibc-pow.js";
import { log1p } from "./glibc-log1p.js";
import { exp } from "./glibc-exp.js";
import { log } from "./glibc-log.js";
import type { RawBitGen } from "./bitgen.js";
import { standardExponential, standardNormal } from "./distributions.js";

/** random_standard_gamma: exponential for shape 1, Johnk-like rejection below 1, Marsaglia-Tsang above. */
export function standardGamma(bg: RawBitGen, shape: number): number {
  if (shape === 1) return standardExponential(bg);
  if (shape === 0) return 0;
  if (shape < 1) {
    for (;;) {
      const U = bg.nextDouble();
      const V = standardExponential(bg);
      if (U <= 1 - shape) {
        const X = pow(U, 1 / shape);
        if (X <= V) return X;
      } else {
        const Y = -log((1 - U) / shape);
        const X = pow(1 - shape + shape * Y, 1 / shape);
        if (X <= V + Y) return X;
      }
    }
  }
  const b = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * b);
  for (;;) {
    let X: number, V: number;
    do {
      X = standardNormal(bg);
      V = 1 + c * X;
    } while (V <= 0);
    V = V * V * V;
    const U = bg.nextDouble();
    if (U < 1 - 0.0331 * (X * X) * (X * X)) return b * V;
    if (log(U) < 0.5 * X * X + b * (1 - V + log(V))) return b * V;
  }
}

/** random_beta: Johnk's algorithm when both parameters are <= 1, else a ratio of gammas. */
export function beta(bg: RawBitGen, a: number, b: number): number {
  if (a <= 1 && b <= 1) {
    if (a < 3e-103 && b < 3e-103) {
      const U = bg.nextDouble();
      return (a + b) * U < a ? 1 : 0;
    }
    for (;;) {
      const U = bg.nextDouble();
      const V = bg.nextDouble();
      const X = pow(U, 1 / a);
      const Y = pow(V, 1 / b);
      const XpY = X + Y;
      if (XpY <= 1 && U + V > 0) {
        if (X > 0 && Y > 0) return X / XpY;
        // X or Y underflowed: the same ratio through logarithms
        const logX = log(U) / a;
        const logY = log(V) / b;
        const delta = logX - logY;
        if (delta > 0) return exp(-log1p(exp(-delta)));
        return exp(delta - log1p(exp(delta)));
      }
    }
  }
  const Ga = standardGamma(bg, a);
  const Gb = standardGamma(bg, b);
  return Ga / (Ga + Gb);
}

/** random_laplace: one uniform, U == 0 redrawn. */
export function laplace(bg: RawBitGen, loc: number, scale: number): number {
  for (;;) {
    const U = bg.nextDouble();
    if (U >= 0.5) return loc - scale * log(2 - U - U);
    if (U > 0) return loc + scale * log(U + U);
  }
}

export function lognormal(bg: RawBitGen, mean: number, sigma: number): number {
  return exp(mean + sigma * standardNormal(bg));
}

// ---- Poisson ---------------------------------------------------------------------------------

const LOGGAM_A = [
  8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04, -5.952380952380952e-04, 8.417508417508418e-04,
  -1.917526917526918e-03, 6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01, -1.39243221690590e+00,
];

/** random_loggam: log(Gamma(x)) by Stirling's series, shifted up to x >= 7 first. */
export function loggam(x: number): number {
  if (x === 1 || x === 2) return 0;
  const n = x < 7 ? Math.trunc(7 - x) : 0;
  let x0 = x + n;
  const x2 = (1 / x0) * (1 / x0);
  const lg2pi = 1.8378770664093453;
  let gl0 = LOGGAM_A[9];
  for (let k = 8; k >= 0; k--) {
    gl0 *= x2;
    gl0 += LOGGAM_A[k];
  }
  let gl = gl0 / x0 + 0.5 * lg2pi + (x0 - 0.5) * log(x0) - x0;
  if (x < 7) {
    for (let k = 1; k <= n; k++) {
      gl -= log(x0 - 1);
      x0 -= 1;
    }
  }
  return gl;
}

function poissonMult(bg: RawBitGen, lam: number): number {
  const enlam = exp(-lam);
  let X = 0, prod = 1;
  for (;;) {
    prod *= bg.nextDouble();
    if (prod > enlam) X += 1;
    else return X;
  }
}

/** Hoermann's transformed rejection (PTRS) for lam >= 10. */
function poissonPtrs(bg: RawBitGen, lam: number): number {
  const slam = Math.sqrt(lam);
  const loglam = log(lam);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const U = bg.nextDouble() - 0.5;
    const V = bg.nextDouble();
    const us = 0.5 - Math.abs(U);
    const k = Math.floor((2 * a / us + b) * U + lam + 0.43);
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (log(V) + log(invalpha) - log(a / (us * us) + b) <= -lam + k * loglam - loggam(k + 1)) return k;
  }
}

/** random_poisson (also the legacy stream's). */
export function poisson(bg: RawBitGen, lam: number): number {
  if (lam >= 10) return poissonPtrs(bg, lam);
  if (lam === 0) return 0;
  return poissonMult(bg, lam);
}

// ---- binomial --------------------------------------------------------------------------------

/** NumPy's binomial_t: setup values cached between draws with the same (n, p). */
export class BinomialCache {
  has = false;
  nsave = 0;
  psave = 0;
  r = 0; q = 0; fm = 0; m = 0; p1 = 0; xm = 0; xl = 0; xr = 0; c = 0; laml = 0; lamr = 0; p2 = 0; p3 = 0; p4 = 0;
}

function stirlingTerm(v: number, v2: number, c0: number): number {
  return (c0 - (462 - (132 - (99 - 140 / v2) / v2) / v2) / v2) / v / 166320;
}

/** BTPE (Kachitvichyanukul & Schmeiser); `legacy` keeps RandomState's 13680 constant and all-added error terms. */
function binomialBtpe(bg: RawBitGen, n: number, p: number, st: BinomialCache, legacy: boolean): number {
  if (!st.has || st.nsave !== n || st.psave !== p) {
    st.nsave = n;
    st.psave = p;
    st.has = true;
    st.r = Math.min(p, 1 - p);
    st.q = 1 - st.r;
    st.fm = n * st.r + st.r;
    st.m = Math.floor(st.fm);
    st.p1 = Math.floor(2.195 * Math.sqrt(n * st.r * st.q) - 4.6 * st.q) + 0.5;
    st.xm = st.m + 0.5;
    st.xl = st.xm - st.p1;
    st.xr = st.xm + st.p1;
    st.c = 0.134 + 20.5 / (15.3 + st.m);
    let a = (st.fm - st.xl) / (st.fm - st.xl * st.r);
    st.laml = a * (1 + a / 2);
    a = (st.xr - st.fm) / (st.xr * st.q);
    st.lamr = a * (1 + a / 2);
    st.p2 = st.p1 * (1 + 2 * st.c);
    st.p3 = st.p2 + st.c / st.laml;
    st.p4 = st.p3 + st.c / st.lamr;
  }
  const { r, q, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 } = st;
  const c0 = legacy ? 13680 : 13860;
  let y: number;
  for (;;) {
    const nrq = n * r * q;
    const u = bg.nextDouble() * p4;
    let v = bg.nextDouble();
    if (u <= p1) {
      y = Math.floor(xm - p1 * v + u);
      break;
    }
    if (u <= p2) {
      const x = xl + (u - p1) / c;
      v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
      if (v > 1) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      y = Math.floor(xl + log(v) / laml);
      if (y < 0 || v === 0) continue;
      v = v * (u - p2) * laml;
    } else {
      y = Math.floor(xr - log(v) / lamr);
      if (y > n || v === 0) continue;
      v = v * (u - p3) * lamr;
    }
    const k = Math.abs(y - m);
    if (!(k > 20 && k < nrq / 2 - 1)) {
      const s = r / q;
      const a = s * (n + 1);
      let F = 1;
      if (m < y) for (let i = m + 1; i <= y; i++) F *= a / i - s;
      else if (m > y) for (let i = y + 1; i <= m; i++) F /= a / i - s;
      if (v > F) continue;
      break;
    }
    const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    const t = -k * k / (2 * nrq);
    const A = log(v);
    if (A < t - rho) break;
    if (A > t + rho) continue;
    const x1 = y + 1, f1 = m + 1, z = n + 1 - m, w = n - y + 1;
    const x2 = x1 * x1, f2 = f1 * f1, z2 = z * z, w2 = w * w;
    const base = xm * log(f1 / x1) + (n - m + 0.5) * log(z / w) + (y - m) * log(w * r / (x1 * q));
    const bound = legacy
      ? base + stirlingTerm(f1, f2, c0) + stirlingTerm(z, z2, c0) + stirlingTerm(x1, x2, c0) + stirlingTerm(w, w2, c0)
      : base + stirlingTerm(f1, f2, c0) + stirlingTerm(z, z2, c0) - stirlingTerm(x1, x2, c0) - stirlingTerm(w, w2, c0);
    if (A > bound) continue;
    break;
  }
  return p > 0.5 ? n - y : y;
}

/** Inversion for small n*p; the legacy stream computes q**n as exp(n log q) rather than exp(n log1p(-p)). */
function binomialInversion(bg: RawBitGen, n: number, p: number, st: BinomialCache, legacy: boolean): number {
  if (!st.has || st.nsave !== n || st.psave !== p) {
    st.nsave = n;
    st.psave = p;
    st.has = true;
    st.q = 1 - p;
    st.r = exp(n * (legacy ? log(st.q) : log1p(-p)));
    st.c = n * p;
    st.m = Math.trunc(Math.min(n, st.c + 10 * Math.sqrt(st.c * st.q + 1)));
  }
  const q = st.q, qn = st.r, bound = st.m;
  let X = 0, px = qn;
  let U = bg.nextDouble();
  while (U > px) {
    X++;
    if (X > bound) {
      X = 0;
      px = qn;
      U = bg.nextDouble();
    } else {
      U -= px;
      px = ((n - X + 1) * p * px) / (X * q);
    }
  }
  return X;
}

/** random_binomial (Generator) or legacy_random_binomial (RandomState, which draws even for n == 0 or p == 0). */
export function binomial(bg: RawBitGen, p: number, n: number, st: BinomialCache, legacy = false): number {
  if (!legacy && (n === 0 || p === 0)) return 0;
  if (p <= 0.5) {
    return p * n <= 30 ? binomialInversion(bg, n, p, st, legacy) : binomialBtpe(bg, n, p, st, legacy);
  }
  const q = 1 - p;
  return q * n <= 30 ? n - binomialInversion(bg, n, q, st, legacy) : n - binomialBtpe(bg, n, q, st, legacy);
}

/** random_multinomial: successive conditional binomials into out[off .. off + d). */
export function multinomial(bg: RawBitGen, n: number, out: Float64Array, off: number, pix: Float64Array, poff: number, d: number, st: BinomialCache, legacy = false): void {
  let remaining = 1;
  let dn = n;
  for (let j = 0; j < d - 1; j++) {
    out[off + j] = binomial(bg, pix[poff + j] / remaining, dn, st, legacy);
    dn -= out[off + j];
    if (dn <= 0) break;
    remaining -= pix[poff + j];
  }
  if (dn > 0) out[off + d - 1] = dn;
}

// ---- geometric -------------------------------------------------------------------------------

function geometricSearch(bg: RawBitGen, p: number): number {
  let X = 1, sum = p, prod = p;
  const q = 1 - p;
  const U = bg.nextDouble();
  while (U > sum) {
    prod *= q;
    sum += prod;
    X++;
  }
  return X;
}

/** random_geometric (Generator); values beyond int64 clamp to INT64_MAX (returned as 2**63). */
export function geometric(bg: RawBitGen, p: number): number {
  if (p >= 0.333333333333333333333333) return geometricSearch(bg, p);
  const z = Math.ceil(-standardExponential(bg) / log1p(-p));
  return z >= 9.223372036854776e18 ? 9.223372036854776e18 : z;
}
