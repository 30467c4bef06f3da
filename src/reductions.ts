/** @file Reductions (sum, prod, mean, var, std, min, max, argmin, argmax, all, any, count_nonzero, ptp) built on the one reduce primitive, so they fuse with their producers. */
import { cast, constant, elementwise, reduce, where as whereNode, type Node } from "../compiler/ir/node.js";
import { expand, reshape } from "../compiler/ir/movement.js";
import { Op, type ReduceOp } from "../compiler/ir/ops.js";
import { DTYPES, ufuncDType, type DType } from "../runtime/dtype.js";
import { AxisError, NumpyTypeError, ValueError } from "../runtime/errors.js";
import { canCast, checkWeakIntFits } from "../runtime/promotion.js";
import { toDTypeValue } from "../runtime/scalar.js";
import { asarray, type ArrayLike } from "./convert.js";
import { kwargs } from "./args.js";
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
  const forced = opts.dtype !== undefined && opts.dtype !== null ? ufuncDType(opts.dtype) : null;
  const dtype = forced ?? defaultAccumulator(op, a.dtype);
  const keepdims = !!opts.keepdims;
  const reducedEmpty = axes.some((ax) => a.shape[ax] === 0);
  const noIdentity = op === "max" || op === "min" || op === "argmax" || op === "argmin";
  const hasWhere = opts.where !== undefined && opts.where !== true;
  // NumPy checks emptiness before it looks at the loop's dtype
  if (reducedEmpty && noIdentity && opts.initial === undefined) {
    if (op === "argmax" || op === "argmin") throw new ValueError(`attempt to get ${op} of an empty sequence`);
    throw new ValueError(`zero-size array to reduction operation ${name} which has no identity`);
  }
  if (noIdentity && hasWhere && opts.initial === undefined) {
    throw new ValueError(`reduction operation '${name}' does not have an identity, so to use a where mask one has to specify 'initial'`);
  }
  const ctx: OutContext = { name, inShape: a.shape, axes, keepdims };
  const outShape = a.shape.flatMap((n, i) => (!axes.includes(i) ? [n] : keepdims ? [1] : []));
  // an initial value is converted as NumPy converts a Python scalar for the loop's dtype
  const initDt = noIdentity ? a.dtype : dtype;
  const initial = opts.initial === undefined ? undefined : scalarFor(opts.initial, initDt);
  if (reducedEmpty && initial !== undefined && noIdentity) {
    // the kernel's empty max/min is not defined for integer dtypes: the answer is the initial value
    return finish(expand(constant(initial, a.dtype, []), outShape), opts.out ?? null, ctx);
  }
  let x = a._node;
  if (hasWhere) {
    const ident = initial ?? identityFor(op, x.dtype);
    const mask = expand(cast(asarray(opts.where as ArrayLike)._node, DTYPES.bool), x.shape);
    x = whereNode(mask, x, constant(ident, x.dtype, x.shape));
  }
  let node = reduceNode(x, op, axes, dtype, keepdims);
  if (initial !== undefined && !noIdentity && initial !== identityFor(op, dtype)) {
    const ufOp = op === "sum" ? Op.Add : op === "prod" ? Op.Mul : op === "any" ? Op.Or : Op.And;
    node = elementwise(ufOp, [node, constant(initial, node.dtype, node.shape)]);
    if (node.dtype !== dtype) node = cast(node, dtype);
  } else if (initial !== undefined && noIdentity) {
    node = elementwise(op === "max" ? Op.Max : Op.Min, [node, constant(initial, node.dtype, node.shape)]);
  }
  return finish(node, opts.out ?? null, ctx);
}

/** A JS number as NumPy converts the Python scalar for `dt` (NEP 50: out-of-range ints raise). */
function scalarFor(v: number, dt: DType): number {
  if (Number.isInteger(v) && (dt.kind === "i" || dt.kind === "u")) checkWeakIntFits(v, dt);
  const c = toDTypeValue(v, dt);
  return typeof c === "bigint" ? Number(c) : typeof c === "object" ? c.re : c;
}

function identityFor(op: ReduceOp, dt: DType): number {
  switch (op) {
    case "sum": case "any": return 0;
    case "prod": case "all": return 1;
    case "max": case "argmax": return dt.kind === "f" ? -Infinity : Number.MIN_SAFE_INTEGER;
    default: return dt.kind === "f" ? Infinity : Number.MAX_SAFE_INTEGER;
  }
}

/** What NumPy's out= checks need to phrase their errors. */
interface OutContext {
  name: string;
  inShape: readonly number[];
  axes: readonly number[];
  keepdims: boolean;
}

const tupleStr = (s: readonly number[]) => `(${s.join(",")}${s.length === 1 ? "," : ""})`;

function checkOut(out: NDArray, shape: readonly number[], ctx: OutContext): void {
  if (out.ndim !== shape.length) {
    const hint = ctx.keepdims ? " (must match the operand's when keepdims=True)" : "";
    throw new ValueError(`output parameter for reduction operation ${ctx.name} has the wrong number of dimensions: Found ${out.ndim} but expected ${shape.length}${hint}`);
  }
  if (out.shape.every((n, i) => n === shape[i])) return;
  // NumPy's iterator error: out's dims mapped onto the input's, reduced axes as newaxis (leading ones not shown)
  let k = 0;
  const mapped = ctx.inShape.map((_, i) => (ctx.axes.includes(i) ? (ctx.keepdims ? String(out.shape[k++]) : "newaxis") : String(out.shape[k++])));
  while (mapped.length && mapped[0] === "newaxis") mapped.shift();
  throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${tupleStr(out.shape)}->(${mapped.join(",")}) ${tupleStr(ctx.inShape)} `);
}

function finish(node: Node, out: NDArray | null, ctx?: OutContext): NDArray {
  if (!out) return new NDArray(node);
  if (ctx) checkOut(out, node.shape, ctx);
  else if (out.ndim !== node.shape.length || out.shape.some((n, i) => n !== node.shape[i])) {
    throw new ValueError(`output parameter for reduction operation add has the wrong number of dimensions: Found ${out.ndim} but expected ${node.shape.length}`);
  }
  writeInto(out, cast(node, out.dtype));
  return out;
}

// positional arguments in NumPy's order, then an options object
const SUM_ARGS = ["axis", "dtype", "out", "keepdims", "initial", "where"];
const MAX_ARGS = ["axis", "out", "keepdims", "initial", "where"];
const ALL_ARGS = ["axis", "out", "keepdims", "where"];
export const sum = (a: ArrayLike, ...args: unknown[]) => reduceWith("sum", asarray(a), kwargs("sum", args, SUM_ARGS));
export const prod = (a: ArrayLike, ...args: unknown[]) => reduceWith("prod", asarray(a), kwargs("prod", args, SUM_ARGS));
export const max = (a: ArrayLike, ...args: unknown[]) => reduceWith("max", asarray(a), kwargs("max", args, MAX_ARGS), "maximum");
export const min = (a: ArrayLike, ...args: unknown[]) => reduceWith("min", asarray(a), kwargs("min", args, MAX_ARGS), "minimum");
export const all = (a: ArrayLike, ...args: unknown[]) => reduceWith("all", asarray(a), kwargs("all", args, ALL_ARGS));
export const any = (a: ArrayLike, ...args: unknown[]) => reduceWith("any", asarray(a), kwargs("any", args, ALL_ARGS));

export function argReduce(op: "argmax" | "argmin", a: ArrayLike, opts: { axis?: number | null; keepdims?: boolean; out?: NDArray } = {}): NDArray {
  const arr = asarray(a);
  if (opts.axis === null || opts.axis === undefined) {
    // over the flattened array, as NumPy does
    const flat = new NDArray(reshape(arr._node, [arr.size]));
    const r = reduceWith(op, flat, { axis: 0 });
    const node = opts.keepdims ? reshape(r._node, arr.shape.map(() => 1)) : r._node;
    return finish(node, opts.out ?? null, { name: op, inShape: arr.shape, axes: arr.shape.map((_, i) => i), keepdims: !!opts.keepdims });
  }
  return reduceWith(op, arr, { axis: opts.axis, keepdims: opts.keepdims, out: opts.out });
}
export const argmax = (a: ArrayLike, ...args: unknown[]) => argReduce("argmax", a, kwargs("argmax", args, ["axis", "out", "keepdims"]));
export const argmin = (a: ArrayLike, ...args: unknown[]) => argReduce("argmin", a, kwargs("argmin", args, ["axis", "out", "keepdims"]));

function countOf(a: NDArray, axes: readonly number[]): number {
  return axes.reduce((p, ax) => p * a.shape[ax], 1);
}

/** NumPy's default float result for means: ints and bools average in float64. */
function meanDType(dt: DType): DType {
  return dt.kind === "f" || dt.kind === "c" ? dt : DTYPES.float64;
}

export function mean(a: ArrayLike, ...args: unknown[]): NDArray {
  const opts = kwargs<ReduceOptions>("mean", args, ["axis", "dtype", "out", "keepdims", "where"]);
  const arr = asarray(a);
  const axes = normalizeAxes(opts.axis, arr.ndim);
  // NumPy's _mean sums float16 in float32 (a float16 sum overflows at 65504) and rounds the mean back
  const half = !opts.dtype && arr.dtype.name === "float16";
  const dtype = opts.dtype ? ufuncDType(opts.dtype) : half ? DTYPES.float32 : meanDType(arr.dtype);
  const s = reduceNode(whereMasked(arr._node, opts.where), "sum", axes, dtype, !!opts.keepdims);
  const count = opts.where !== undefined && opts.where !== true ? maskCount(arr, opts.where as ArrayLike, axes, !!opts.keepdims) : constant(countOf(arr, axes), dtype, s.shape);
  let node = elementwise(Op.Div, [s, count.dtype === dtype ? count : cast(count, dtype)]);
  if (half && !opts.out) node = cast(node, DTYPES.float16);
  return finish(node, opts.out ?? null, { name: "add", inShape: arr.shape, axes, keepdims: !!opts.keepdims });
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
export function variance(a: ArrayLike, ...args: unknown[]): NDArray {
  const opts = kwargs<ReduceOptions>("var", args, ["axis", "dtype", "out", "ddof", "keepdims", "where"]);
  const arr = asarray(a);
  const axes = normalizeAxes(opts.axis, arr.ndim);
  const keepdims = !!opts.keepdims;
  const dtype = opts.dtype ? ufuncDType(opts.dtype) : meanDType(arr.dtype);
  const hasWhere = opts.where !== undefined && opts.where !== true;
  const n = hasWhere ? null : countOf(arr, axes);
  const x = cast(arr._node, dtype);
  /** squared deviations of one real lane from its (masked) mean */
  const devSq = (lane: Node): Node => {
    const masked = whereMasked(lane, opts.where);
    const total = reduceNode(masked, "sum", axes, lane.dtype, true);
    const cnt = n === null ? cast(maskCount(arr, opts.where as ArrayLike, axes, true), lane.dtype) : constant(n, lane.dtype, total.shape);
    const d = elementwise(Op.Sub, [lane, expand(elementwise(Op.Div, [total, cnt]), lane.shape)]);
    return elementwise(Op.Mul, [d, d]);
  };
  // complex: NumPy squares the re and im lanes of (x - mean) and adds them; the lanes' means are
  // the re and im parts of the complex mean, so each lane is handled as a real variance
  const sq = dtype.kind === "c"
    ? elementwise(Op.Add, [devSq(elementwise(Op.Real, [x])), devSq(elementwise(Op.Imag, [x]))])
    : devSq(x);
  const realDt = sq.dtype;
  const s = reduceNode(whereMasked(sq, opts.where), "sum", axes, realDt, keepdims);
  const ddof = opts.ddof ?? 0;
  const denom = n === null
    ? elementwise(Op.Max, [elementwise(Op.Sub, [cast(maskCount(arr, opts.where as ArrayLike, axes, keepdims), realDt), constant(ddof, realDt, s.shape)]), constant(0, realDt, s.shape)])
    : constant(Math.max(n - ddof, 0), realDt, s.shape);
  return finish(elementwise(Op.Div, [s, denom]), opts.out ?? null, { name: "add", inShape: arr.shape, axes, keepdims });
}

export function std(a: ArrayLike, ...args: unknown[]): NDArray {
  const opts = kwargs<ReduceOptions>("std", args, ["axis", "dtype", "out", "ddof", "keepdims", "where"]);
  const v = variance(a, { ...opts, out: null });
  const node = elementwise(Op.Sqrt, [v._node]);
  return finish(node, opts.out ?? null, { name: "add", inShape: asarray(a).shape, axes: normalizeAxes(opts.axis, asarray(a).ndim), keepdims: !!opts.keepdims });
}

export function count_nonzero(a: ArrayLike, ...args: unknown[]): NDArray {
  const opts = kwargs<{ axis?: number | readonly number[] | null; keepdims?: boolean }>("count_nonzero", args, ["axis", "keepdims"]);
  const arr = asarray(a);
  const axes = normalizeAxes(opts.axis, arr.ndim);
  const nz = cast(arr._node, DTYPES.bool);
  return new NDArray(reduceNode(nz, "sum", axes, DTYPES.int64, !!opts.keepdims));
}

export function ptp(a: ArrayLike, ...args: unknown[]): NDArray {
  const opts = kwargs<ReduceOptions>("ptp", args, ["axis", "out", "keepdims"]);
  const arr = asarray(a);
  const hi = reduceWith("max", arr, { ...opts, out: null });
  const lo = reduceWith("min", arr, { ...opts, out: null });
  if (arr.dtype.kind === "b") throw new NumpyTypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
  return finish(elementwise(Op.Sub, [hi._node, lo._node]), opts.out ?? null, { name: "maximum", inShape: arr.shape, axes: normalizeAxes(opts.axis, arr.ndim), keepdims: !!opts.keepdims });
}

export { canCast };
