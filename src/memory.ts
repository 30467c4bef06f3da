/** @file Memory introspection and layout copies: np.shares_memory, np.may_share_memory (exact and bounds tests on the bytes each view can touch), np.ascontiguousarray, np.asfortranarray, np.copy(order). */
import { cast, contiguous, loadStorage } from "../compiler/ir/node.js";
import { permute } from "../compiler/ir/movement.js";
import { forEachOffset, isCContiguous, isFContiguous, prod, type View } from "../compiler/ir/view.js";
import { parseDType } from "../runtime/dtype.js";
import { ValueError } from "../runtime/errors.js";
import type { Storage } from "../runtime/storage.js";
import { asarray, type ArrayLike } from "./convert.js";
import { NDArray } from "./ndarray.js";
import { keepByteOrder } from "./byteorder.js";

/** Where an array's bytes are (or will be): a key for the memory, and its byte offsets in it. */
interface Extent {
  /** the buffer (realized) or the lazy owner whose memory it will be */
  mem: object;
  base: number;
  view: View;
  itemsize: number;
}

function extent(a: NDArray): Extent | null {
  if (a.size === 0) return null;
  if (a.isRealized) {
    const { storage, view } = a._node.loadArg as { storage: Storage; view: View };
    // a shadow stands for the parent bytes it mirrors: element for element when it keeps their
    // layout (big-endian arrays), else all of them, for views of it too (packed fields, memmap slices)
    const m = storage.mirror;
    if (m?.toParent) return { mem: m.parent.buffer, base: m.parent.byteOffset, view: m.toParent(view), itemsize: a.itemsize };
    if (m) return { mem: m.parent.buffer, base: m.parent.byteOffset, view: m.region, itemsize: 1 };
    return { mem: storage.buffer, base: storage.byteOffset, view, itemsize: a.itemsize };
  }
  // a lazy array has no memory yet; a view of a lazy owner will live in its owner's memory
  const owner = a._owner;
  if (!owner) return { mem: a, base: 0, view: a._layout(), itemsize: a.itemsize };
  if (owner.isRealized) return extent(owner) && { ...extent(owner)!, view: a._layout(), itemsize: a.itemsize };
  return { mem: owner, base: 0, view: a._layout(), itemsize: a.itemsize };
}

/** [first byte, last byte + 1) the view can touch */
function bounds(e: Extent): [number, number] {
  let lo = e.view.offset, hi = e.view.offset;
  e.view.shape.forEach((n, i) => {
    const s = e.view.strides[i] * (n - 1);
    if (s < 0) lo += s;
    else hi += s;
  });
  return [e.base + lo * e.itemsize, e.base + hi * e.itemsize + e.itemsize];
}

/** every element's first byte, sorted: the exact set of byte intervals a view touches */
function starts(e: Extent): Float64Array {
  const out = new Float64Array(prod(e.view.shape));
  forEachOffset(e.view, (off, k) => {
    out[k] = e.base + off * e.itemsize;
  });
  return out.sort();
}

function overlapExact(x: Extent, y: Extent): boolean {
  const a = starts(x), b = starts(y);
  // two sorted interval lists: sweep, advancing whichever interval ends first
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    const ae = a[i] + x.itemsize, be = b[j] + y.itemsize;
    if (a[i] < be && b[j] < ae) return true;
    if (ae <= be) i++;
    else j++;
  }
  return false;
}

function share(a: unknown, b: unknown, exact: boolean): boolean {
  // anything that is not an NDArray becomes a new array: it shares nothing
  if (!(a instanceof NDArray) || !(b instanceof NDArray)) {
    asarray(a as ArrayLike);
    asarray(b as ArrayLike);
    return false;
  }
  const x = extent(a), y = extent(b);
  if (!x || !y || x.mem !== y.mem) return false;
  const [alo, ahi] = bounds(x), [blo, bhi] = bounds(y);
  if (alo >= bhi || blo >= ahi) return false;
  return exact ? overlapExact(x, y) : true;
}

/** np.shares_memory(a, b, {max_work}): whether some byte is reachable from both (exact unless max_work is 0). */
export function shares_memory(a: unknown, b: unknown, opts: { max_work?: number | null } = {}): boolean {
  return share(a, b, opts.max_work !== 0);
}

/** np.may_share_memory(a, b, {max_work}): the bounds test (exact when max_work is -1, as in NumPy). */
export function may_share_memory(a: unknown, b: unknown, opts: { max_work?: number | null } = {}): boolean {
  return share(a, b, opts.max_work !== undefined && opts.max_work !== null && opts.max_work !== 0);
}

export type Order = "C" | "F" | "A" | "K";

/** axes from slowest to fastest varying in memory, as NumPy's K order (stable on ties) */
function keepOrderPerm(a: NDArray): number[] {
  const st = a._layout().strides;
  return st.map((_, i) => i).sort((p, q) => Math.abs(st[q]) - Math.abs(st[p]) || p - q);
}

/** a new owning array with `a`'s values laid out with axes `perm` from slowest to fastest */
function copyInOrder(a: NDArray, perm: number[], dtype = a.dtype): NDArray {
  const t = new NDArray(contiguous(permute(cast(a._node, dtype), perm))).eval();
  const { storage, view } = t._node.loadArg as { storage: Storage; view: View };
  const strides = new Array<number>(perm.length);
  perm.forEach((ax, i) => (strides[ax] = view.strides[i]));
  return keepByteOrder(new NDArray(loadStorage(storage, { shape: a.shape, strides, offset: view.offset }, dtype)), dtype);
}

const identityPerm = (n: number) => Array.from({ length: n }, (_, i) => i);

/** np.copy(a, {order}) ("K" by default, as np.copy): a new array owning its data, with NumPy's strides for the order. */
export function copy(a: ArrayLike, opts: { order?: Order; dtype?: unknown } = {}): NDArray {
  const arr = asarray(a);
  const dtype = opts.dtype !== undefined && opts.dtype !== null ? parseDType(opts.dtype) : arr.dtype;
  let order = (opts.order ?? "K").toUpperCase() as Order;
  if (!["C", "F", "A", "K"].includes(order)) throw new ValueError(`order must be one of 'C', 'F', 'A', or 'K' (got '${opts.order}')`);
  const v = arr._layout();
  if (order === "A") order = isFContiguous(v) && !isCContiguous(v) ? "F" : "C";
  const n = arr.ndim;
  const perm = order === "C" ? identityPerm(n) : order === "F" ? identityPerm(n).reverse() : keepOrderPerm(arr);
  if (perm.every((p, i) => p === i)) {
    // C order stays lazy: a fresh node that owns its result
    return keepByteOrder(new NDArray(contiguous(cast(arr._node, dtype))), dtype);
  }
  return copyInOrder(arr, perm, dtype);
}

/** np.ascontiguousarray(a, {dtype}): `a` itself when already C-contiguous (and of that dtype), else a C copy; at least 1-d. */
export function ascontiguousarray(a: ArrayLike, opts: { dtype?: unknown } = {}): NDArray {
  let arr = asarray(a);
  if (arr.ndim === 0) arr = arr.reshape(1);
  const dtype = opts.dtype !== undefined && opts.dtype !== null ? parseDType(opts.dtype) : arr.dtype;
  if (dtype === arr.dtype && isCContiguous(arr._layout())) return arr;
  return keepByteOrder(new NDArray(contiguous(cast(arr._node, dtype))), dtype);
}

/** np.asfortranarray(a, {dtype}): `a` itself when already F-contiguous (and of that dtype), else an F-ordered copy; at least 1-d. */
export function asfortranarray(a: ArrayLike, opts: { dtype?: unknown } = {}): NDArray {
  let arr = asarray(a);
  if (arr.ndim === 0) arr = arr.reshape(1);
  const dtype = opts.dtype !== undefined && opts.dtype !== null ? parseDType(opts.dtype) : arr.dtype;
  if (dtype === arr.dtype && isFContiguous(arr._layout())) return arr;
  return copyInOrder(arr, identityPerm(arr.ndim).reverse(), dtype);
}
