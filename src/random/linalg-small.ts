/**
 * @file Small dense decompositions for multivariate_normal: Cholesky, a cyclic Jacobi eigh and a
 * one-sided (Hestenes) Jacobi SVD, on row-major Float64Arrays. Jacobi is used because it is short
 * and accurate to working precision; LAPACK's signs of singular/eigen vectors are an accident of its
 * algorithm, so these are normalized instead: each vector's largest-magnitude component (the first
 * such on ties) is positive.
 */
import { LinAlgError } from "../../runtime/errors.js";

const EPS = 2 ** -52;

/** Lower Cholesky factor from the lower triangle of `a` (as NumPy's cholesky reads it). */
export function cholesky(a: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= L[j * n + k] * L[j * n + k];
    if (!(d > 0)) throw new LinAlgError("Matrix is not positive definite");
    const ljj = Math.sqrt(d);
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      L[i * n + j] = s / ljj;
    }
  }
  return L;
}

/** Flip column k of `u` (and of `v`, when given) so its largest-magnitude entry is positive. */
function normalizeSigns(u: Float64Array, n: number, v?: Float64Array): void {
  for (let k = 0; k < n; k++) {
    let best = 0, bi = 0;
    for (let i = 0; i < n; i++) {
      const m = Math.abs(u[i * n + k]);
      if (m > best) {
        best = m;
        bi = i;
      }
    }
    if (u[bi * n + k] < 0) {
      for (let i = 0; i < n; i++) {
        u[i * n + k] = -u[i * n + k];
        if (v) v[i * n + k] = -v[i * n + k];
      }
    }
  }
}

/** Columns of `m` reordered by `order`. */
function permuteColumns(m: Float64Array, n: number, order: readonly number[]): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) out[i * n + k] = m[i * n + order[k]];
  return out;
}

function checkFinite(a: Float64Array, what: string): void {
  for (const x of a) if (!Number.isFinite(x)) throw new LinAlgError(what);
}

/** eigh from the lower triangle (UPLO='L'): ascending eigenvalues w and eigenvectors as the columns of v. */
export function eigh(aIn: Float64Array, n: number): { w: Float64Array; v: Float64Array } {
  checkFinite(aIn, "Eigenvalues did not converge");
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = aIn[i * n + j];
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        const app = a[p * n + p], aqq = a[q * n + q];
        if (apq === 0) continue;
        if (Math.abs(apq) <= EPS * 0.5 * Math.sqrt(Math.abs(app * aqq)) && Math.abs(apq) <= EPS * (Math.abs(app) + Math.abs(aqq))) {
          a[p * n + q] = a[q * n + p] = 0;
          continue;
        }
        rotated = true;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.abs(theta) > 1e150 ? 1 / (2 * theta) : Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p], akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k], aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        a[p * n + q] = a[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p], vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
    if (!rotated) break;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[i * n + i] - a[j * n + j] || i - j);
  const w = Float64Array.from(order, (i) => a[i * n + i]);
  const vs = permuteColumns(v, n, order);
  normalizeSigns(vs, n);
  return { w, v: vs };
}

/** SVD of a square matrix: a = u @ diag(s) @ vh, s descending (one-sided Jacobi on the columns of a). */
export function svd(aIn: Float64Array, n: number): { u: Float64Array; s: Float64Array; vh: Float64Array } {
  checkFinite(aIn, "SVD did not converge");
  const w = Float64Array.from(aIn);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0, beta = 0, gamma = 0;
        for (let k = 0; k < n; k++) {
          const x = w[k * n + p], y = w[k * n + q];
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.abs(zeta) > 1e150 ? 1 / (2 * zeta) : Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t), s = c * t;
        for (let k = 0; k < n; k++) {
          const x = w[k * n + p], y = w[k * n + q];
          w[k * n + p] = c * x - s * y;
          w[k * n + q] = s * x + c * y;
          const vx = v[k * n + p], vy = v[k * n + q];
          v[k * n + p] = c * vx - s * vy;
          v[k * n + q] = s * vx + c * vy;
        }
      }
    }
    if (!rotated) break;
  }
  const sig = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let ss = 0;
    for (let i = 0; i < n; i++) ss += w[i * n + k] * w[i * n + k];
    sig[k] = Math.sqrt(ss);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => sig[j] - sig[i] || i - j);
  const s = Float64Array.from(order, (i) => sig[i]);
  const u = permuteColumns(w, n, order);
  const V = permuteColumns(v, n, order);
  // u = a v / s; a zero singular value leaves its column to be completed to an orthonormal basis
  const done: number[] = [];
  for (let k = 0; k < n; k++) {
    if (s[k] > 0) {
      for (let i = 0; i < n; i++) u[i * n + k] /= s[k];
      done.push(k);
    }
  }
  for (let k = 0; k < n; k++) {
    if (s[k] > 0) continue;
    for (let e = 0; e < n; e++) {
      const col = new Float64Array(n);
      col[e] = 1;
      for (const j of done) {
        let d = 0;
        for (let i = 0; i < n; i++) d += u[i * n + j] * col[i];
        for (let i = 0; i < n; i++) col[i] -= d * u[i * n + j];
      }
      const norm = Math.hypot(...col);
      if (norm > 0.5) {
        for (let i = 0; i < n; i++) u[i * n + k] = col[i] / norm;
        done.push(k);
        break;
      }
    }
  }
  normalizeSigns(u, n, V);
  const vh = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) vh[i * n + j] = V[j * n + i];
  return { u, s, vh };
}
