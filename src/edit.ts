/** @file Editing and index arithmetic: insert, delete, append, resize, trim_zeros, unravel_index, ravel_multi_index. Pieces of the input are written into views of a fresh result (their pending work fuses into those writes); index arithmetic stays a lazy int64 expression once bounds are checked. */
import { cast } from "../compiler/ir/node.js";
import { expand } from "../compiler/ir/movement.js";
import { DTYPES, parseDType } from "../runtime/dtype.js";
import { IndexError, NumpyTypeError, ValueError } from "../runtime/errors.js";
import { asarray, isNDArray, isOptions, type ArrayLike } from "./convert.js";
import { concatenate, sliceAlong, tile } from "./combine.js";
import { zeros } from "./creation.js";
import { assign, get, sliceIndices } from "./indexing.js";
import { emptyArray, NDArray, writeInto } from "./ndarray.js";
import { inNativeOrder } from "./byteorder.js";
import { max as rmax, min as rmin, normalizeAxes, normalizeAxis } from "./reductions.js";
import { copy, moveaxis, ravel, reshape } from "./shape-ops.js";
import { argwhere, takeAxis } from "./take.js";
import { ufuncs } from "./ufunc/all.js";

type Axis = number | null | undefined | { axis?: number | null };
const axisArg = (axis: Axis): number | null => (isOptions(axis) ? ((axis as { axis?: number | null }).axis ?? null) : (axis as number | null | undefined) ?? null);

/** NumPy's `axis=None` handling for insert/delete/append: a flattened view and its last axis. */
function arrayAndAxis(arr: ArrayLike, axis: Axis): { a: NDArray; ax: number } {
  let a = asarray(arr);
  const ax0 = axisArg(axis);
  if (ax0 === null) {
    if (a.ndim !== 1) a = ravel(a);
    return { a, ax: a.ndim - 1 };
  }
  return { a, ax: normalizeAxis(ax0, a.ndim) };
}

/** A slice string ("1:4", "::-2") as obj of insert/delete. */
function parseSlice(s: string): { start: number | null; stop: number | null; step: number | null } {
  const parts = s.split(":").map((p) => p.trim());
  if (parts.length < 2 || parts.length > 3) throw new ValueError(`invalid slice '${s}'`);
  const num = (p: string | undefined) => {
    if (p === undefined || p === "") return null;
    const n = Number(p);
    if (!Number.isInteger(n)) throw new NumpyTypeError("slice indices must be integers or None or have an __index__ method");
    return n;
  };
  const step = num(parts[2]);
  if (step === 0) throw new ValueError("slice step cannot be zero");
  return { start: num(parts[0]), stop: num(parts[1]), step };
}

const isIntKind = (a: NDArray) => a.dtype.kind === "i" || a.dtype.kind === "u";
const numbers = (a: NDArray): number[] => (a.size === 0 ? [] : (ravel(a).tolist() as unknown[]).map(Number));
const pyList = (x: unknown): string => (Array.isArray(x) ? `[${x.map(pyList).join(", ")}]` : isNDArray(x) ? pyList(x.tolist()) : String(x));

/**
 * The result of keeping `keep` (increasing positions along `ax`) of `a`: consecutive runs are
 * written as views (so lazy input fuses into a few kernels); many runs go through one gather.
 */
function keepAlong(a: NDArray, ax: number, keep: readonly number[]): NDArray {
  const runs: [number, number][] = [];
  for (const k of keep) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === k) last[1]++;
    else runs.push([k, 1]);
  }
  if (runs.length > 8) return takeAxis(a, keep, ax);
  const shape = [...a.shape];
  shape[ax] = keep.length;
  const out = emptyArray(shape, a.dtype, false);
  let at = 0;
  for (const [start, n] of runs) {
    if (out.size > 0) writeInto(sliceAlong(out, ax, at, n), sliceAlong(a, ax, start, n)._node);
    at += n;
  }
  return out;
}

/**
 * np.insert(arr, obj, values, axis=None). `obj` is an index, a list/array of indices, a boolean
 * mask, or a slice string ("1:4"); `axis` positionally or as {axis}.
 */
export function insert(arr: ArrayLike, obj: number | string | ArrayLike, values: ArrayLike, axis: Axis = null): NDArray {
  const given = asarray(arr);
  if (!given.dtype.isnative) return inNativeOrder(given, (x) => insert(x, obj, values, axis));
  const { a, ax } = arrayAndAxis(arr, axis);
  const N = a.shape[ax];
  let idx: number[];
  let idxNdim: number;
  if (typeof obj === "string") {
    const { start, count, step } = sliceIndices({ kind: "slice", ...parseSlice(obj) }, N);
    idx = Array.from({ length: count }, (_, i) => start + i * step);
    idxNdim = 1;
  } else {
    const o = asarray(obj as ArrayLike);
    if (o.dtype.kind === "b") {
      if (o.ndim !== 1) throw new ValueError("boolean array argument obj to insert must be one dimensional");
      idx = numbers(o).flatMap((v, i) => (v ? [i] : []));
      idxNdim = 1;
    } else {
      if (o.ndim > 1) throw new ValueError("index array argument obj to insert must be one dimensional or scalar");
      if (!isIntKind(o) && o.size > 0) throw new IndexError("arrays used as indices must be of integer (or boolean) type");
      idx = numbers(o);
      idxNdim = o.ndim;
    }
  }
  const shape = [...a.shape];
  if (idx.length === 1) {
    let index = idx[0];
    if (index < -N || index > N) throw new IndexError(`index ${pyList(obj)} is out of bounds for axis ${ax} with size ${N}`);
    if (index < 0) index += N;
    let v = asarray(values, { dtype: a.dtype });
    if (v.ndim < a.ndim) v = reshape(v, [...new Array<number>(a.ndim - v.ndim).fill(1), ...v.shape]);
    // a scalar index inserts values[...] as a[:, 0:1, :] = ... would (NumPy moves axis 0 to `axis`)
    if (idxNdim === 0) v = moveaxis(v, 0, ax);
    const numnew = v.shape[ax];
    shape[ax] += numnew;
    const out = emptyArray(shape, a.dtype, false);
    if (index > 0) writeInto(sliceAlong(out, ax, 0, index), sliceAlong(a, ax, 0, index)._node);
    assign(sliceAlong(out, ax, index, numnew), v);
    if (N - index > 0) writeInto(sliceAlong(out, ax, index + numnew, N - index), sliceAlong(a, ax, index, N - index)._node);
    return out;
  }
  const numnew = idx.length;
  const fixed = idx.map((i) => (i < 0 ? i + N : i));
  // stable order: equal indices keep their order, and each later one lands after the earlier ones
  const order = fixed.map((_, k) => k).sort((p, q) => fixed[p] - fixed[q] || p - q);
  order.forEach((k, rank) => (fixed[k] += rank));
  const newN = N + numnew;
  const isNew = new Int32Array(newN).fill(-1);
  fixed.forEach((i, k) => {
    if (i < -newN || i >= newN) throw new IndexError(`index ${i} is out of bounds for axis ${ax} with size ${newN}`);
    isNew[i < 0 ? i + newN : i] = k;
  });
  shape[ax] = numnew;
  const v = asarray(values);
  const lead = shape.length - v.ndim;
  if (lead < 0 || v.shape.some((n, i) => n !== 1 && n !== shape[lead + i])) {
    const t = (s: readonly number[]) => `(${s.join(",")}${s.length === 1 ? "," : ""})`;
    throw new ValueError(`shape mismatch: value array of shape ${t(v.shape)} could not be broadcast to indexing result of shape ${t(shape)}`);
  }
  const vals = new NDArray(expand(cast(v._node, a.dtype), shape));
  // old elements then the new ones, gathered into place in one pass
  const perm: number[] = [];
  let old = 0;
  for (let p = 0; p < newN; p++) perm.push(isNew[p] >= 0 ? N + isNew[p] : old++);
  return takeAxis(concatenate([a, vals], { axis: ax }), perm, ax);
}

/** np.delete(arr, obj, axis=None): `obj` an index, indices, a boolean mask or a slice string. */
export function delete_(arr: ArrayLike, obj: number | string | ArrayLike, axis: Axis = null): NDArray {
  const given = asarray(arr);
  if (!given.dtype.isnative) return inNativeOrder(given, (x) => delete_(x, obj, axis));
  const { a, ax } = arrayAndAxis(arr, axis);
  const N = a.shape[ax];
  const all = () => Array.from({ length: N }, (_, i) => i);
  if (typeof obj === "string") {
    const { start, count, step } = sliceIndices({ kind: "slice", ...parseSlice(obj) }, N);
    if (count <= 0) return copy(a);
    const gone = new Set(Array.from({ length: count }, (_, i) => start + i * step));
    return keepAlong(a, ax, all().filter((i) => !gone.has(i)));
  }
  let single: number | null = null;
  let o: NDArray | null = null;
  if (typeof obj === "number" && Number.isInteger(obj)) single = obj;
  else {
    o = asarray(obj as ArrayLike);
    if (o.size === 0 && !isNDArray(obj)) o = o.astype("int64");
    else if (o.size === 1 && isIntKind(o)) single = numbers(o)[0];
  }
  if (single !== null) {
    if (single < -N || single >= N) throw new IndexError(`index ${single} is out of bounds for axis ${ax} with size ${N}`);
    const i = single < 0 ? single + N : single;
    return keepAlong(a, ax, all().filter((k) => k !== i));
  }
  o = o!;
  if (o.dtype.kind === "b") {
    if (o.ndim !== 1 || o.shape[0] !== N) throw new ValueError(`boolean array argument obj to delete must be one dimensional and match the axis length of ${N}`);
    const m = numbers(o);
    return keepAlong(a, ax, all().filter((i) => !m[i]));
  }
  if (!isIntKind(o)) throw new IndexError("arrays used as indices must be of integer (or boolean) type");
  const gone = new Set<number>();
  for (const i of numbers(o)) {
    if (i < -N || i >= N) throw new IndexError(`index ${i} is out of bounds for axis ${ax} with size ${N}`);
    gone.add(i < 0 ? i + N : i);
  }
  return keepAlong(a, ax, all().filter((i) => !gone.has(i)));
}
export { delete_ as delete };

/** np.append(arr, values, axis=None): concatenate, both flattened when axis is None. */
export function append(arr: ArrayLike, values: ArrayLike, axis: Axis = null): NDArray {
  const ax0 = axisArg(axis);
  let a = asarray(arr);
  if (ax0 === null) {
    if (a.ndim !== 1) a = ravel(a);
    return concatenate([a, ravel(asarray(values))], { axis: a.ndim - 1 });
  }
  return concatenate([a, asarray(values)], { axis: ax0 });
}

/** np.resize(a, new_shape): the flattened data repeated (not zero-filled) to fill the new shape. */
export function resize(a: ArrayLike, new_shape: number | readonly number[]): NDArray {
  const shape = typeof new_shape === "number" ? [new_shape] : [...new_shape];
  // NumPy's resize concatenates, so a big-endian input gives a native result
  const given = asarray(a);
  const flat = ravel(given.dtype.isnative ? given : given.astype(given.dtype.native));
  let size = 1;
  for (const n of shape) {
    size *= n;
    if (n < 0) throw new ValueError("all elements of `new_shape` must be non-negative");
  }
  if (flat.size === 0 || size === 0) return zeros(shape, { dtype: flat.dtype });
  const reps = Math.ceil(size / flat.size);
  const long = reps === 1 ? flat : tile(flat, reps);
  return reshape(sliceAlong(long, 0, 0, size), shape);
}

/**
 * np.trim_zeros(filt, trim="fb", axis=None) as in NumPy 2.4: the bounding box of the nonzero
 * elements along the chosen axes (all by default), from the front ("f"), back ("b") or both. A view.
 */
export function trim_zeros(filt: ArrayLike, trim: string | { trim?: string; axis?: number | readonly number[] | null } = "fb", axis: number | readonly number[] | null = null): NDArray {
  if (typeof trim === "object") ({ trim = "fb", axis = null } = trim);
  const f = asarray(filt);
  const t = trim.toLowerCase();
  if (!["fb", "bf", "f", "b"].includes(t)) throw new ValueError(`unexpected character(s) in \`trim\`: '${trim}'`);
  const axes = axis === null ? Array.from({ length: f.ndim }, (_, i) => i) : normalizeAxes(axis, f.ndim);
  if (axes.length === 0) return f;
  const nz = argwhere(f);
  let start: (number | null)[], stop: (number | null)[];
  if (nz.shape[0] === 0) start = stop = new Array<number>(f.ndim).fill(0);
  else {
    start = numbers(rmin(nz, { axis: 0 }));
    stop = numbers(rmax(nz, { axis: 0 })).map((s) => s + 1);
    if (!t.includes("f")) start = start.map(() => null);
    if (!t.includes("b")) stop = stop.map(() => null);
  }
  const items = Array.from({ length: f.ndim }, (_, d) => (axes.includes(d) ? `${start[d] ?? ""}:${stop[d] ?? ""}` : ":"));
  return get(f, ...items);
}

type Order = "C" | "F";
function checkOrder(order: unknown): Order {
  if (order !== "C" && order !== "F") throw new ValueError(`order must be one of 'C', 'F', 'A', or 'K' (got '${String(order)}')`);
  return order;
}

function strides(dims: readonly number[], order: Order): number[] {
  const st = new Array<number>(dims.length);
  let acc = 1;
  const ids = dims.map((_, i) => i);
  if (order === "C") ids.reverse();
  for (const i of ids) {
    st[i] = acc;
    acc *= dims[i];
  }
  return st;
}

/** Integer index data as int64, NumPy's TypeError otherwise (bools count as ints, as a safe cast). */
function intIndex(x: ArrayLike): NDArray {
  const a = asarray(x);
  if (a.dtype.kind !== "i" && a.dtype.kind !== "u" && a.dtype.kind !== "b") throw new NumpyTypeError("only int indices permitted");
  return a.dtype === DTYPES.int64 ? a : a.astype("int64");
}

/**
 * np.unravel_index(indices, shape, order="C"): one int64 array of indices' shape per dimension.
 * Bounds are checked at the call (as NumPy raises); the coordinates are a lazy int64 expression.
 */
export function unravel_index(indices: ArrayLike, shape: number | readonly number[], order: Order | { order?: Order } = "C"): NDArray[] {
  const ord = checkOrder(isOptions(order) ? ((order as { order?: Order }).order ?? "C") : order);
  const dims = typeof shape === "number" ? [shape] : [...shape];
  const idx = intIndex(indices);
  const size = dims.reduce((p, n) => p * n, 1);
  if (idx.size > 0) {
    const lo = Number(rmin(idx).item()), hi = Number(rmax(idx).item());
    const bad = lo < 0 ? lo : hi >= size ? hi : null;
    if (bad !== null) {
      // NumPy reports the first offending index in C order
      const first = numbers(idx).find((i) => i < 0 || i >= size)!;
      throw new ValueError(`index ${first} is out of bounds for array with size ${size}`);
    }
  }
  const st = strides(dims, ord);
  return dims.map((n, i) => ufuncs.remainder(ufuncs.floor_divide(idx, st[i]), n) as NDArray);
}

type ClipMode = "raise" | "wrap" | "clip";

/**
 * np.ravel_multi_index(multi_index, dims, mode="raise", order="C"): flat indices of the broadcast
 * coordinate arrays; `mode` one for all axes or one per axis. Positional or {mode, order}.
 */
export function ravel_multi_index(
  multi_index: readonly ArrayLike[],
  dims: number | readonly number[],
  mode: ClipMode | readonly ClipMode[] | { mode?: ClipMode | readonly ClipMode[]; order?: Order } = "raise",
  order: Order = "C",
): NDArray {
  if (isOptions(mode)) {
    const o = mode as { mode?: ClipMode | readonly ClipMode[]; order?: Order };
    order = o.order ?? order;
    mode = o.mode ?? "raise";
  }
  const ds = typeof dims === "number" ? [dims] : [...dims];
  const nd = ds.length;
  if (multi_index.length !== nd) throw new ValueError(`parameter multi_index must be a sequence of length ${nd}`);
  const modes = typeof mode === "string" ? new Array<ClipMode>(nd).fill(mode) : [...(mode as readonly ClipMode[])];
  if (modes.length !== nd) throw new ValueError(`list of clipmodes has wrong length (${modes.length} instead of ${nd})`);
  for (const m of modes) if (m !== "raise" && m !== "wrap" && m !== "clip") throw new ValueError(`clipmode must be one of 'clip', 'raise', or 'wrap' (got '${String(m)}')`);
  const ord = checkOrder(order);
  const idx = multi_index.map(intIndex);
  const st = strides(ds, ord);
  let total: NDArray | null = null;
  idx.forEach((x, k) => {
    const n = ds[k];
    let v: NDArray = x;
    if (modes[k] === "raise") {
      if (x.size > 0 && (Number(rmin(x).item()) < 0 || Number(rmax(x).item()) >= n)) throw new ValueError("invalid entry in coordinates array");
    } else if (modes[k] === "wrap") v = ufuncs.remainder(x, n) as NDArray;
    else v = ufuncs.minimum(ufuncs.maximum(x, 0), n - 1) as NDArray;
    const term = ufuncs.multiply(v, st[k]) as NDArray;
    total = total ? (ufuncs.add(total, term) as NDArray) : term;
  });
  return total ?? asarray(0, { dtype: parseDType("int64") });
}
