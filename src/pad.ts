/** @file np.pad with every NumPy mode: the input is written once into a view of a fresh result, then each axis's borders are filled from views of that result (NumPy's _arraypad_impl algorithm). Constant, edge and single-round reflect/symmetric/wrap run as one plan (writeSweep); pads wider than the array take NumPy's iterative rounds, one plan per fill. */
import { cast, constant, elementwise, loadStorage, type Node } from "../compiler/ir/node.js";
import { expand } from "../compiler/ir/movement.js";
import { Op } from "../compiler/ir/ops.js";
import { sliceView, type View } from "../compiler/ir/view.js";
import { DTYPES, type DType } from "../runtime/dtype.js";
import { NumpyTypeError, ValueError } from "../runtime/errors.js";
import { resultType } from "../runtime/promotion.js";
import type { JSScalar } from "../runtime/scalar.js";
import { sliceAlong } from "./combine.js";
import { arange } from "./creation.js";
import { asarray, isNDArray, isOptions, scalarNode, type ArrayLike } from "./convert.js";
import { get } from "./indexing.js";
import { beforeWrite, emptyArray, NDArray, writeInto } from "./ndarray.js";
import { inNativeOrder } from "./byteorder.js";
import type { Operand } from "../compiler/schedule.js";
import { runGraph } from "../runtime/plan-cache.js";
import { writeFlexible } from "../runtime/flexible.js";
import { allocStorage } from "../runtime/storage.js";
import { max as rmax, mean as rmean, min as rmin } from "./reductions.js";
import { broadcast_to, copy, moveaxis, reshape } from "./shape-ops.js";

/** The user function of NumPy's callable mode: fills `vector` (a 1-d view of the result) in place. */
export type PadFunction = (vector: NDArray, iaxis_pad_width: [number, number], iaxis: number, kwargs: Record<string, unknown>) => void;

export type PadMode =
  | "constant" | "edge" | "linear_ramp" | "maximum" | "mean" | "median" | "minimum"
  | "reflect" | "symmetric" | "wrap" | "empty";

export interface PadOptions {
  mode?: PadMode | PadFunction;
  constant_values?: ArrayLike;
  end_values?: ArrayLike;
  reflect_type?: "even" | "odd";
  stat_length?: ArrayLike | null;
  [k: string]: unknown;
}

/** pad_width: an int, [before, after], one pair per axis, or {axis: width | [before, after]}. */
export type PadWidth = ArrayLike | Record<number, number | readonly [number, number]>;

const ALLOWED: Record<string, string[]> = {
  empty: [], edge: [], wrap: [],
  constant: ["constant_values"],
  linear_ramp: ["end_values"],
  maximum: ["stat_length"], mean: ["stat_length"], median: ["stat_length"], minimum: ["stat_length"],
  reflect: ["reflect_type"], symmetric: ["reflect_type"],
};

/** NumPy's _as_pairs: one (before, after) pair per axis; `strong` tells whether the values came as one NumPy scalar (not Python numbers). */
function asPairs(x: ArrayLike | null | undefined, ndim: number, asIndex: boolean): { pairs: [JSScalar, JSScalar][]; strong: boolean } {
  if (x === null || x === undefined) return { pairs: Array.from({ length: ndim }, () => [NaN, NaN]), strong: false };
  let arr = asarray(x);
  if (asIndex) {
    // NumPy rounds, but only integer arrays get here (checked by the caller)
    arr = arr.astype("int64");
  }
  const flat = () => (arr.reshape(-1).tolist() as JSScalar[]);
  const neg = (v: JSScalar) => Number(v) < 0;
  if (arr.ndim < 3) {
    if (arr.size === 1) {
      const [v] = flat();
      if (asIndex && neg(v)) throw new ValueError("index can't contain negative values");
      return { pairs: Array.from({ length: ndim }, () => [v, v]), strong: true };
    }
    if (arr.size === 2 && !(arr.ndim === 2 && arr.shape[0] === 2 && arr.shape[1] === 1)) {
      const [a, b] = flat();
      if (asIndex && (neg(a) || neg(b))) throw new ValueError("index can't contain negative values");
      return { pairs: Array.from({ length: ndim }, () => [a, b]), strong: true };
    }
  }
  if (asIndex && arr.size > 0 && flat().some(neg)) throw new ValueError("index can't contain negative values");
  const b = broadcast_to(arr, [ndim, 2]).tolist() as JSScalar[][];
  return { pairs: b.map((p) => [p[0], p[1]]), strong: false };
}

function parseWidth(pad_width: PadWidth, ndim: number): [number, number][] {
  // the common int form without building an index array
  if (typeof pad_width === "number" && Number.isInteger(pad_width)) {
    if (pad_width < 0) throw new ValueError("index can't contain negative values");
    return Array.from({ length: ndim }, () => [pad_width, pad_width]);
  }
  let w: ArrayLike = pad_width as ArrayLike;
  if (typeof pad_width === "object" && pad_width !== null && isOptions(pad_width)) {
    const seq: [number, number][] = Array.from({ length: ndim }, () => [0, 0]);
    for (const [k, v] of Object.entries(pad_width as Record<string, unknown>)) {
      let axis = Number(k);
      if (axis < 0) axis += ndim;
      if (!(axis >= 0 && axis < ndim)) throw new ValueError(`pad_width axis ${k} is out of bounds for array of dimension ${ndim}`);
      if (typeof v === "number" && Number.isInteger(v)) seq[axis] = [v, v];
      else if (Array.isArray(v) && v.length === 2 && v.every((x) => Number.isInteger(x))) seq[axis] = [v[0], v[1]];
      else throw new NumpyTypeError(`invalid pad width for axis ${k}`);
    }
    w = seq;
  }
  const arr = asarray(w);
  if (arr.dtype.kind !== "i") throw new NumpyTypeError("`pad_width` must be of integral type.");
  return asPairs(arr, ndim, true).pairs.map(([a, b]) => [Number(a), Number(b)]);
}

/** NumPy's _pad_simple allocation: Fortran order for an input that is F- but not C-contiguous, else C; the result owns its memory. */
function emptyLike(a: NDArray, shape: readonly number[], zero: boolean): NDArray {
  const f = a.flags;
  if (!(f.f_contiguous && !f.c_contiguous)) return emptyArray(shape, a.dtype, zero);
  const strides: number[] = [];
  let acc = 1;
  for (const n of shape) {
    strides.push(acc);
    acc *= Math.max(n, 1);
  }
  const storage = allocStorage(shape.reduce((p, n) => p * n, 1) * a.dtype.itemsize, zero);
  return new NDArray(loadStorage(storage, { shape: [...shape], strides, offset: 0 }, a.dtype));
}

/** A view of `a` sliced to [starts[d], starts[d] + counts[d]) on every axis. */
function box(a: NDArray, starts: readonly number[], counts: readonly number[]): NDArray {
  return a._makeView((v) => sliceView(v, starts, counts, counts.map(() => 1)), counts);
}

/** target[...] = value: broadcast and cast (unsafe, as NumPy's assignment) into target's memory. */
function fill(target: NDArray, value: NDArray | Node): void {
  if (target.size === 0) return;
  const node = isNDArray(value) ? value._node : value;
  writeInto(target, expand(cast(node, target.dtype), target.shape));
}

/**
 * fill() for a border whose value reads other parts of the same result: every pad mode reads
 * only memory outside the region it writes, so the kernel writes in place (writeInto would
 * first copy the value to a temporary, as it must for overlapping views).
 */
function fillBorder(target: NDArray, value: NDArray | Node): void {
  if (target.size === 0) return;
  const node = expand(cast(isNDArray(value) ? value._node : value, target.dtype), target.shape);
  const { storage, view } = target._realized();
  beforeWrite(storage);
  const out: Operand = { buf: { id: -1, dtype: target.dtype, size: 0, storage, node: null, isTarget: true }, view };
  runGraph([node], [out]);
}


const isInteger = (dt: DType) => dt.kind === "i" || dt.kind === "u";

/** _set_pad_area: both sides of `axis` of `roi` set from one value each. */
function setPadArea(roi: NDArray, axis: number, [L, R]: [number, number], left: NDArray | Node, right: NDArray | Node): void {
  const n = roi.shape[axis];
  if (L > 0) fillBorder(sliceAlong(roi, axis, 0, L), left);
  if (R > 0) fillBorder(sliceAlong(roi, axis, n - R, R), right);
}

function edges(roi: NDArray, axis: number, [L, R]: [number, number]): [NDArray, NDArray] {
  const n = roi.shape[axis];
  return [sliceAlong(roi, axis, L, 1), sliceAlong(roi, axis, n - R - 1, 1)];
}

/** np.median along `axis` with keepdims, for real inputs (NumPy's mean of the middle one or two). */
function medianKeep(chunk: NDArray, axis: number): NDArray {
  const dt = chunk.dtype;
  const outDt = dt.kind === "f" ? dt : DTYPES.float64;
  const shape = chunk.shape;
  const n = shape[axis];
  const moved = copy(moveaxis(chunk.astype("float64"), axis, -1)).eval();
  const { storage, view } = moved._realized();
  const src = storage.lanes(DTYPES.float64);
  const rows = n === 0 ? moved.size : moved.size / n;
  const outShape = [...shape];
  outShape[axis] = 1;
  const out = emptyArray(outShape, DTYPES.float64, false);
  const dst = out._realized().storage.lanes(DTYPES.float64);
  const f32 = dt === DTYPES.float32;
  const row = new Float64Array(n);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < n; i++) row[i] = src[view.offset + r * n + i];
    let m: number;
    if (n === 0 || row.some(Number.isNaN)) m = NaN;
    else {
      row.sort();
      const h = n >> 1;
      m = n % 2 ? row[h] : f32 ? Math.fround(Math.fround(row[h - 1] + row[h]) / 2) : (row[h - 1] + row[h]) / 2;
    }
    dst[out._realized().view.offset + r] = m;
  }
  return outDt === DTYPES.float64 ? out : out.astype(outDt);
}

type StatFn = (chunk: NDArray, axis: number) => NDArray;
const STATS: Record<string, StatFn> = {
  maximum: (c, axis) => rmax(c, { axis, keepdims: true }),
  minimum: (c, axis) => rmin(c, { axis, keepdims: true }),
  mean: (c, axis) => rmean(c, { axis, keepdims: true }),
  median: medianKeep,
};

/** _get_stats: the statistic of the first / last `stat_length` valid values, rounded for integer results. */
function stats(roi: NDArray, axis: number, [L, R]: [number, number], [ll, rl]: [JSScalar, JSScalar], mode: string): [NDArray, NDArray] {
  const right = roi.shape[axis] - R;
  const maxLen = right - L;
  const leftLen = Number.isNaN(ll as number) || maxLen < Number(ll) ? maxLen : Number(ll);
  const rightLen = Number.isNaN(rl as number) || maxLen < Number(rl) ? maxLen : Number(rl);
  if ((leftLen === 0 || rightLen === 0) && (mode === "maximum" || mode === "minimum")) {
    throw new ValueError("stat_length of 0 yields no value for padding");
  }
  const fn = STATS[mode];
  const round = (s: NDArray) => (isInteger(roi.dtype) && s.dtype.kind === "f" ? new NDArray(elementwise(Op.Rint, [s._node])) : s);
  const leftStat = round(fn(sliceAlong(roi, axis, L, leftLen), axis)).eval();
  if (leftLen === maxLen && rightLen === maxLen) return [leftStat, leftStat];
  const rightStat = round(fn(sliceAlong(roi, axis, right - rightLen, rightLen), axis)).eval();
  return [leftStat, rightStat];
}

/** _get_linear_ramps: np.linspace(end_value, edge, width, endpoint=False, dtype) along `axis`, the right one reversed. */
function linearRamps(roi: NDArray, axis: number, width: [number, number], ends: [JSScalar, JSScalar], strong: boolean): [Node, Node] {
  const dt = roi.dtype;
  const edgePair = edges(roi, axis, width);
  const ramp = (end: JSScalar, edge: NDArray, num: number, reversed: boolean): Node => {
    const shape = edge.shape;
    shape[axis] = num;
    if (num === 0) return constant(0, dt, shape);
    // linspace computes in result_type(start, stop) made inexact: a NumPy scalar end value is
    // strong (float64 for a float32 edge), Python numbers from a per-axis list are weak
    const endKind = typeof end === "number" && !Number.isInteger(end) ? "float" : typeof end === "object" ? "complex" : "int";
    let ct = strong ? resultType(asarray(end).dtype, dt) : resultType(dt, { weak: endKind } as never);
    if (ct.kind !== "f" && ct.kind !== "c") ct = DTYPES.float64;
    const start = scalarNode(end, ct, edge.shape);
    const stop = cast(edge._node, ct);
    const delta = elementwise(Op.Sub, [stop, start]);
    const div = constant(num, ct, edge.shape);
    const step = new NDArray(elementwise(Op.Div, [delta, div])).eval();
    const anyZero = Boolean(new NDArray(elementwise(Op.Eq, [step._node, constant(0, ct, edge.shape)])).any().item());
    const iotaShape = shape.map((_, d) => (d === axis ? num : 1));
    let iota = arange(num, { dtype: ct.kind === "c" ? (ct.itemsize === 8 ? "float32" : "float64") : ct.name });
    if (reversed) iota = get(iota, "::-1");
    const i = expand(cast(reshape(iota, iotaShape)._node, ct), shape);
    const full = (n: Node) => expand(n, shape);
    let y = anyZero
      ? elementwise(Op.Mul, [elementwise(Op.Div, [i, full(div)]), full(delta)])
      : elementwise(Op.Mul, [i, full(step._node)]);
    y = elementwise(Op.Add, [y, full(start)]);
    if (isInteger(dt)) y = elementwise(Op.Floor, [y]);
    return cast(y, dt);
  };
  return [ramp(ends[0], edgePair[0], width[0], false), ramp(ends[1], edgePair[1], width[1], true)];
}

/** _set_reflect_both: one round of reflected chunks; returns the pad still to fill on each side. */
function reflectBoth(roi: NDArray, axis: number, [L, R]: [number, number], odd: boolean, period: number, includeEdge: boolean): [number, number] {
  const n = roi.shape[axis];
  let oldLen = n - R - L;
  let edgeOffset: number;
  if (includeEdge) {
    oldLen = Math.floor(oldLen / period) * period;
    edgeOffset = 1;
  } else {
    oldLen = Math.floor((oldLen - 1) / (period - 1)) * (period - 1) + 1;
    edgeOffset = 0;
    oldLen -= 1;
  }
  // 2 * edge - chunk as raw nodes (an NDArray would register as a pending reader of the result);
  // integer lanes wrap on store as NumPy's per-op wrapping does; bool goes through int64 as in NumPy
  const oddChunk = (chunk: NDArray, edgeAt: number): Node => {
    if (!odd) return chunk._node;
    const ct = roi.dtype.kind === "b" ? DTYPES.int64 : roi.dtype;
    const edge = expand(cast(sliceAlong(roi, axis, edgeAt, 1)._node, ct), chunk.shape);
    return elementwise(Op.Sub, [elementwise(Op.Mul, [constant(2, ct, chunk.shape), edge]), cast(chunk._node, ct)]);
  };
  if (L > 0) {
    const len = Math.min(oldLen, L);
    const chunk = sliceAlong(roi, axis, L - edgeOffset + len, len, -1);
    fillBorder(sliceAlong(roi, axis, L - len, len), oddChunk(chunk, L));
    L -= len;
  }
  if (R > 0) {
    const len = Math.min(oldLen, R);
    const chunk = sliceAlong(roi, axis, n - R + edgeOffset - 2, len, -1);
    fillBorder(sliceAlong(roi, axis, n - R, len), oddChunk(chunk, n - R - 1));
    R -= len;
  }
  return [L, R];
}

/** _set_wrap_both: one round of wrapped chunks. */
function wrapBoth(roi: NDArray, axis: number, [L, R]: [number, number], originalPeriod: number): [number, number] {
  const n = roi.shape[axis];
  let period = n - R - L;
  period = Math.floor(period / originalPeriod) * originalPeriod;
  let newL = 0, newR = 0;
  if (L > 0) {
    const end = L + period, len = Math.min(period, L);
    const chunk = sliceAlong(roi, axis, end - len, len);
    if (L > period) {
      fillBorder(sliceAlong(roi, axis, L - period, period), chunk);
      newL = L - period;
    } else fillBorder(sliceAlong(roi, axis, 0, L), chunk);
  }
  if (R > 0) {
    const start = n - R - period, len = Math.min(period, R);
    const chunk = sliceAlong(roi, axis, start, len);
    if (R > period) {
      fillBorder(sliceAlong(roi, axis, n - R, period), chunk);
      newR = R - period;
    } else fillBorder(sliceAlong(roi, axis, n - R, R), chunk);
  }
  return [newL, newR];
}

/** A border of one axis of the result: its side, where it starts, its length, and the interior index and step it copies from. */
interface Border {
  side: 0 | 1;
  at: number;
  count: number;
  from: number;
  step: number;
}

/**
 * The borders of one axis when each element copies one interior element (reflect, symmetric,
 * wrap or edge no wider than one period; constant ignores `from`); null when NumPy's iterative
 * rounds are needed. An axis of length 1 reflects as its edge, NumPy's legacy special case.
 */
function singleRound(mode: string, n: number, [L, R]: [number, number]): Border[] | null {
  let from: [number, number], step: number;
  if (mode === "constant" || mode === "edge" || ((mode === "reflect" || mode === "symmetric") && n === 1)) {
    [from, step] = [[0, n - 1], 0];
  } else if (mode === "reflect") {
    if (L > n - 1 || R > n - 1) return null;
    [from, step] = [[L, n - 2], -1];
  } else if (mode === "symmetric") {
    if (L > n || R > n) return null;
    [from, step] = [[L - 1, n - 1], -1];
  } else if (mode === "wrap") {
    if (L > n || R > n) return null;
    [from, step] = [[n - L, 0], 1];
  } else return null;
  const borders: Border[] = [
    { side: 0, at: 0, count: L, from: from[0], step },
    { side: 1, at: L + n, count: R, from: from[1], step },
  ];
  return borders.filter((b) => b.count > 0);
}

/**
 * The whole result in one plan of at most 1 + 2*ndim kernels: the input into the interior, then
 * NumPy's axis-by-axis border fills, each reading the interior it mirrors, or a constant
 * (`constOf`), or 2*edge - mirror for reflect_type="odd". As in _view_roi, axis d's borders span
 * axes < d fully (already filled) and axes > d over the interior only, so corners come from the
 * last axis, computed from the values NumPy computes them from. Reading the result rather than the
 * input keeps a side border on the pages of the interior row it mirrors (read from the input, the
 * side borders of a (2000, 2000) image ran about 1.5-2x slower) and computes a lazy input once.
 */
function writeSweep(a: NDArray, padded: NDArray, width: [number, number][], borders: Border[][], odd: boolean, constOf?: (axis: number, side: 0 | 1) => JSScalar): void {
  const { storage, view } = padded._realized();
  beforeWrite(storage);
  const dt = padded.dtype, shape = padded.shape, inner = a.shape;
  const starts = width.map((w) => w[0]);
  const ones = inner.map(() => 1);
  const nodes: Node[] = [];
  const views: View[] = [];
  if (a.size > 0) {
    nodes.push(a._node);
    views.push(sliceView(view, starts, inner, ones));
  }
  // integer lanes wrap on store as NumPy's per-op wrapping does; bool goes through int64 as in NumPy
  const ct = dt.kind === "b" ? DTYPES.int64 : dt;
  for (let d = 0; d < inner.length; d++) {
    for (const b of borders[d]) {
      const at = inner.map((_, k) => (k < d ? 0 : k === d ? b.at : starts[k]));
      const counts = inner.map((n, k) => (k < d ? shape[k] : k === d ? b.count : n));
      if (counts.includes(0)) continue;
      views.push(sliceView(view, at, counts, ones));
      if (constOf) {
        const v = constOf(d, b.side);
        nodes.push(dt.isFlexible ? expand(asarray(v as ArrayLike).astype(dt)._node, counts) : scalarNode(v, dt, counts));
        continue;
      }
      const from = [...at], steps = [...ones];
      from[d] = starts[d] + b.from;
      steps[d] = b.step;
      const chunk = loadStorage(storage, sliceView(view, from, counts, steps), dt);
      if (!odd || b.step !== -1) {
        nodes.push(chunk);
        continue;
      }
      const edgeAt = [...at];
      edgeAt[d] = b.side === 0 ? starts[d] : starts[d] + inner[d] - 1;
      const edgeCounts = [...counts];
      edgeCounts[d] = 1;
      const edge = expand(cast(loadStorage(storage, sliceView(view, edgeAt, edgeCounts, ones), dt), ct), counts);
      nodes.push(cast(elementwise(Op.Sub, [elementwise(Op.Mul, [constant(2, ct, counts), edge]), cast(chunk, ct)]), dt));
    }
  }
  if (!nodes.length) return;
  if (dt.isFlexible) {
    // strings and records are copied element by element, in the same order
    nodes.forEach((n, i) => writeFlexible(storage, views[i], n, dt));
    return;
  }
  const buf = { id: -1, dtype: dt, size: 0, storage, node: null, isTarget: true };
  // kernels run in target order, so every fill runs after the writes it reads
  runGraph(nodes, views.map((v) => ({ buf, view: v })));
}

const pySet = (keys: string[]) => `{${keys.map((k) => `'${k}'`).join(", ")}}`;

/**
 * np.pad(array, pad_width, mode="constant", **kwargs). The mode and NumPy's keyword arguments
 * may come positionally (`pad(a, 2, "reflect", {reflect_type: "odd"})`) or in one options object
 * (`pad(a, [[1, 2], [0, 3]], {mode: "constant", constant_values: 7})`). A callable mode is called
 * as NumPy calls it, `fn(vector, [before, after], axis, kwargs)`, with `vector` a 1-d view of the
 * result to fill in place (`vector.set("0:2", 9)`).
 */
export function pad(array: ArrayLike, pad_width: PadWidth, mode: PadMode | PadFunction | PadOptions = "constant", options: PadOptions = {}): NDArray {
  let kwargs: Record<string, unknown>;
  let m: PadMode | PadFunction;
  if (typeof mode === "object" && mode !== null) {
    const { mode: mm, ...rest } = mode as PadOptions;
    m = mm ?? "constant";
    kwargs = { ...rest, ...options };
  } else {
    m = mode;
    const { mode: _ignored, ...rest } = options;
    kwargs = rest;
  }
  for (const k of Object.keys(kwargs)) if (kwargs[k] === undefined) delete kwargs[k];
  const a = asarray(array);
  // a big-endian array pads its native values, and the result is big-endian again, as NumPy's
  if (!a.dtype.isnative) return inNativeOrder(a, (x) => pad(x, pad_width, m, kwargs as PadOptions));
  const nd = a.ndim;
  const width = parseWidth(pad_width, nd);
  const shape = a.shape.map((n, d) => n + width[d][0] + width[d][1]);

  if (typeof m === "function") {
    const padded = emptyLike(a, shape, true);
    fill(box(padded, width.map((w) => w[0]), a.shape), a);
    for (let axis = 0; axis < nd; axis++) {
      const view = moveaxis(padded, axis, -1);
      const outer = view.shape.slice(0, -1);
      const count = outer.reduce((p, k) => p * k, 1);
      for (let f = 0; f < count; f++) {
        const idx: number[] = [];
        let r = f;
        for (let d = outer.length - 1; d >= 0; d--) {
          idx.unshift(r % outer[d]);
          r = Math.floor(r / outer[d]);
        }
        m(get(view, ...idx, "..."), [...width[axis]] as [number, number], axis, kwargs);
      }
    }
    return padded;
  }
  if (typeof m !== "string" || !(m in ALLOWED)) throw new ValueError(`mode '${String(m)}' is not supported`);
  const unsupported = Object.keys(kwargs).filter((k) => !ALLOWED[m as string].includes(k));
  if (unsupported.length) throw new ValueError(`unsupported keyword arguments for mode '${m}': ${pySet(unsupported)}`);

  const padded = emptyLike(a, shape, false);
  const odd = (kwargs.reflect_type ?? "even") === "odd" && (m === "reflect" || m === "symmetric");
  if (m === "constant" || a.size > 0) {
    const borders = a.shape.map((n, d) => singleRound(m as string, n, width[d]));
    if (borders.every((b) => b !== null)) {
      const values = m === "constant" ? asPairs((kwargs.constant_values ?? 0) as ArrayLike, nd, false).pairs : null;
      writeSweep(a, padded, width, borders as Border[][], odd, values ? (axis, side) => values[axis][side] : undefined);
      return padded;
    }
  }
  const starts = width.map((w) => w[0]);
  fill(box(padded, starts, a.shape), a);
  /** _view_roi: axes after `axis` restricted to the original area, so corners are filled once, by the last axis */
  const roiOf = (axis: number) =>
    box(padded, shape.map((_, d) => (d <= axis ? 0 : starts[d])), shape.map((n, d) => (d <= axis ? n : a.shape[d])));

  if (m === "empty") return padded;
  if (a.size === 0) {
    width.forEach((w, axis) => {
      if (a.shape[axis] === 0 && (w[0] || w[1])) throw new ValueError(`can't extend empty axis ${axis} using modes other than 'constant' or 'empty'`);
    });
    return padded;
  }
  if (m === "linear_ramp") {
    const { pairs, strong } = asPairs((kwargs.end_values ?? 0) as ArrayLike, nd, false);
    for (let axis = 0; axis < nd; axis++) {
      const roi = roiOf(axis);
      const [l, r] = linearRamps(roi, axis, width[axis], pairs[axis], strong);
      setPadArea(roi, axis, width[axis], l, r);
    }
  } else if (m in STATS) {
    let lengths: [JSScalar, JSScalar][];
    const sl = kwargs.stat_length as ArrayLike | null | undefined;
    if (sl === null || sl === undefined) lengths = asPairs(null, nd, true).pairs;
    else {
      const arr = asarray(sl);
      if (arr.dtype.kind === "f") lengths = asPairs(new NDArray(elementwise(Op.Rint, [arr._node])).astype("int64"), nd, true).pairs;
      else lengths = asPairs(arr, nd, true).pairs;
    }
    for (let axis = 0; axis < nd; axis++) {
      const roi = roiOf(axis);
      const [l, r] = stats(roi, axis, width[axis], lengths[axis], m);
      setPadArea(roi, axis, width[axis], l, r);
    }
  } else if (m === "reflect" || m === "symmetric") {
    for (let axis = 0; axis < nd; axis++) {
      let [L, R] = width[axis];
      if (a.shape[axis] === 1 && (L > 0 || R > 0)) {
        const [l, r] = edges(padded, axis, width[axis]);
        setPadArea(padded, axis, width[axis], l, r);
        continue;
      }
      const roi = roiOf(axis);
      while (L > 0 || R > 0) [L, R] = reflectBoth(roi, axis, [L, R], odd, a.shape[axis], m === "symmetric");
    }
  } else if (m === "wrap") {
    for (let axis = 0; axis < nd; axis++) {
      let [L, R] = width[axis];
      const roi = roiOf(axis);
      const period = roi.shape[axis] - R - L;
      while (L > 0 || R > 0) [L, R] = wrapBoth(roi, axis, [L, R], period);
    }
  }
  return padded;
}
