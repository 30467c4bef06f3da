/** @file Data-dependent selection: nonzero/argwhere/flatnonzero, take/take_along_axis/compress/extract and the in-place put/put_along_axis/place/putmask. Data-dependent shapes cannot be lazy: these read their inputs and copy element lanes (bit-exact for every dtype). */
import { cast, contiguous } from "../compiler/ir/node.js";
import { expand } from "../compiler/ir/movement.js";
import { forEachOffset, isCContiguous, prod, type View } from "../compiler/ir/view.js";
import { DTYPES, type DType, type LaneArray } from "../runtime/dtype.js";
import { IndexError, NumpyTypeError, ValueError } from "../runtime/errors.js";
import { asarray, isOptions, type ArrayLike } from "./convert.js";
import { afterWrite, beforeWrite, emptyArray, NDArray, writeInto } from "./ndarray.js";
import { keepByteOrder } from "./byteorder.js";
import { normalizeAxis } from "./reductions.js";
import { ravel } from "./shape-ops.js";
import { broadcastShapes } from "./ufunc/ufunc.js";

const TWO32 = 4294967296;
type NumList = { readonly length: number; readonly [i: number]: number };
const tupleStr = (s: readonly number[]) => `(${s.join(",")}${s.length === 1 ? "," : ""})`;

/** `a`'s elements as lanes of contiguous C-order memory starting at lane `base`. */
function contiguousLanes(a: NDArray): { lanes: LaneArray; base: number; L: number } {
  let src = a;
  if (!a.isRealized || !isCContiguous(a._node.loadArg.view)) src = new NDArray(contiguous(a._node)).eval();
  const { storage, view } = src._realized();
  const L = a.dtype.lanes;
  return { lanes: storage.lanes(a.dtype), base: view.offset * L, L };
}

/** Element offsets of `view` in C order. */
function flatOffsets(view: View): Float64Array {
  const out = new Float64Array(prod(view.shape));
  forEachOffset(view, (off, k) => {
    out[k] = off;
  });
  return out;
}

/** An int64 array of these (exact up to 2**53) values. */
export function int64Array(values: NumList, shape: readonly number[] = [values.length]): NDArray {
  const out = emptyArray(shape, DTYPES.int64, false);
  const lanes = out._realized().storage.lanes(DTYPES.int64);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    lanes[2 * i] = v;
    lanes[2 * i + 1] = Math.floor(v / TWO32);
  }
  return out;
}

/** Integer index values of `x` as doubles; NumPy's error for non-integer index arrays. */
function indexValues(x: NDArray, what = "safe"): Float64Array {
  if (x.dtype.kind !== "i" && x.dtype.kind !== "u" && x.dtype.kind !== "b") {
    if (what === "along") throw new IndexError("`indices` must be an integer array");
    throw new NumpyTypeError(`Cannot cast array data from dtype('${x.dtype.name}') to dtype('int64') according to the rule 'same_kind'`);
  }
  const { lanes, base } = contiguousLanes(new NDArray(cast(x._node, DTYPES.float64)));
  return Float64Array.from(lanes.subarray(base, base + x.size));
}

type Mode = "raise" | "wrap" | "clip";

function fixIndex(i: number, n: number, mode: Mode, axis: number): number {
  if (mode === "wrap") return ((i % n) + n) % n;
  if (mode === "clip") return i < 0 ? 0 : i >= n ? n - 1 : i;
  if (i < -n || i >= n) throw new IndexError(`index ${i} is out of bounds for axis ${axis} with size ${n}`);
  return i < 0 ? i + n : i;
}

/** a.take(idx, axis) for already-normalized indices: copies blocks of lanes. */
export function takeAxis(a: NDArray, idx: NumList, axis: number, idxShape: readonly number[] = [idx.length]): NDArray {
  return keepByteOrder(takeNative(a, idx, axis, idxShape), a.dtype);
}

function takeNative(a: NDArray, idx: NumList, axis: number, idxShape: readonly number[]): NDArray {
  const shape = [...a.shape.slice(0, axis), ...idxShape, ...a.shape.slice(axis + 1)];
  const out = emptyArray(shape, a.dtype.native, false);
  if (out.size === 0) return out;
  const { lanes: src, base, L } = contiguousLanes(a);
  const dst = out._realized().storage.lanes(a.dtype);
  const n = a.shape[axis];
  const outer = a.shape.slice(0, axis).reduce((p, k) => p * k, 1);
  const inner = a.shape.slice(axis + 1).reduce((p, k) => p * k, 1) * L;
  let w = 0;
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < idx.length; j++) {
      const from = base + (o * n + idx[j]) * inner;
      if (inner > 16) dst.set(src.subarray(from, from + inner), w);
      else for (let l = 0; l < inner; l++) dst[w + l] = src[from + l];
      w += inner;
    }
  }
  return out;
}

export function nonzero(a: ArrayLike): NDArray[] {
  const arr = asarray(a);
  if (arr.ndim === 0) {
    throw new ValueError("Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.");
  }
  const { lanes, base } = contiguousLanes(new NDArray(cast(arr._node, DTYPES.bool)));
  const shape = arr.shape, nd = shape.length;
  let count = 0;
  for (let f = 0; f < arr.size; f++) if (lanes[base + f]) count++;
  const coords = shape.map(() => new Float64Array(count));
  let k = 0;
  for (let f = 0; f < arr.size; f++) {
    if (!lanes[base + f]) continue;
    let r = f;
    for (let d = nd - 1; d >= 0; d--) {
      coords[d][k] = r % shape[d];
      r = Math.floor(r / shape[d]);
    }
    k++;
  }
  return coords.map((c) => int64Array(c));
}

export function flatnonzero(a: ArrayLike): NDArray {
  return nonzero(ravel(asarray(a)))[0];
}

export function argwhere(a: ArrayLike): NDArray {
  const arr = asarray(a);
  if (arr.ndim === 0) {
    const n = nonzero(arr.reshape(1))[0].size;
    return emptyArray([n, 0], DTYPES.int64, false);
  }
  const nz = nonzero(arr);
  const n = nz[0].size, nd = arr.ndim;
  const vals = new Float64Array(n * nd);
  nz.forEach((c, d) => {
    const { lanes, base } = contiguousLanes(new NDArray(cast(c._node, DTYPES.float64)));
    for (let i = 0; i < n; i++) vals[i * nd + d] = lanes[base + i];
  });
  return int64Array(vals, [n, nd]);
}

interface TakeOptions {
  axis?: number | null;
  out?: NDArray | null;
  mode?: Mode;
}

export function take(a: ArrayLike, indices: ArrayLike, ...rest: unknown[]): NDArray {
  const opts: TakeOptions = rest.length && isOptions(rest[rest.length - 1]) ? { ...(rest.pop() as TakeOptions) } : {};
  if (rest.length > 0) opts.axis = rest[0] as number | null;
  if (rest.length > 1) opts.out = rest[1] as NDArray | null;
  if (rest.length > 2) opts.mode = rest[2] as Mode;
  let arr = asarray(a);
  const mode = opts.mode ?? "raise";
  if (mode !== "raise" && mode !== "wrap" && mode !== "clip") throw new ValueError(`clipmode must be one of 'clip', 'raise', or 'wrap' (got '${mode}')`);
  let axis: number;
  if (opts.axis === null || opts.axis === undefined) {
    arr = ravel(arr);
    axis = 0;
  } else axis = normalizeAxis(opts.axis, arr.ndim);
  const ind = asarray(indices);
  const raw = indexValues(ind);
  const n = arr.shape[axis];
  if (n === 0 && raw.length > 0) throw new IndexError("cannot do a non-empty take from an empty axes.");
  const idx = raw.map((i) => fixIndex(i, n, mode, axis));
  const r = takeAxis(arr, idx, axis, ind.shape);
  if (opts.out) {
    const o = opts.out;
    if (o.ndim !== r.ndim || o.shape.some((k, i) => k !== r.shape[i])) throw new ValueError("output array does not match result of ndarray.take");
    writeInto(o, cast(r._node, o.dtype));
    return o;
  }
  return r;
}

export function compress(condition: ArrayLike, a: ArrayLike, ...rest: unknown[]): NDArray {
  const cond = asarray(condition);
  if (cond.ndim !== 1) throw new ValueError("condition must be a 1-d array");
  return take(a, nonzero(cond)[0], ...rest);
}

export function extract(condition: ArrayLike, arr: ArrayLike): NDArray {
  return take(ravel(asarray(arr)), nonzero(ravel(asarray(condition)))[0]);
}

/** take_along_axis/put_along_axis: the broadcast shape and, per element of it, the source element offset. */
function alongOffsets(arr: NDArray, ind: NDArray, axis: number): { shape: number[]; offsets: Float64Array } {
  if (ind.ndim !== arr.ndim) throw new ValueError("`indices` and `arr` must have the same number of dimensions");
  const idx = indexValues(ind, "along");
  const fancy = arr.shape.map((n, d) => (d === axis ? ind.shape[d] : n));
  let shape: number[];
  try {
    shape = broadcastShapes(ind.shape, arr.shape.map((n, d) => (d === axis ? 1 : n)));
  } catch {
    throw new IndexError(`shape mismatch: indexing arrays could not be broadcast together with shapes ${arr.shape.map((n, d) => tupleStr(arr.shape.map((_, e) => (e === d ? (d === axis ? 0 : n) : 1)))).join(" ")}`);
  }
  void fancy;
  const { view } = arr._realized();
  const nd = shape.length, size = shape.reduce((p, k) => p * k, 1);
  const offsets = new Float64Array(size);
  const coord = new Array<number>(nd).fill(0);
  const istr = ind.shape.map((_, d) => ind.shape.slice(d + 1).reduce((p, k) => p * k, 1));
  const n = arr.shape[axis];
  for (let f = 0; f < size; f++) {
    let off = view.offset, ii = 0;
    for (let d = 0; d < nd; d++) {
      if (ind.shape[d] !== 1) ii += coord[d] * istr[d];
      if (d !== axis && arr.shape[d] !== 1) off += coord[d] * view.strides[d];
    }
    off += fixIndex(idx[ii], n, "raise", axis) * view.strides[axis];
    offsets[f] = off;
    for (let d = nd - 1; d >= 0; d--) {
      if (++coord[d] < shape[d]) break;
      coord[d] = 0;
    }
  }
  return { shape, offsets };
}

function alongArgs(arr: NDArray, ind: NDArray, axis: number | null): { a: NDArray; axis: number } {
  if (axis === null) {
    if (ind.ndim !== 1) throw new ValueError("when axis=None, `indices` must have a single dimension.");
    return { a: ravel(arr), axis: 0 };
  }
  return { a: arr, axis: normalizeAxis(axis, arr.ndim) };
}

export function take_along_axis(arr: ArrayLike, indices: ArrayLike, axis: number | null | { axis?: number | null } = -1): NDArray {
  const ax = typeof axis === "object" && axis !== null ? axis.axis ?? -1 : axis;
  const ind = asarray(indices);
  const { a, axis: k } = alongArgs(asarray(arr), ind, ax);
  const { shape, offsets } = alongOffsets(a, ind, k);
  const out = emptyArray(shape, a.dtype, false);
  const { storage } = a._realized();
  copyLanes(storage.lanes(a.dtype), offsets, out._realized().storage.lanes(a.dtype), null, a.dtype);
  return out;
}

/** dst[dOff[i]] = src[sOff[i]] element by element (null offsets: contiguous from 0). */
function copyLanes(src: LaneArray, sOff: NumList, dst: LaneArray, dOff: NumList | null, dt: DType, srcBase = 0): void {
  const L = dt.lanes;
  for (let i = 0; i < sOff.length; i++) {
    const s = sOff[i] * L + srcBase, d = (dOff ? dOff[i] : i) * L;
    dst[d] = src[s];
    if (L === 2) dst[d + 1] = src[s + 1];
  }
}

/** The values as contiguous lanes of `dt` (cast unsafely, as NumPy's put does). */
function valueLanes(values: ArrayLike, dt: DType): { lanes: LaneArray; base: number; n: number } {
  const v = asarray(values);
  const { lanes, base } = contiguousLanes(new NDArray(cast(v._node, dt)));
  return { lanes, base, n: v.size };
}

/** Write values[i % n] at element offsets `offs` of `a`'s memory, after protecting pending readers. */
function scatter(a: NDArray, offs: NumList, values: ArrayLike, cyclic: (i: number) => number): void {
  const dt = a.dtype;
  const { lanes: vl, base, n } = valueLanes(values, dt);
  if (n === 0 || offs.length === 0) return;
  const { storage } = a._realized();
  beforeWrite(storage);
  const dst = storage.lanes(dt), L = dt.lanes;
  for (let i = 0; i < offs.length; i++) {
    const s = base + (cyclic(i) % n) * L, d = offs[i] * L;
    dst[d] = vl[s];
    if (L === 2) dst[d + 1] = vl[s + 1];
  }
  afterWrite(storage);
}

function writable(a: NDArray, fn: string): void {
  if (!(a instanceof NDArray)) throw new NumpyTypeError(`${fn}: first argument must be an array`);
  if (!a.flags.writeable) throw new ValueError("assignment destination is read-only");
}

export function put(a: NDArray, ind: ArrayLike, v: ArrayLike, mode: Mode | { mode?: Mode } = "raise"): void {
  writable(a, "put");
  const m = typeof mode === "object" ? mode.mode ?? "raise" : mode;
  const raw = indexValues(asarray(ind));
  const vals = asarray(v);
  if (a.size === 0) {
    if (raw.length && vals.size) throw new IndexError("cannot replace elements of an empty array");
    return;
  }
  const flat = flatOffsets(a._realized().view);
  const offs = raw.map((i) => flat[fixIndex(i, a.size, m, 0)]);
  scatter(a, offs, vals, (i) => i);
}

export function put_along_axis(arr: NDArray, indices: ArrayLike, values: ArrayLike, axis: number | null): void {
  writable(arr, "put_along_axis");
  const ind = asarray(indices);
  const { a, axis: k } = alongArgs(arr, ind, axis);
  const { shape, offsets } = alongOffsets(a, ind, k);
  const v = asarray(values);
  let bv: NDArray;
  try {
    bv = new NDArray(expand(cast(v._node, a.dtype), broadcastShapes(v.shape, shape)));
  } catch {
    throw new ValueError(`shape mismatch: value array of shape ${tupleStr(v.shape)} could not be broadcast to indexing result of shape ${tupleStr(shape)}`);
  }
  if (bv.ndim !== shape.length || bv.shape.some((n, i) => n !== shape[i])) {
    throw new ValueError(`shape mismatch: value array of shape ${tupleStr(v.shape)} could not be broadcast to indexing result of shape ${tupleStr(shape)}`);
  }
  scatter(arr, offsets, bv, (i) => i);
}

export function place(arr: NDArray, mask: ArrayLike, vals: ArrayLike): void {
  writable(arr, "place");
  const m = asarray(mask);
  if (m.size !== arr.size) throw new ValueError("place: mask and data must be the same size");
  const v = asarray(vals);
  const where = nonzero(ravel(m))[0];
  if (where.size > 0 && v.size === 0) throw new ValueError("Cannot insert from an empty array!");
  const flat = flatOffsets(arr._realized().view);
  const offs = indexValues(where).map((i) => flat[i]);
  scatter(arr, offs, v, (i) => i);
}

export function putmask(a: NDArray, mask: ArrayLike, values: ArrayLike): void {
  writable(a, "putmask");
  const m = asarray(mask);
  if (m.size !== a.size) throw new ValueError("putmask: mask and data must be the same size");
  const where = indexValues(nonzero(ravel(m))[0]);
  const flat = flatOffsets(a._realized().view);
  const offs = where.map((i) => flat[i]);
  // the value at a position is values[position % n], not the count of trues so far
  scatter(a, offs, values, (i) => where[i]);
}
