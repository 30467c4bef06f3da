/** @file Sorting routines: np.sort, np.argsort, a.sort() in place, np.searchsorted and np.bincount, on realized lanes (NaN last, complex lexicographic, int64 exact). */
import { d2h, H16 } from "../runtime/half.js";
import { cast, contiguous } from "../compiler/ir/node.js";
import { forEachOffset, isCContiguous } from "../compiler/ir/view.js";
import { DTYPES, StructDType, type LaneArray } from "../runtime/dtype.js";
import { compareStr } from "./strings.js";
import { AxisError, NumpyTypeError, ValueError } from "../runtime/errors.js";
import { promoteTypes } from "../runtime/promotion.js";
import { asarray, isOptions, type ArrayLike } from "./convert.js";
import { emptyArray, NDArray, writeInto } from "./ndarray.js";
import { keepByteOrder } from "./byteorder.js";
import { normalizeAxis } from "./reductions.js";
import { moveaxis, ravel } from "./shape-ops.js";

export type SortKind = "quicksort" | "mergesort" | "heapsort" | "stable";
export interface SortOptions { axis?: number | null; kind?: SortKind | string | null; order?: unknown; stable?: boolean | null }

/**
 * Every kind runs the same stable merge sort. NumPy promises stability only for stable/mergesort;
 * its quicksort (introsort or x86-simd-sort) and heapsort order ties differently (checked in
 * gen_sort.py), so argsort with those kinds matches NumPy exactly only where the keys have no ties,
 * and value sorts of mixed -0.0/0.0 keep their input order where NumPy's quicksort may not.
 */
function checkKind(kind: unknown): void {
  if (kind === undefined || kind === null) return;
  const k = String(kind).toLowerCase();
  // NumPy reads only the first letter: 'q', 'm', 'h', 's'
  if (!"qmhs".includes(k[0] ?? "x")) throw new ValueError(`sort kind must be one of 'quick', 'heap', or 'stable' (got '${String(kind)}')`);
}

/** `a`'s elements as C-order lanes (a copy only where `a` is lazy or strided). */
export function contiguousLanes(a: NDArray): { lanes: LaneArray; base: number } {
  let src = a;
  if (!a.isRealized || !isCContiguous(a._node.loadArg.view)) src = new NDArray(contiguous(a._node)).eval();
  const { storage, view } = src._realized();
  return { lanes: storage.lanes(a.dtype), base: view.offset * a.dtype.lanes };
}

/**
 * Sort keys: one or two doubles per element, compared lexicographically with NaN after everything
 * (NaN equal to NaN). Complex: (re, im) as NumPy orders it. int64/uint64: (high half, low half),
 * exact over the whole range. Everything else: its value, exact in a double.
 */
interface Keys { k0: Float64Array | null; k1: Float64Array; k2: Float64Array | null }

/**
 * Complex order (NumPy's): every value with a NaN part after every value without; then R+nanj by
 * re, nan+Rj by im, nan+nanj all equal. k0 is that class, so k1/k2 never hold NaN for complex.
 */
function keysOf(a: NDArray): Keys {
  const dt = a.dtype, n = a.size;
  const { lanes, base } = contiguousLanes(a);
  const k1 = new Float64Array(n);
  if (dt.kind === "c") {
    const k0 = new Float64Array(n), k2 = new Float64Array(n);
    for (let i = 0, j = base; i < n; i++, j += 2) {
      const re = lanes[j], im = lanes[j + 1];
      const rn = re !== re, inn = im !== im;
      if (!rn && !inn) {
        k1[i] = re;
        k2[i] = im;
      } else if (!rn) {
        k0[i] = 1;
        k1[i] = re;
      } else if (!inn) {
        k0[i] = 2;
        k1[i] = im;
      } else k0[i] = 3;
    }
    return { k0, k1, k2 };
  }
  if (dt.isWide) {
    const k2 = new Float64Array(n);
    const uns = dt.kind === "u";
    for (let i = 0, j = base; i < n; i++, j += 2) {
      k1[i] = uns ? lanes[j + 1] >>> 0 : lanes[j + 1];
      k2[i] = lanes[j] >>> 0;
    }
    return { k0: null, k1, k2 };
  }
  // float16 lanes hold bits: the key is the value
  if (dt.name === "float16") for (let i = 0; i < n; i++) k1[i] = H16[lanes[base + i]];
  else for (let i = 0; i < n; i++) k1[i] = lanes[base + i];
  return { k0: null, k1, k2: null };
}

/** strict "a before b" in NumPy's order (NaN after everything, equal to NaN) */
function less(k: Keys, i: number, j: number): boolean {
  const k0 = k.k0;
  if (k0 !== null && k0[i] !== k0[j]) return k0[i] < k0[j];
  const a = k.k1[i], b = k.k1[j];
  if (a < b) return true;
  if (a > b) return false;
  if (a === b) {
    const k2 = k.k2;
    return k2 !== null && k2[i] < k2[j];
  }
  return b !== b && a === a;
}

/** Stable bottom-up merge sort of idx[lo, hi) by the keys at those indices. */
function mergeSortIdx(idx: Int32Array, tmp: Int32Array, lo: number, hi: number, keys: Keys): void {
    const RUN = 16;
  for (let s = lo; s < hi; s += RUN) {
    const e = Math.min(s + RUN, hi);
    for (let i = s + 1; i < e; i++) {
      const v = idx[i];
      let j = i - 1;
      while (j >= s && less(keys, v, idx[j])) {
        idx[j + 1] = idx[j];
        j--;
      }
      idx[j + 1] = v;
    }
  }
  let src = idx, dst = tmp;
  for (let w = RUN; w < hi - lo; w *= 2) {
    for (let s = lo; s < hi; s += 2 * w) {
      const m = Math.min(s + w, hi), e = Math.min(s + 2 * w, hi);
      let i = s, j = m, o = s;
      while (i < m && j < e) dst[o++] = less(keys, src[j], src[i]) ? src[j++] : src[i++];
      while (i < m) dst[o++] = src[i++];
      while (j < e) dst[o++] = src[j++];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== idx) idx.set(src.subarray(lo, hi), lo);
}

/** The axis to sort along and the array viewed with that axis last (axis=None: flattened). */
function prepare(a: NDArray, axis: number | null | undefined, opts: SortOptions): { moved: NDArray; ax: number; flat: boolean } {
  checkKind(opts.kind);
  if (opts.order !== undefined && opts.order !== null && !(a.dtype instanceof StructDType && !a.dtype.isPlainVoid)) {
    throw new ValueError("Cannot specify order when the array has no fields.");
  }
  if (axis === null) return { moved: ravel(a), ax: 0, flat: true };
  const ax = normalizeAxis(axis ?? -1, a.ndim);
  return { moved: ax === a.ndim - 1 ? a : moveaxis(a, ax, -1), ax, flat: false };
}

const optsOf = (o: unknown): SortOptions => (isOptions(o) ? (o as SortOptions) : {});

/** Sort each row of `out` (a fresh contiguous array, rows of length n) in place. */
function sortRowsInPlace(out: NDArray, n: number): void {
  const dt = out.dtype, size = out.size;
  if (size === 0 || n <= 1) return;
  const { storage } = out._realized();
  if (dt.kind === "c") {
    const lanes = storage.lanes(dt);
    const keys = keysOf(out);
    const idx = new Int32Array(size), tmp = new Int32Array(size);
    for (let i = 0; i < size; i++) idx[i] = i;
    for (let r = 0; r < size; r += n) mergeSortIdx(idx, tmp, r, r + n, keys);
    const copy = lanes.slice(0, 2 * size);
    for (let i = 0; i < size; i++) {
      lanes[2 * i] = copy[2 * idx[i]];
      lanes[2 * i + 1] = copy[2 * idx[i] + 1];
    }
    return;
  }
  if (dt.name === "float16") {
    // float16 lanes hold bits: sort the values (exact in float32) and store their bits back
    const bits = storage.lanes(dt).subarray(0, size);
    const vals = Float32Array.from(bits, (h) => H16[h]);
    const orig = vals.slice();
    for (let r = 0; r < size; r += n) {
      vals.subarray(r, r + n).sort();
      restoreZeroOrder(vals, orig, r, r + n);
    }
    for (let i = 0; i < size; i++) bits[i] = d2h(vals[i]);
    return;
  }
  // typed-array sort is numeric with NaN last, which is NumPy's order for every real dtype
  const arr: { subarray(a: number, b: number): { sort(): unknown } } = dt.isWide
    ? new (dt.kind === "u" ? BigUint64Array : BigInt64Array)(storage.buffer as ArrayBuffer, storage.byteOffset, size)
    : storage.lanes(dt).subarray(0, size);
  const isFloat = dt.kind === "f";
  const orig = isFloat ? (storage.lanes(dt) as Float64Array | Float32Array).slice(0, size) : null;
  for (let r = 0; r < size; r += n) {
    arr.subarray(r, r + n).sort();
    if (orig) restoreZeroOrder(storage.lanes(dt) as Float64Array, orig, r, r + n);
  }
}

/** Typed-array sort puts -0 before 0; NumPy's stable sort keeps their input order. */
function restoreZeroOrder(row: Float64Array | Float32Array, orig: Float64Array | Float32Array, lo: number, hi: number): void {
  let z = lo;
  while (z < hi && !(row[z] === 0)) {
    if (row[z] > 0 || row[z] !== row[z]) return;
    z++;
  }
  if (z === hi) return;
  for (let i = lo; i < hi; i++) if (orig[i] === 0) row[z++] = orig[i];
}

/** np.sort(a, {axis=-1, kind, order}): a sorted copy; axis null sorts the flattened array. */
export function sort(a: ArrayLike, ...args: unknown[]): NDArray {
  const arr = asarray(a);
  const opts = optsOf(args[args.length - 1]);
  const axis = typeof args[0] === "number" || args[0] === null ? (args[0] as number | null) : opts.axis;
  const { moved, ax, flat } = prepare(arr, axis, opts);
  const out = emptyArray(moved.shape, arr.dtype.native, false);
  if (arr.dtype.isFlexible) {
    sortFlexibleRows(moved, out, null, opts.order);
    return keepByteOrder(flat || ax === arr.ndim - 1 ? out : moveaxis(out, -1, ax), arr.dtype);
  }
  if (out.size) {
    const { lanes, base } = contiguousLanes(moved);
    const L = arr.dtype.lanes;
    out._realized().storage.lanes(arr.dtype).set(lanes.subarray(base, base + out.size * L));
  }
  sortRowsInPlace(out, moved.shape[moved.ndim - 1] ?? 1);
  return keepByteOrder(flat || ax === arr.ndim - 1 ? out : moveaxis(out, -1, ax), arr.dtype);
}

/** np.argsort(a, {axis=-1, kind, order}): int64 indices that sort `a` along `axis` (stable for every kind). */
export function argsort(a: ArrayLike, ...args: unknown[]): NDArray {
  const arr = asarray(a);
  const opts = optsOf(args[args.length - 1]);
  const axis = typeof args[0] === "number" || args[0] === null ? (args[0] as number | null) : opts.axis;
  const { moved, ax, flat } = prepare(arr, axis, opts);
  const out = emptyArray(moved.shape, DTYPES.int64, false);
  const size = out.size, n = moved.shape[moved.ndim - 1] ?? 1;
  if (arr.dtype.isFlexible) sortFlexibleRows(moved, null, out, opts.order);
  else if (size) {
    const keys = keysOf(moved);
    const idx = new Int32Array(size), tmp = new Int32Array(size);
    for (let i = 0; i < size; i++) idx[i] = i;
    for (let r = 0; r < size; r += n) mergeSortIdx(idx, tmp, r, r + n, keys);
    const o = out._realized().storage.lanes(DTYPES.int64);
    for (let i = 0; i < size; i++) {
      o[2 * i] = idx[i] - (i - (i % n));
      o[2 * i + 1] = 0;
    }
  }
  return flat || ax === arr.ndim - 1 ? out : moveaxis(out, -1, ax);
}

/** NumPy's a.sort(axis=-1, kind, order): sorts `a`'s own memory (pending readers of it are computed first). */
export function sortInPlace(a: NDArray, ...args: unknown[]): void {
  if (!a.flags.writeable) throw new ValueError("assignment destination is read-only");
  const opts = optsOf(args[args.length - 1]);
  const axis = typeof args[0] === "number" ? (args[0] as number) : opts.axis ?? -1;
  if (axis === null) throw new NumpyTypeError("'NoneType' object cannot be interpreted as an integer");
  if (a.ndim === 0) throw new AxisError(axis, 0);
  const sorted = sort(a, { ...opts, axis });
  // writeInto realizes every pending reader of a's storage before writing
  writeInto(a, sorted._node);
}

/** np.searchsorted(a, v, {side, sorter}): insertion points in the 1-d sorted `a`, in NumPy's order (NaN last). */
export function searchsorted(a: ArrayLike, v: ArrayLike, ...args: unknown[]): NDArray {
  const opts = optsOf(args[args.length - 1]) as { side?: string; sorter?: ArrayLike | null };
  const side = typeof args[0] === "string" ? args[0] : opts.side ?? "left";
  const sorterArg = args.length > 1 && !isOptions(args[1]) ? (args[1] as ArrayLike) : opts.sorter;
  const arr = asarray(a);
  if (arr.ndim !== 1) throw new ValueError(arr.ndim === 0 ? "object of too small depth for desired array" : "object too deep for desired array");
  if (side !== "left" && side !== "right") throw new ValueError(`search side must be 'left' or 'right' (got '${side}')`);
  // NumPy promotes even a Python float against float32 data here (no NEP 50 weak scalar)
  const vals = asarray(v as ArrayLike);
  const dt = promoteTypes(arr.dtype, vals.dtype);
  const ak = keysOf(new NDArray(cast(arr._node, dt)));
  const vk = keysOf(new NDArray(cast(vals._node, dt)));
  const n = arr.size, m = vals.size;
  let order: Float64Array | null = null;
  if (sorterArg !== undefined && sorterArg !== null) {
    const s = asarray(sorterArg);
    if (s.dtype.kind !== "i" && s.dtype.kind !== "u" && s.dtype.kind !== "b") {
      throw new NumpyTypeError(`Cannot cast array data from dtype('${s.dtype.name}') to dtype('int64') according to the rule 'safe'`);
    }
    if (s.size !== n) throw new ValueError("sorter.size must equal a.size");
    order = keysOf(new NDArray(cast(s._node, DTYPES.float64))).k1;
  }
  // one key table: a's keys at [0, n), v's at [n, n + m), so `less` compares across them
  const join = (x: Float64Array | null, y: Float64Array | null) => {
    if (!x || !y) return null;
    const t = new Float64Array(n + m);
    t.set(x);
    t.set(y, n);
    return t;
  };
  const keys: Keys = { k0: join(ak.k0, vk.k0), k1: join(ak.k1, vk.k1)!, k2: join(ak.k2, vk.k2) };
  const out = emptyArray(vals.shape, DTYPES.int64, false);
  const o = out.size ? out._realized().storage.lanes(DTYPES.int64) : null;
  const right = side === "right";
  for (let q = 0; q < m; q++) {
    let lo = 0, hi = n;
    const x = n + q;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      let at = mid;
      if (order) {
        // NumPy checks sorter entries only where its search reads them
        at = order[mid];
        if (!(at >= 0 && at < n)) throw new ValueError("Sorter index out of range.");
      }
      // left: first i with a[i] >= x; right: first i with a[i] > x
      const goRight = right ? !less(keys, x, at) : less(keys, at, x);
      if (goRight) lo = mid + 1;
      else hi = mid;
    }
    o![2 * q] = lo;
    o![2 * q + 1] = 0;
  }
  return out;
}

/** np.bincount(x, {weights, minlength}): counts (int64) or sums of weights (float64) per non-negative integer. */
export function bincount(x: ArrayLike, ...args: unknown[]): NDArray {
  const opts = optsOf(args[args.length - 1]) as { weights?: ArrayLike | null; minlength?: number };
  const weightsArg = args.length && !isOptions(args[0]) ? (args[0] as ArrayLike | null) : opts.weights;
  const minlength = typeof args[1] === "number" ? args[1] : opts.minlength ?? 0;
  const arr = asarray(x as ArrayLike);
  if (arr.ndim !== 1) throw new ValueError(arr.ndim === 0 ? "object of too small depth for desired array" : "object too deep for desired array");
  // NumPy takes every integer dtype here, uint64 included (values past 2**63 fail its own checks)
  if (arr.dtype.kind === "f" || arr.dtype.kind === "c") {
    throw new NumpyTypeError(`Cannot cast array data from dtype('${arr.dtype.name}') to dtype('int64') according to the rule 'safe'`);
  }
  if (!Number.isInteger(minlength)) throw new NumpyTypeError(`'${typeof minlength}' object cannot be interpreted as an integer`);
  if (minlength < 0) throw new ValueError("'minlength' must not be negative");
  const n = arr.size;
  const vals = keysOf(new NDArray(cast(arr._node, DTYPES.float64))).k1;
  let max = -1;
  for (let i = 0; i < n; i++) {
    if (vals[i] < 0) throw new ValueError("'list' argument must have no negative elements");
    if (vals[i] > max) max = vals[i];
  }
  const len = Math.max(max + 1, minlength);
  if (weightsArg === undefined || weightsArg === null) {
    const out = emptyArray([len], DTYPES.int64, true);
    const o = out._realized().storage.lanes(DTYPES.int64);
    for (let i = 0; i < n; i++) o[2 * vals[i]]++;
    return out;
  }
  const w = asarray(weightsArg);
  if (w.dtype.kind === "c") throw new NumpyTypeError(`Cannot cast array data from dtype('${w.dtype.name}') to dtype('float64') according to the rule 'safe'`);
  if (w.size !== n) throw new ValueError("The weights and list don't have the same length.");
  const wv = keysOf(new NDArray(cast(ravel(w)._node, DTYPES.float64))).k1;
  const out = emptyArray([len], DTYPES.float64, true);
  const o = out._realized().storage.lanes(DTYPES.float64);
  for (let i = 0; i < n; i++) o[vals[i]] += wv[i];
  return out;
}

// ---- unicode and structured arrays -----------------------------------------------------------------

/** Python/NumPy order of two field values: numbers with NaN last, strings by code point, records and subarrays lexicographically. */
/** NumPy's sort order of two read values (NaN last; records and rows element by element). */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === "string") return compareStr(a, b as string);
  if (typeof a === "number" || typeof a === "boolean") {
    const x = Number(a), y = Number(b);
    const xn = x !== x, yn = y !== y;
    if (xn || yn) return xn === yn ? 0 : xn ? 1 : -1;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === "bigint") return a < (b as bigint) ? -1 : a > (b as bigint) ? 1 : 0;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    for (let i = 0; i < a.length; i++) {
      const c = compareValues(a[i], bb[i]);
      if (c) return c;
    }
    return 0;
  }
  if (a instanceof Uint8Array) {
    const bb = b as Uint8Array;
    for (let i = 0; i < a.length; i++) if (a[i] !== bb[i]) return a[i] - bb[i];
    return 0;
  }
  // complex: [R + Rj, R + nanj, nan + Rj, nan + nanj], then by the parts that are not NaN
  const p = a as { re: number; im: number }, q = b as { re: number; im: number };
  const place = (c: { re: number; im: number }) => (c.re !== c.re ? 2 : 0) + (c.im !== c.im ? 1 : 0);
  return place(p) - place(q) || compareValues(p.re, q.re) || compareValues(p.im, q.im);
}

/** The field order for order=: the named fields first, then the rest in dtype order (NumPy's tie breaking). */
function fieldOrder(dt: StructDType, order: unknown): number[] {
  const names = dt.structFields.map((f) => f.name);
  if (order === undefined || order === null) return names.map((_, i) => i);
  const want = typeof order === "string" ? [order] : Array.isArray(order) ? (order as unknown[]) : null;
  if (!want) throw new ValueError("order must be str or list of str");
  const first = want.map((n) => {
    const i = names.indexOf(String(n));
    if (i < 0) throw new ValueError(`no field of name ${String(n)}`);
    return i;
  });
  if (new Set(first).size !== first.length) throw new ValueError(`duplicate field name in order`);
  return [...first, ...names.map((_, i) => i).filter((i) => !first.includes(i))];
}

/** Stable sort of each last-axis row of a flexible array: writes the sorted records into `out` and/or the indices into `idxOut`. */
function sortFlexibleRows(moved: NDArray, out: NDArray | null, idxOut: NDArray | null, order: unknown): void {
  const dt = moved.dtype, size = moved.size, n = moved.shape[moved.ndim - 1] ?? 1;
  if (size === 0) return;
  const read = moved._elementReader(true);
  const vals: unknown[] = new Array(size);
  for (let i = 0; i < size; i++) vals[i] = read(i);
  let cmp: (x: unknown, y: unknown) => number;
  if (dt instanceof StructDType && !dt.isPlainVoid) {
    const fo = fieldOrder(dt, order);
    cmp = (x, y) => {
      const p = x as unknown[], q = y as unknown[];
      for (const f of fo) {
        const c = compareValues(p[f], q[f]);
        if (c) return c;
      }
      return 0;
    };
  } else cmp = compareValues;
  const perm = new Int32Array(size);
  for (let r = 0; r < size; r += n) {
    const row = Array.from({ length: n }, (_, k) => r + k);
    row.sort((i, j) => cmp(vals[i], vals[j]) || i - j);
    row.forEach((v, k) => (perm[r + k] = v));
  }
  if (idxOut) {
    const o = idxOut._realized().storage.lanes(DTYPES.int64);
    for (let i = 0; i < size; i++) {
      o[2 * i] = perm[i] - (i - (i % n));
      o[2 * i + 1] = 0;
    }
  }
  if (out) {
    const { storage, view } = moved._realized();
    const offs = new Float64Array(size);
    forEachOffset(view, (off, k) => (offs[k] = off));
    const src = storage.bytes, dst = out._realized().storage.bytes, w = dt.itemsize;
    for (let i = 0; i < size; i++) dst.set(src.subarray(offs[perm[i]] * w, offs[perm[i]] * w + w), i * w);
  }
}
