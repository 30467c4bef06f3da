/**
 * @file Generator.multivariate_normal as NumPy's: validate, draw standard_normal(size + (n,)) first
 * (so the stream advances even when the covariance is then rejected), factor cov (svd, eigh or
 * cholesky), check it, and return mean + z @ factor.T.
 */
import { DTYPES } from "../../runtime/dtype.js";
import { NumpyTypeError, ValueError } from "../../runtime/errors.js";
import { asarray, type ArrayLike } from "../convert.js";
import type { NDArray } from "../ndarray.js";
import { cholesky, eigh, svd } from "./linalg-small.js";
import { newOut, sizeShape } from "./util.js";

const PSD_MESSAGE = "covariance is not symmetric positive-semidefinite.";

function floatValues(a: NDArray): Float64Array {
  const r = asarray(a, { dtype: "float64" })._elementReader();
  const out = new Float64Array(a.size);
  for (let i = 0; i < out.length; i++) out[i] = r(i) as number;
  return out;
}

export interface MVNOptions {
  mean?: unknown;
  cov?: unknown;
  size?: unknown;
  check_valid?: unknown;
  tol?: unknown;
  method?: unknown;
}

/** `standardNormal(shape)` must draw exactly as Generator.standard_normal does. */
export function multivariateNormal(o: MVNOptions, standardNormal: (shape: number[]) => NDArray): NDArray {
  const method = o.method ?? "svd";
  if (method !== "svd" && method !== "eigh" && method !== "cholesky") throw new ValueError("method must be one of {'eigh', 'svd', 'cholesky'}");
  if (o.mean === undefined || o.cov === undefined) throw new NumpyTypeError("multivariate_normal() missing required arguments 'mean' and 'cov'");
  const mean = asarray(o.mean as ArrayLike), cov = asarray(o.cov as ArrayLike);
  if (mean.dtype.kind === "c" || cov.dtype.kind === "c") throw new NumpyTypeError("mean and cov must not be complex");
  const shape = sizeShape(o.size) ?? [];
  if (mean.ndim !== 1) throw new ValueError("mean must be 1 dimensional");
  if (cov.ndim !== 2 || cov.shape[0] !== cov.shape[1]) throw new ValueError("cov must be 2 dimensional and square");
  const n = mean.shape[0];
  if (n !== cov.shape[0]) throw new ValueError("mean and cov must have same length");
  const finalShape = [...shape, n];
  const z = standardNormal(finalShape);
  const zv = z._realized().storage.lanes(DTYPES.float64) as Float64Array;
  const zOff = z._realized().view.offset;
  const c = floatValues(cov);
  const tol = o.tol === undefined ? 1e-8 : Number(o.tol);
  const checkValid = o.check_valid ?? "warn";

  // factor: n x n row-major, x = mean + z @ factor.T
  let factor: Float64Array;
  if (method === "cholesky") {
    factor = cholesky(c, n);
  } else {
    let psd: boolean;
    if (method === "svd") {
      const { u, s, vh } = svd(c, n);
      factor = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) factor[i * n + k] = u[i * n + k] * Math.sqrt(s[k]);
      psd = checkValid === "ignore" || allclose(reconstruct(vh, s, n), c, tol);
    } else {
      const { w, v } = eigh(c, n);
      factor = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) factor[i * n + k] = v[i * n + k] * Math.sqrt(Math.abs(w[k]));
      psd = !w.some((x) => x < -tol);
    }
    if (checkValid !== "ignore") {
      if (checkValid !== "warn" && checkValid !== "raise") throw new ValueError("check_valid must equal 'warn', 'raise', or 'ignore'");
      if (!psd) {
        if (checkValid === "warn") warnRuntime(PSD_MESSAGE);
        else throw new ValueError(PSD_MESSAGE);
      }
    }
  }
  const mv = floatValues(mean);
  const { arr, lanes } = newOut(finalShape, DTYPES.float64);
  const out = lanes as Float64Array;
  const rows = z.size / Math.max(n, 1);
  for (let r = 0; r < rows; r++) {
    const zb = zOff + r * n, ob = r * n;
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let k = 0; k < n; k++) acc += zv[zb + k] * factor[j * n + k];
      out[ob + j] = mv[j] + acc;
    }
  }
  return arr;
}

/** NumPy's RuntimeWarning: Node's process warning (catchable with process.on("warning")), else console.warn. */
function warnRuntime(message: string): void {
  const proc = (globalThis as { process?: { emitWarning?: (m: string, t: string) => void } }).process;
  if (proc?.emitWarning) proc.emitWarning(message, "RuntimeWarning");
  else console.warn(`RuntimeWarning: ${message}`);
}

/** vh.T * s @ vh */
function reconstruct(vh: Float64Array, s: Float64Array, n: number): Float64Array {
  const r = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let k = 0; k < n; k++) acc += vh[k * n + i] * s[k] * vh[k * n + j];
      r[i * n + j] = acc;
    }
  }
  return r;
}

/** np.allclose(a, b, rtol=tol, atol=tol): NaN is never close, equal infinities are. */
function allclose(a: Float64Array, b: Float64Array, tol: number): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (!(Math.abs(a[i] - b[i]) <= tol + tol * Math.abs(b[i]))) return false;
  }
  return true;
}
