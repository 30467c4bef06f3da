/** @file Reductions (sum, prod, mean, var, std, min, max, argmin, argmax, all, any, count_nonzero, ptp) built on the one reduce primitive, so they fuse with their producers. */
import { cast, constant, elementwise, reduce, where as whereNode, type Node } from "../compiler/ir/node.js";
import { expand, reshape } from "../compiler/ir/movement.js";
import { Op, type ReduceOp } from "../compiler/ir/ops.js";
import { DTYPES, parseDType, type DType } from "../runtime/dtype.js";
import { AxisError, NumpyTypeError, ValueError } from "../runtime/errors.js";
import { canCast } from "../runtime/promotion.js";
import { asarray, type ArrayLike } from "./convert.js";
import { NDArray, writeInto } from "./ndarray.js";

export interface ReduceOptions {
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
  dtype?: unknown;
  out?: NDArray | null;
  where?: ArrayLike | boolean;
  initial?: number;
  ddof?: number;
}

export function normalizeAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis)) throw new NumpyTypeError(`'${typeof axis}' object cannot be interpreted as an integer`);
  if (axis < -ndim || axis >= ndim) throw new AxisError(axis, ndim);
  return axis < 0 ? axis + ndim : axis;
}

export function normalizeAxes(axis: number | readonly number[] | null | undefined, ndim: number): number[] {
  if (axis === null || axis === undefined) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === "number" ? [axis] : [...axis];
  const out = list.map((a) => normalizeAxis(a, ndim));
  if (new Set(out).size !== out.length) throw new ValueError("duplicate value in 'axis'");
  return out;
}

const UFUNC_OF: Record<ReduceOp, string> = {
  sum: "add", prod: "multiply", max: "maximum", min: "minimum", argmax: "argmax", argmin: "argmin", any: "logical_or", all: "logical_and",
};

/** NumPy's default accumulator for sum/prod: small ints widen to the platform int. */
function defaultAccumulator(op: ReduceOp, dt: DType): DType {
  if (op === "sum" || op === "prod") {
    if (dt.kind === "b") return DTYPES.int64;
    if (dt.kind === "i" && dt.itemsize < 8) return DTYPES.int64;
    if (dt.kind === "u" && dt.itemsize < 8) return DTYPES.uint64;
  }
  if (op === "any" || op === "all") return DTYPES.bool;
  if (op === "argmax" || op === "argmin") return DTYPES.int64;
  return dt;
}

/** The reduce node over `axes` plus the final shape handling (keepdims, 0-d). */
export function reduceNode(x: Node, op: ReduceOp, axes: readonly number[], dtype: DType, keepdims: boolean): Node {
  const inDt = op === "argmax" || op === "argmin" ? x.dtype : op === "any" || op === "all" ? x.dtype : dtype;
  const src = cast(x, inDt);
  const r = reduce(src, op, axes, dtype);
  if (keepdims) return r;
  return reshape(r, x.shape.filter((_, i) => !axes.includes(i)));
}

export function reduceWith(op: ReduceOp, a: NDArray, opts: ReduceOptions, name = UFUNC_OF[op]): NDArray {
  const axes = normalizeAxes(opts.axis, a.ndim);
  const forced = opts.dtype !== undefined && opts.dtype !== null ? parseDType(opts.dtype) : null;
  const dtype = forced ?? defaultAccumulator(op, a.dtype);
  if ((op === "max" || op === "min" || op === "argmax" || op === "argmin") && a.dtype.kind === "c" && op.startsWith("arg")) {
    throw new NumpyTypeError(`${op} is not supported for complex input yet`);
  }
  const reducedEmpty = axes.some((ax) => a.shape[ax] === 0);
  const noIdentity = op === "max" || op === "min" || op === "argmax" || op === "argmin";
  if (reducedEmpty && noIdentity && opts.initial === undefined) {
    if (op === "argmax" || op === "argmin") throw new ValueError(`attempt to get ${op} of an empty sequence`);
    throw new ValueError(`zero-size array to reduction operation ${name === "maximum" || name === "minimum" ? name : UFUNC_OF[op]} which has no identity`);
  }
  let x = a._node;
  if (opts.where !== undefined && opts.where !== true) {
    const ident = opts.initial ?? identityFor(op, x.dtype);
    const mask = expand(cast(asarray(opts.where as ArrayLike)._node, DTYPES.bool), x.shape);
    x = whereNode(mask, x, constant(ident, x.dtype, x.shape));
  }
  let node = reduceNode(x, op, axes, dtype, !!opts.keepdims);
  if (opts.initial !== undefined && !noIdentity && opts.initial !== identityFor(op, dtype)) {
    const ufOp = op === "sum" ? Op.Add : op === "prod" ? Op.Mul : op === "any" ? Op.Or : Op.And;
    node = elementwise(ufOp, [node, constant(opts.initial, node.dtype, node.shape)]);
  } else if (opts.initial !== undefined && noIdentity) {
    node = elementwise(op === "max" ? Op.Max : Op.Min, [node, constant(opts.initial, node.dtype, node.shape)]);
  }
  return finish(node, opts.out ?? null);
}

function identityFor(op: ReduceOp, dt: DType): number {
  switch (op) {
    case "sum": case "any": return 0;
    case "prod": case "all": return 1;
    case "max": case "argmax": return dt.kind === "f" ? -Infinity : Number.MIN_SAFE_INTEGER;
    default: return dt.kind === "f" ? Infinity : Number.MAX_SAFE_INTEGER;
  }
}

function finish(node: Node, out: NDArray | null): NDArray {
  if (!out) return new NDArray(node);
  if (out.ndim !== node.shape.length || out.shape.some((n, i) => n !== node.shape[i])) {
    throw new ValueError(`output parameter for reduction operation has the wrong number of dimensions: Found ${out.ndim} but expected ${node.shape.length}`);
  }
  writeInto(out, cast(node, out.dtype));
  return out;
}

export const sum = (a: ArrayLike, opts: ReduceOptions = {}) => reduceWith("sum", asarray(a), opts);
export const prod = (a: ArrayLike, opts: ReduceOptions = {}) => reduceWith("prod", asarray(a), opts);
export const max = (a: ArrayLike, opts: ReduceOptions = {}) => reduceWith("max", asarray(a), opts, "maximum");
export const min = (a: ArrayLike, opts: ReduceOptions = {}) => reduceWith("min", asarray(a), opts, "minimum");
export const all = (a: ArrayLike, opts: ReduceOptions = {}) => reduceWith("all", asarray(a), opts);
export const any = (a: ArrayLike, opts: ReduceOptions = {}) => reduceWith("any", asarray(a), opts);

export function argReduce(op: "argmax" | "argmin", a: ArrayLike, opts: { axis?: number | null; keepdims?: boolean; out?: NDArray } = {}): NDArray {
  const arr = asarray(a);
  if (opts.axis === null || opts.axis === undefined) {
    // over the flattened array, as NumPy does
    const flat = new NDArray(reshape(arr._node, [arr.size]));
    const r = reduceWith(op, flat, { axis: 0 });
    if (opts.keepdims) return new NDArray(reshape(r._node, arr.shape.map(() => 1)));
    return r;
  }
  return reduceWith(op, arr, { axis: opts.axis, keepdims: opts.keepdims, out: opts.out });
}
export const argmax = (a: ArrayLike, opts = {}) => argReduce("argmax", a, opts);
export const argmin = (a: ArrayLike, opts = {}) => argReduce("argmin", a, opts);

function countOf(a: NDArray, axes: readonly number[]): number {
  return axes.reduce((p, ax) => p * a.shape[ax], 1);
}

/** NumPy's default float result for means: ints and bools average in float64. */
function meanDType(dt: DType): DType {
  return dt.kind === "f" || dt.kind === "c" ? dt : DTYPES.float64;
}

export function mean(a: ArrayLike, opts: ReduceOptions = {}): NDArray {
  const arr = asarray(a);
  const axes = normalizeAxes(opts.axis, arr.ndim);
  const dtype = opts.dtype ? parseDType(opts.dtype) : meanDType(arr.dtype);
  const s = reduceNode(whereMasked(arr._node, opts.where), "sum", axes, dtype, !!opts.keepdims);
  const count = opts.where !== undefined && opts.where !== true ? maskCount(arr, opts.where as ArrayLike, axes, !!opts.keepdims) : constant(countOf(arr, axes), dtype, s.shape);
  const node = elementwise(Op.Div, [s, count.dtype === dtype ? count : cast(count, dtype)]);
  return finish(node, opts.out ?? null);
}

function whereMasked(x: Node, w: ReduceOptions["where"]): Node {
  if (w === undefined || w === true) return x;
  const mask = expand(cast(asarray(w as ArrayLike)._node, DTYPES.bool), x.shape);
  return whereNode(mask, x, constant(0, x.dtype, x.shape));
}

function maskCount(arr: NDArray, w: ArrayLike, axes: readonly number[], keepdims: boolean): Node {
  const mask = expand(cast(asarray(w)._node, DTYPES.bool), arr.shape);
  return reduceNode(cast(mask, DTYPES.float64), "sum", axes, DTYPES.float64, keepdims);
}

/** NumPy's _var: mean with keepdims, squared deviations (|z|^2 for complex), sum, divide by n - ddof. */
export function variance(a: ArrayLike, opts: ReduceOptions = {}): NDArray {
  const arr = asarray(a);
  const axes = normalizeAxes(opts.axis, arr.ndim);
  const dtype = opts.dtype ? parseDType(opts.dtype) : meanDType(arr.dtype);
  const x = whereMasked(cast(arr._node, dtype), opts.where);
  const n = opts.where !== undefined && opts.where !== true ? null : countOf(arr, axes);
  const cnt = n === null ? maskCount(arr, opts.where as ArrayLike, axes, true) : constant(n, dtype, reduceNode(x, "sum", axes, dtype, true).shape);
  const m = elementwise(Op.Div, [reduceNode(x, "sum", axes, dtype, true), cast(cnt, dtype)]);
  const d = elementwise(Op.Sub, [x, expand(m, x.shape)]);
  let sq: Node;
  if (dtype.kind === "c") {
    const re = elementwise(Op.Real, [d]), im = elementwise(Op.Imag, [d]);
    sq = elementwise(Op.Add, [elementwise(Op.Mul, [re, re]), elementwise(Op.Mul, [im, im])]);
  } else sq = elementwise(Op.Mul, [d, d]);
  const masked = whereMasked(sq, opts.where);
  const realDt = sq.dtype;
  const s = reduceNode(masked, "sum", axes, realDt, !!opts.keepdims);
  const ddof = opts.ddof ?? 0;
  const denom = n === null
    ? elementwise(Op.Max, [elementwise(Op.Sub, [cast(maskCount(arr, opts.where as ArrayLike, axes, !!opts.keepdims), realDt), constant(ddof, realDt, s.shape)]), constant(0, realDt, s.shape)])
    : constant(Math.max(n - ddof, 0), realDt, s.shape);
  return finish(elementwise(Op.Div, [s, denom]), opts.out ?? null);
}

export function std(a: ArrayLike, opts: ReduceOptions = {}): NDArray {
  const v = variance(a, { ...opts, out: null });
  const node = elementwise(Op.Sqrt, [v._node]);
  return finish(node, opts.out ?? null);
}

export function count_nonzero(a: ArrayLike, opts: { axis?: number | readonly number[] | null; keepdims?: boolean } = {}): NDArray {
  const arr = asarray(a);
  const axes = normalizeAxes(opts.axis, arr.ndim);
  const nz = cast(arr._node, DTYPES.bool);
  return new NDArray(reduceNode(nz, "sum", axes, DTYPES.int64, !!opts.keepdims));
}

export function ptp(a: ArrayLike, opts: ReduceOptions = {}): NDArray {
  const arr = asarray(a);
  const hi = reduceWith("max", arr, { ...opts, out: null });
  const lo = reduceWith("min", arr, { ...opts, out: null });
  if (arr.dtype.kind === "b") throw new NumpyTypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
  return finish(elementwise(Op.Sub, [hi._node, lo._node]), opts.out ?? null);
}

export { canCast };
