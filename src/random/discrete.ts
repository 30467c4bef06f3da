/** @file The argument handling of binomial, multinomial and permuted, shared by Generator and RandomState where NumPy's differs from plain `cont`/`disc`. */
import { DTYPES } from "../../runtime/dtype.js";
import { ValueError, NumpyTypeError } from "../../runtime/errors.js";
import type { RawBitGen } from "../../runtime/random/bitgen.js";
import { randomInterval } from "../../runtime/random/distributions.js";
import { binomial, multinomial, type BinomialCache } from "../../runtime/random/distributions2.js";
import { array, asarray, isNDArray, type ArrayLike } from "../convert.js";
import { assign } from "../indexing.js";
import { afterWrite, beforeWrite, type NDArray } from "../ndarray.js";
import { broadcast_to } from "../shape-ops.js";
import { broadcastShapes } from "../ufunc/ufunc.js";
import { normAxis } from "./sampling.js";
import { int64Scalar, newOut, prod, putInt64, signbit, sizeShape } from "./util.js";

/** CONS_NON_NEGATIVE: NaN passes, a set sign bit (even -0.0) fails. */
export function nonNeg(v: number, name: string): void {
  if (signbit(v)) throw new ValueError(`${name} < 0`);
}

function checkP01(p: number, name: string): void {
  if (!(p >= 0) || !(p <= 1)) throw new ValueError(`${name} < 0, ${name} > 1 or ${name} is NaN`);
}

/** An int64 parameter (n) as numbers; floats truncate as NumPy's cast does. */
function intArray(x: unknown): NDArray {
  return asarray(x as ArrayLike, { dtype: "int64" });
}

function isScalarLike(x: unknown): boolean {
  return typeof x === "number" || typeof x === "bigint" || typeof x === "boolean" || (isNDArray(x) && x.ndim === 0);
}

function scalarOf(x: unknown): number {
  return isNDArray(x) ? Number(x._elementReader()(0)) : Number(x);
}

/**
 * binomial(n, p, size): the scalar path checks once, the array path checks every element first,
 * then draws in C order of the broadcast (or of `size`), all through one setup cache.
 * `legacy` selects RandomState's algorithms and its n bound (C long).
 */
export function binomialImpl(bg: RawBitGen, st: BinomialCache, n: unknown, p: unknown, size: unknown, legacy: boolean): NDArray | number | bigint {
  const shape = sizeShape(size);
  const nLimit = (v: number) => {
    if (v < 0) throw new ValueError("n < 0");
    if (legacy && v > 9223372036854775807) throw new ValueError("n is out of bounds for long, consider using the new generator API for 64bit integers.");
  };
  if (isScalarLike(n) && isScalarLike(p)) {
    const pv = scalarOf(p), nv = Math.trunc(scalarOf(n));
    checkP01(pv, "p");
    nLimit(nv);
    if (shape === null) return int64Scalar(binomial(bg, pv, nv, st, legacy));
    const { arr, lanes } = newOut(shape, DTYPES.int64);
    for (let i = 0, m = prod(shape); i < m; i++) putInt64(lanes as Int32Array, i, binomial(bg, pv, nv, st, legacy));
    return arr;
  }
  const pa = asarray(p as ArrayLike, { dtype: "float64" }), na = intArray(n);
  const pr = pa._elementReader(), nr = na._elementReader();
  for (let i = 0; i < pa.size; i++) checkP01(pr(i) as number, "p");
  for (let i = 0; i < na.size; i++) nLimit(Number(nr(i)));
  const b = broadcastShapes(pa.shape, na.shape);
  let outShape = b;
  if (shape !== null) {
    const bb = broadcastShapes(shape, b);
    if (bb.length !== shape.length || bb.some((v, i) => v !== shape[i])) throw new ValueError("shape mismatch: objects cannot be broadcast to a single shape.");
    outShape = shape;
  }
  const pb = broadcast_to(pa, outShape)._elementReader(), nb = broadcast_to(na, outShape)._elementReader();
  const { arr, lanes } = newOut(outShape, DTYPES.int64);
  for (let i = 0, m = prod(outShape); i < m; i++) putInt64(lanes as Int32Array, i, binomial(bg, pb(i) as number, Number(nb(i)), st, legacy));
  return arr;
}

/** NumPy's kahan_sum over the first m values from `off`. */
function kahanSum(a: Float64Array, off: number, m: number): number {
  if (m <= 0) return 0;
  let sum = a[off], c = 0;
  for (let i = 1; i < m; i++) {
    const y = a[off + i] - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

/** multinomial(n, pvals, size): int64 counts, last axis of length len(pvals). */
export function multinomialImpl(bg: RawBitGen, st: BinomialCache, n: unknown, pvals: unknown, size: unknown, legacy = false): NDArray {
  const parr = asarray(pvals as ArrayLike, { dtype: "float64" });
  const nd = parr.ndim;
  const d = nd >= 1 ? parr.shape[nd - 1] : 0;
  if (d === 0) throw new ValueError("pvals must have at least 1 dimension and the last dimension of pvals must be greater than 0.");
  const pr = parr._elementReader();
  const pix = new Float64Array(parr.size);
  for (let i = 0; i < pix.length; i++) pix[i] = pr(i) as number;
  for (const v of pix) checkP01(v, "pvals");
  for (let off = 0; off < pix.length; off += d) {
    if (kahanSum(pix, off, d - 1) > 1 + 1e-12) throw new ValueError(nd === 1 ? "sum(pvals[:-1]) > 1.0" : "sum(pvals[...,:-1]) > 1.0");
  }
  const shape = sizeShape(size);
  if (!isScalarLike(n) || nd > 1) {
    const na = intArray(n);
    const nr = na._elementReader();
    for (let i = 0; i < na.size; i++) if (Number(nr(i)) < 0) throw new ValueError("n < 0");
    const rowShape = parr.shape.slice(0, nd - 1);
    let it = broadcastShapes(na.shape, rowShape);
    if (shape !== null) {
      const all = broadcastShapes(na.shape, rowShape, shape);
      if (all.length !== shape.length || all.some((v, i) => v !== shape[i])) {
        throw new ValueError(`Output size (${shape.join(", ")}${shape.length === 1 ? "," : ""}) is not compatible with broadcast dimensions of inputs (${all.join(", ")}${all.length === 1 ? "," : ""}).`);
      }
      it = all;
    }
    const nb = broadcast_to(na, it)._elementReader();
    const rowIdx = new Float64Array(prod(rowShape));
    for (let i = 0; i < rowIdx.length; i++) rowIdx[i] = i * d;
    const offs = broadcast_to(array(Array.from(rowIdx)).reshape(rowShape.length ? rowShape : []), it)._elementReader();
    const m = prod(it);
    const out = new Float64Array(m * d);
    for (let i = 0; i < m; i++) multinomial(bg, Number(nb(i)), out, i * d, pix, Number(offs(i)), d, st, legacy);
    return packInt64([...it, d], out);
  }
  const ni = Math.trunc(scalarOf(n));
  const outShape = shape === null ? [d] : [...shape, d];
  if (ni < 0) throw new ValueError("n < 0");
  const out = new Float64Array(prod(outShape));
  for (let off = 0; off < out.length; off += d) multinomial(bg, ni, out, off, pix, 0, d, st, legacy);
  return packInt64(outShape, out);
}

function packInt64(shape: number[], vals: Float64Array): NDArray {
  const { arr, lanes } = newOut(shape, DTYPES.int64);
  for (let i = 0; i < vals.length; i++) putInt64(lanes as Int32Array, i, vals[i]);
  return arr;
}

/**
 * permuted(x, axis, out): each 1-d slice along `axis` (visited in C order of the other axes) gets
 * its own Fisher-Yates pass with random_interval; axis None shuffles the C-order flattening.
 */
export function permutedImpl(bg: RawBitGen, x: unknown, axis: unknown, out: unknown): NDArray {
  const xa = asarray(x as ArrayLike);
  let target: NDArray;
  if (out === null) target = array(xa);
  else {
    if (!isNDArray(out)) throw new NumpyTypeError("out must be a numpy array");
    if (out.shape.length !== xa.shape.length || out.shape.some((v, i) => v !== xa.shape[i])) throw new ValueError("out must have the same shape as x");
    if (!out.flags.writeable) throw new ValueError("output array is read-only");
    assign(out, xa);
    target = out;
  }
  const { storage, view } = target._realized();
  beforeWrite(storage);
  const L = target.dtype.lanes;
  const lanes = storage.lanes(target.dtype);
  const swapAt = (a: number, b: number) => {
    for (let l = 0; l < L; l++) {
      const t = lanes[a * L + l];
      lanes[a * L + l] = lanes[b * L + l];
      lanes[b * L + l] = t;
    }
  };
  const shape = view.shape, strides = view.strides;
  if (axis === null || axis === undefined) {
    // element offsets in C order
    const n = prod(shape);
    const offs = new Float64Array(n);
    for (let f = 0; f < n; f++) {
      let off = view.offset, r = f;
      for (let k = shape.length - 1; k >= 0; k--) {
        const i = r % shape[k];
        r = (r - i) / shape[k];
        off += i * strides[k];
      }
      offs[f] = off;
    }
    for (let i = n - 1; i >= 1; i--) {
      const j = randomInterval(bg, i);
      swapAt(offs[i], offs[j]);
    }
    afterWrite(storage);
    return target;
  }
  const ax = normAxis(Number(axis), shape.length);
  const others = shape.map((_, k) => k).filter((k) => k !== ax);
  const m = prod(others.map((k) => shape[k]));
  const axlen = shape[ax], axstride = strides[ax];
  for (let f = 0; f < m; f++) {
    let base = view.offset, r = f;
    for (let q = others.length - 1; q >= 0; q--) {
      const k = others[q];
      const i = r % shape[k];
      r = (r - i) / shape[k];
      base += i * strides[k];
    }
    for (let i = axlen - 1; i >= 1; i--) {
      const j = randomInterval(bg, i);
      swapAt(base + i * axstride, base + j * axstride);
    }
  }
  afterWrite(storage);
  return target;
}
