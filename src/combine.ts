/** @file Building and combining: concatenate and the stack family (written piecewise into one output by kernels), split family (views), atleast_Nd, tile and repeat (one broadcasting kernel). */
import { cast } from "../compiler/ir/node.js";
import { expand, reshape as reshapeNode } from "../compiler/ir/movement.js";
import { sliceView } from "../compiler/ir/view.js";
import { parseDType, type DType } from "../runtime/dtype.js";
import { IndexError, NumpyTypeError, ValueError, ZeroDivisionError } from "../runtime/errors.js";
import { canCast, resultType, type Casting } from "../runtime/promotion.js";
import { asarray, isOptions, type ArrayLike } from "./convert.js";
import { get, sliceIndices } from "./indexing.js";
import { emptyArray, NDArray, writeInto } from "./ndarray.js";
import { keepByteOrder } from "./byteorder.js";
import { normalizeAxis } from "./reductions.js";
import { copy, ravel, reshape } from "./shape-ops.js";
import { takeAxis } from "./take.js";

const tupleStr = (s: readonly number[]) => `(${s.join(",")}${s.length === 1 ? "," : ""})`;

/** A view of `a` restricted to [start, start + count) with `step` along `axis`. */
export function sliceAlong(a: NDArray, axis: number, start: number, count: number, step = 1): NDArray {
  const starts = a.shape.map(() => 0), counts = [...a.shape], steps = a.shape.map(() => 1);
  starts[axis] = start;
  counts[axis] = count;
  steps[axis] = step;
  return a._makeView((v) => sliceView(v, starts, counts, steps), counts);
}

interface ConcatOptions {
  axis?: number | null;
  out?: NDArray | null;
  dtype?: unknown;
  casting?: Casting;
}

/** Positional (axis, out) then a trailing options object, as NumPy's signature. */
function concatArgs(rest: unknown[]): ConcatOptions {
  const opts: ConcatOptions = rest.length && isOptions(rest[rest.length - 1]) ? { ...(rest.pop() as ConcatOptions) } : {};
  if (rest.length > 0) opts.axis = rest[0] as number | null;
  if (rest.length > 1) opts.out = rest[1] as NDArray | null;
  return opts;
}

/** The output dtype (dtype=, out's, or the inputs' promotion) with the casting rule checked per input. */
function targetDType(arrs: readonly NDArray[], opts: ConcatOptions, fn: string): DType {
  if (opts.out && opts.dtype !== undefined && opts.dtype !== null) {
    throw new NumpyTypeError(`${fn}() only takes \`out\` or \`dtype\` as an argument, but both were provided.`);
  }
  const casting = opts.casting ?? "same_kind";
  const dt = opts.out ? opts.out.dtype : opts.dtype !== undefined && opts.dtype !== null ? parseDType(opts.dtype) : resultType(...arrs.map((a) => a.dtype));
  for (const a of arrs) {
    if (!canCast(a.dtype, dt, casting)) {
      throw new NumpyTypeError(`Cannot cast array data from dtype('${a.dtype.name}') to dtype('${dt.name}') according to the rule '${casting}'`);
    }
  }
  return dt;
}

export function concatenate(arrays: readonly ArrayLike[], ...rest: unknown[]): NDArray {
  const opts = concatArgs(rest);
  let arrs = [...arrays].map((x) => asarray(x));
  if (arrs.length === 0) throw new ValueError("need at least one array to concatenate");
  let axis: number;
  if (opts.axis === null) {
    arrs = arrs.map((a) => ravel(a));
    axis = 0;
  } else {
    const nd = arrs[0].ndim;
    if (nd === 0) throw new ValueError("zero-dimensional arrays cannot be concatenated");
    axis = normalizeAxis(opts.axis ?? 0, nd);
    arrs.forEach((a, i) => {
      if (a.ndim !== nd) {
        throw new ValueError(`all the input arrays must have same number of dimensions, but the array at index 0 has ${nd} dimension(s) and the array at index ${i} has ${a.ndim} dimension(s)`);
      }
      a.shape.forEach((n, d) => {
        if (d !== axis && n !== arrs[0].shape[d]) {
          throw new ValueError(`all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, the array at index 0 has size ${arrs[0].shape[d]} and the array at index ${i} has size ${n}`);
        }
      });
    });
  }
  const shape = [...arrs[0].shape];
  shape[axis] = arrs.reduce((s, a) => s + a.shape[axis], 0);
  const dt = targetDType(arrs, opts, "concatenate");
  const out = opts.out ?? emptyArray(shape, dt, false);
  if (opts.out && (out.ndim !== shape.length || out.shape.some((n, i) => n !== shape[i]))) throw new ValueError("Output array is the wrong shape");
  // every piece is one kernel writing its slice of the output; the input graph fuses into it
  let at = 0;
  for (const a of arrs) {
    const n = a.shape[axis];
    if (a.size > 0) writeInto(sliceAlong(out, axis, at, n), cast(a._node, dt));
    at += n;
  }
  return out;
}

export function stack(arrays: readonly ArrayLike[], ...rest: unknown[]): NDArray {
  const opts = concatArgs(rest);
  const arrs = [...arrays].map((x) => asarray(x));
  if (arrs.length === 0) throw new ValueError("need at least one array to stack");
  const s0 = arrs[0].shape;
  if (arrs.some((a) => a.ndim !== s0.length || a.shape.some((n, i) => n !== s0[i]))) throw new ValueError("all input arrays must have the same shape");
  const axis = normalizeAxis(opts.axis ?? 0, s0.length + 1);
  const shape = [...s0];
  shape.splice(axis, 0, 1);
  return concatenate(arrs.map((a) => reshape(a, shape)), { ...opts, axis });
}

type AtLeast = NDArray | NDArray[];
const many = (arys: ArrayLike[], f: (a: NDArray) => NDArray): AtLeast => (arys.length === 1 ? f(asarray(arys[0])) : arys.map((a) => f(asarray(a))));

export const atleast_1d = (...arys: ArrayLike[]): AtLeast => many(arys, (a) => (a.ndim === 0 ? reshape(a, [1]) : a));
export const atleast_2d = (...arys: ArrayLike[]): AtLeast =>
  many(arys, (a) => (a.ndim === 0 ? reshape(a, [1, 1]) : a.ndim === 1 ? get(a, null, ":") : a));
export const atleast_3d = (...arys: ArrayLike[]): AtLeast =>
  many(arys, (a) => (a.ndim === 0 ? reshape(a, [1, 1, 1]) : a.ndim === 1 ? get(a, null, ":", null) : a.ndim === 2 ? get(a, ":", ":", null) : a));

const one = (f: (...a: ArrayLike[]) => AtLeast) => (a: ArrayLike) => f(a) as NDArray;

export function vstack(tup: readonly ArrayLike[], opts: Omit<ConcatOptions, "axis" | "out"> = {}): NDArray {
  if (tup.length === 0) throw new ValueError("need at least one array to concatenate");
  return concatenate(tup.map(one(atleast_2d)), { ...opts, axis: 0 });
}
export const row_stack = vstack;

export function hstack(tup: readonly ArrayLike[], opts: Omit<ConcatOptions, "axis" | "out"> = {}): NDArray {
  if (tup.length === 0) throw new ValueError("need at least one array to concatenate");
  const arrs = tup.map(one(atleast_1d));
  return concatenate(arrs, { ...opts, axis: arrs[0].ndim === 1 ? 0 : 1 });
}

export function dstack(tup: readonly ArrayLike[]): NDArray {
  if (tup.length === 0) throw new ValueError("need at least one array to concatenate");
  return concatenate(tup.map(one(atleast_3d)), { axis: 2 });
}

export function column_stack(tup: readonly ArrayLike[]): NDArray {
  if (tup.length === 0) throw new ValueError("need at least one array to concatenate");
  const arrs = tup.map((x) => {
    const a = asarray(x);
    return a.ndim < 2 ? (atleast_2d(a) as NDArray).T : a;
  });
  return concatenate(arrs, { axis: 1 });
}

// ---- splitting: views ------------------------------------------------------------------------

function splitAt(a: NDArray, axis: number, points: number[]): NDArray[] {
  const n = a.shape[axis];
  const out: NDArray[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const { start, count } = sliceIndices({ kind: "slice", start: points[i], stop: points[i + 1], step: null }, n);
    out.push(sliceAlong(a, axis, start, count));
  }
  return out;
}

function axisOf(a: NDArray, axis: number): number {
  // NumPy reads ary.shape[axis] first: a bad axis is a tuple IndexError there
  if (!Number.isInteger(axis) || axis < -a.ndim || axis >= a.ndim) throw new IndexError("tuple index out of range");
  return axis < 0 ? axis + a.ndim : axis;
}

export function array_split(ary: ArrayLike, indices_or_sections: number | readonly number[], axis = 0): NDArray[] {
  const a = asarray(ary);
  const ax = axisOf(a, axis);
  const total = a.shape[ax];
  if (typeof indices_or_sections !== "number") return splitAt(a, ax, [0, ...indices_or_sections, total]);
  const sections = Math.trunc(indices_or_sections);
  if (sections <= 0) throw new ValueError("number sections must be larger than 0.");
  const each = Math.floor(total / sections), extras = total % sections;
  const points = [0];
  for (let i = 0; i < sections; i++) points.push(points[i] + (i < extras ? each + 1 : each));
  return splitAt(a, ax, points);
}

export function split(ary: ArrayLike, indices_or_sections: number | readonly number[], axis = 0): NDArray[] {
  const a = asarray(ary);
  if (typeof indices_or_sections === "number") {
    const n = a.shape[axisOf(a, axis)];
    if (indices_or_sections === 0) throw new ZeroDivisionError("integer modulo by zero");
    if (n % indices_or_sections !== 0) throw new ValueError("array split does not result in an equal division");
  }
  return array_split(a, indices_or_sections, axis);
}

export function hsplit(ary: ArrayLike, indices_or_sections: number | readonly number[]): NDArray[] {
  const a = asarray(ary);
  if (a.ndim === 0) throw new ValueError("hsplit only works on arrays of 1 or more dimensions");
  return split(a, indices_or_sections, a.ndim > 1 ? 1 : 0);
}
export function vsplit(ary: ArrayLike, indices_or_sections: number | readonly number[]): NDArray[] {
  const a = asarray(ary);
  if (a.ndim < 2) throw new ValueError("vsplit only works on arrays of 2 or more dimensions");
  return split(a, indices_or_sections, 0);
}
export function dsplit(ary: ArrayLike, indices_or_sections: number | readonly number[]): NDArray[] {
  const a = asarray(ary);
  if (a.ndim < 3) throw new ValueError("dsplit only works on arrays of 3 or more dimensions");
  return split(a, indices_or_sections, 2);
}

// ---- tile and repeat: broadcast then merge axes, so they stay lazy ---------------------------

function checkCount(n: unknown): number {
  if (typeof n !== "number" || !Number.isInteger(n)) throw new NumpyTypeError(`'${typeof n === "number" ? "float" : typeof n}' object cannot be interpreted as an integer`);
  return n;
}

export function tile(A: ArrayLike, reps: number | readonly number[]): NDArray {
  const tup = (typeof reps === "number" ? [reps] : [...reps]).map(checkCount);
  let c = asarray(A);
  const d = tup.length;
  if (c.ndim < d) c = reshape(c, [...new Array<number>(d - c.ndim).fill(1), ...c.shape]);
  if (tup.every((t) => t === 1)) return copy(c);
  const t = [...new Array<number>(c.ndim - d).fill(1), ...tup];
  if (c.size > 0 && t.some((x) => x < 0)) throw new ValueError("repeats may not contain negative values.");
  if (t.some((x) => x < 0)) throw new ValueError("negative dimensions are not allowed");
  const inter = c.shape.flatMap((s) => [1, s]);
  const wide = c.shape.flatMap((s, i) => [t[i], s]);
  const outShape = c.shape.map((s, i) => s * t[i]);
  return broadcastInto(c, inter, wide, outShape);
}

/**
 * `a` reshaped to `inter`, broadcast to `wide`, merged to `outShape`: written by one kernel
 * through an interleaved view of the fresh result (a lazy reshape of the broadcast would cost
 * a second, copying kernel).
 */
function broadcastInto(a: NDArray, inter: number[], wide: number[], outShape: number[]): NDArray {
  const out = emptyArray(outShape, a.dtype.native, false);
  if (out.size > 0) writeInto(reshape(out, wide), expand(reshapeNode(a._node, inter), wide));
  return keepByteOrder(out, a.dtype);
}

export function repeat(a: ArrayLike, repeats: number | readonly number[] | ArrayLike, axis: number | null = null): NDArray {
  let arr = asarray(a);
  if (axis === null) {
    arr = ravel(arr);
    axis = 0;
  }
  const ax = normalizeAxis(axis, arr.ndim);
  const n = arr.shape[ax];
  const reps = asarray(repeats as ArrayLike);
  if (reps.dtype.kind !== "i" && reps.dtype.kind !== "u" && reps.dtype.kind !== "b") {
    throw new NumpyTypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
  }
  const counts = (reps.ndim === 0 ? [reps.tolist()] : (reps.ravel().tolist() as unknown[])).map((x) => Number(x));
  if (reps.ndim > 1) throw new ValueError("object too deep for desired array");
  if (counts.length === 1) {
    const r = counts[0];
    if (r < 0) throw new ValueError("negative dimensions are not allowed");
    const s = arr.shape;
    const inter = [...s.slice(0, ax + 1), 1, ...s.slice(ax + 1)];
    const wide = [...s.slice(0, ax + 1), r, ...s.slice(ax + 1)];
    const outShape = [...s];
    outShape[ax] = n * r;
    return broadcastInto(arr, inter, wide, outShape);
  }
  if (counts.length !== n) throw new ValueError(`operands could not be broadcast together with shape ${tupleStr([n])} ${tupleStr([counts.length])}`);
  if (counts.some((c) => c < 0)) throw new ValueError("repeats may not contain negative values.");
  const idx: number[] = [];
  counts.forEach((c, i) => {
    for (let k = 0; k < c; k++) idx.push(i);
  });
  return takeAxis(arr, idx, ax);
}


/**
 * np.block: nested JS arrays of arrays (or scalars), concatenated along the last axis at the
 * innermost level, the second-to-last one level up, and so on (NumPy's algorithm: every leaf is
 * first given at least as many dims as the nesting depth).
 */
export function block(arrays: readonly unknown[]): NDArray {
  // the nesting depth of every leaf, with NumPy's messages for ragged or empty nests
  let depth = -1;
  const check = (x: unknown, path: string, d: number): void => {
    if (Array.isArray(x)) {
      if (x.length === 0) throw new ValueError(`List at ${path} cannot be empty`);
      x.forEach((y, i) => check(y, `${path}[${i}]`, d + 1));
      return;
    }
    if (depth < 0) depth = d;
    else if (d !== depth) {
      throw new ValueError(`List depths are mismatched. First element was at depth ${depth}, but there is an element at depth ${d} (${path})`);
    }
  };
  check(arrays, "arrays", 0);
  const leaves: NDArray[] = [];
  const collect = (x: unknown): void => (Array.isArray(x) ? x.forEach(collect) : void leaves.push(asarray(x as ArrayLike)));
  collect(arrays);
  const nd = Math.max(depth, ...leaves.map((a) => a.ndim));
  const build = (x: unknown, level: number): NDArray => {
    if (!Array.isArray(x)) {
      const a = asarray(x as ArrayLike);
      return a.ndim >= nd ? a : a.reshape([...new Array<number>(nd - a.ndim).fill(1), ...a.shape]);
    }
    return concatenate(x.map((y) => build(y, level + 1)), { axis: -(depth - level) });
  };
  return build(arrays, 0);
}
