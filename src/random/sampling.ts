/** @file choice / permutation / shuffle shared by Generator and RandomState: NumPy's algorithms and draw order, parameterized by the integer sampler. */
import { DTYPES } from "../../runtime/dtype.js";
import { ValueError, NumpyTypeError, IndexError } from "../../runtime/errors.js";
import type { RawBitGen } from "../../runtime/random/bitgen.js";
import { randomInterval } from "../../runtime/random/distributions.js";
import { array, asarray, isNDArray, type ArrayLike } from "../convert.js";
import { get, type IndexItem } from "../indexing.js";
import { afterWrite, type NDArray } from "../ndarray.js";
import { swapaxes } from "../shape-ops.js";
import { newOut, prod, sizeShape, swapperAxis0 } from "./util.js";

const SQRT_EPS64 = Math.sqrt(2 ** -52);
const SQRT_EPS32 = Math.sqrt(2 ** -23);

function kahanSum(p: Float64Array): number {
  let sum = p[0], c = 0;
  for (let i = 1; i < p.length; i++) {
    const y = p[i] - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

/** NumPy's p validation in choice; returns p as float64 values. */
export function checkP(pIn: unknown, popSize: number): Float64Array {
  let atol = SQRT_EPS64;
  if (isNDArray(pIn) && pIn.dtype === DTYPES.float32) atol = Math.max(atol, SQRT_EPS32);
  const pa = asarray(pIn as ArrayLike, { dtype: "float64" });
  if (pa.ndim !== 1) throw new ValueError("p must be 1-dimensional");
  if (pa.size !== popSize) throw new ValueError("a and p must have same size");
  const p = Float64Array.from(pa.tolist() as number[]);
  const s = kahanSum(p);
  if (Number.isNaN(s)) throw new ValueError("probabilities contain NaN");
  if (p.some((x) => x < 0)) throw new ValueError("probabilities are not non-negative");
  if (Math.abs(s - 1) > atol) throw new ValueError("probabilities do not sum to 1");
  return p;
}

/** cumsum / cdf[-1] then searchsorted(x, side='right'), as choice does. */
export function cdfSearch(p: Float64Array, xs: { readonly length: number; readonly [i: number]: number }, out: Int32Array, outStart: number): void {
  const cdf = new Float64Array(p.length);
  let acc = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = acc += p[i];
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k];
    let lo = 0, hi = cdf.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    out[2 * (outStart + k)] = lo;
    out[2 * (outStart + k) + 1] = 0;
  }
}

/** Sampling without replacement with p: NumPy's repeated cdf draws keeping first occurrences. */
export function choiceNoReplaceP(p0: Float64Array, shape: number[], size: number, uniform: (n: number) => Float64Array): NDArray {
  let nonzero = 0;
  for (const x of p0) if (x > 0) nonzero++;
  if (nonzero < size) throw new ValueError("Fewer non-zero entries in p than size");
  const p = Float64Array.from(p0);
  const { arr, lanes } = newOut(shape, DTYPES.int64);
  const found = lanes as Int32Array;
  let nUniq = 0;
  const tmp = new Int32Array(2 * size);
  while (nUniq < size) {
    const x = uniform(size - nUniq);
    for (let k = 0; k < nUniq; k++) p[found[2 * k]] = 0;
    cdfSearch(p, x, tmp, 0);
    const seen = new Set<number>();
    for (let k = 0; k < x.length; k++) {
      const v = tmp[2 * k];
      if (seen.has(v)) continue;
      seen.add(v);
      found[2 * nUniq] = v;
      found[2 * nUniq + 1] = 0;
      nUniq++;
    }
  }
  return arr;
}

/** a.take(idx, axis): a copy, as NumPy's choice returns. */
export function takeAlong(a: NDArray, idx: NDArray | number, axis: number): NDArray {
  const items: IndexItem[] = [];
  for (let d = 0; d < axis; d++) items.push(":");
  items.push(idx as IndexItem);
  return array(get(a, ...items));
}

export function normAxis(axis: number, ndim: number): number {
  const ax = axis < 0 ? axis + ndim : axis;
  if (ax < 0 || ax >= ndim) throw new IndexError(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
  return ax;
}

/** Fisher-Yates with random_interval, in place (NumPy's shuffle for ndarrays and JS arrays). */
export function shuffleInPlace(bg: RawBitGen, x: unknown, axis = 0): void {
  if (isNDArray(x)) {
    if (x.ndim === 0) throw new NumpyTypeError("len() of unsized object");
    const ax = normAxis(axis, x.ndim);
    if (x.size === 0) return;
    if (!x.flags.writeable) throw new ValueError("assignment destination is read-only");
    const v = ax === 0 ? x : swapaxes(x, 0, ax);
    const swap = swapperAxis0(v);
    for (let i = v.shape[0] - 1; i >= 1; i--) {
      const j = randomInterval(bg, i);
      if (i !== j) swap(i, j);
    }
    afterWrite(v._realized().storage);
    return;
  }
  if (Array.isArray(x)) {
    if (axis !== 0) throw new Error("NotImplementedError: Axis argument is only supported on ndarray objects");
    for (let i = x.length - 1; i >= 1; i--) {
      const j = randomInterval(bg, i);
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
    return;
  }
  throw new NumpyTypeError("shuffle expects an NDArray or a JS array");
}

/** arange(n) as int64, shuffled (permutation of an int). */
export function permutedRange(bg: RawBitGen, n: number): NDArray {
  const { arr, lanes } = newOut([n], DTYPES.int64);
  const l = lanes as Int32Array;
  for (let i = 0; i < n; i++) l[2 * i] = i;
  for (let i = n - 1; i >= 1; i--) {
    const j = randomInterval(bg, i);
    const t = l[2 * i];
    l[2 * i] = l[2 * j];
    l[2 * j] = t;
  }
  return arr;
}

/** permutation(x, axis): an int gives a shuffled range; arrays are copied then shuffled along axis. */
export function permutation(bg: RawBitGen, x: unknown, axis: number, legacy: boolean): NDArray {
  if (typeof x === "number" || typeof x === "bigint") {
    if (!Number.isInteger(Number(x))) throw new NumpyTypeError("x must be an integer or at least 1-dimensional");
    return permutedRange(bg, Number(x));
  }
  const arr = asarray(x as ArrayLike);
  if (arr.ndim < 1) throw (legacy ? new IndexError("x must be an integer or at least 1-dimensional") : new IndexError("x must be an integer or at least 1-dimensional"));
  const ax = normAxis(axis, arr.ndim);
  if (arr.ndim === 1) {
    const c = array(arr);
    shuffleInPlace(bg, c);
    return c;
  }
  const idx = permutedRange(bg, arr.shape[ax]);
  return takeAlong(arr, idx, ax);
}

export interface ChoiceOps {
  /** uniform draws in [0, 1) for the p paths (Generator.random / RandomState.random_sample) */
  uniform(n: number): Float64Array;
  /** choice with replacement and no p: integers in [0, pop) of `shape` (int64) */
  ints(pop: number, shape: number[]): NDArray;
  /** choice without replacement and no p: int64 indices (already of `shape`) */
  noReplace(pop: number, size: number, shape: number[], shuffle: boolean): NDArray;
  legacy: boolean;
}

/** NumPy's choice(a, size, replace, p, axis, shuffle), shared by Generator and RandomState. */
export function choice(ops: ChoiceOps, aIn: unknown, sizeIn: unknown, replace: boolean, pIn: unknown, axis: number, shuffle: boolean): NDArray | number | bigint | boolean | { re: number; im: number } {
  let a: NDArray | null = null;
  let popSize: number;
  const shapeOrNull = sizeShape(sizeIn);
  const shape = shapeOrNull ?? [];
  const size = prod(shape);
  if (typeof aIn === "number" || typeof aIn === "bigint" || (isNDArray(aIn) && aIn.ndim === 0)) {
    const v = isNDArray(aIn) ? aIn._elementReader()(0) : aIn;
    if (typeof v !== "bigint" && !Number.isInteger(v)) throw new ValueError(`a must be a sequence or an integer, not ${typeof v}`);
    popSize = Number(v);
    if (popSize <= 0 && size !== 0) throw new ValueError(ops.legacy ? "a must be greater than 0 unless no samples are taken" : "a must be a positive integer unless no samples are taken");
  } else {
    a = asarray(aIn as ArrayLike);
    if (ops.legacy && a.ndim !== 1) throw new ValueError("a must be 1-dimensional");
    axis = normAxis(axis, a.ndim);
    popSize = a.shape[axis];
    if (popSize === 0 && size !== 0) throw new ValueError(ops.legacy ? "'a' cannot be empty unless no samples are taken" : "a cannot be empty unless no samples are taken");
  }
  const p = pIn === undefined || pIn === null ? null : checkP(pIn, popSize);
  let idx: NDArray;
  if (replace) {
    if (p) {
      const u = ops.uniform(size);
      const { arr, lanes } = newOut(shape, DTYPES.int64);
      cdfSearch(p, u, lanes as Int32Array, 0);
      idx = arr;
    } else idx = ops.ints(popSize, shape);
  } else {
    if (size > popSize) throw new ValueError(ops.legacy ? "Cannot take a larger sample than population when 'replace=False'" : "Cannot take a larger sample than population when replace is False");
    if (p) idx = choiceNoReplaceP(p, shape, size, ops.uniform);
    else idx = ops.noReplace(popSize, size, shape, shuffle);
  }
  if (shapeOrNull === null) {
    const i = idx._elementReader()(0) as number;
    if (a === null) return i;
    if (a.ndim === 1) return a._elementReader()(i) as number;
    return takeAlong(a, i, axis);
  }
  if (a === null) return idx;
  return takeAlong(a, idx, axis);
}
