/**
 * @file Arrays in big-endian byte order (dtype ">i4", ">f8", ">c16"). Their bytes stay big-endian
 * wherever bytes are shared or leave the array (np.frombuffer's buffer, tobytes, np.save, views as
 * other dtypes); kernels compute on a native-order shadow of them (src/shadow.ts) kept in step both
 * ways. IR nodes only ever carry native dtypes, so results of computations are native,
 * as NumPy's ufuncs and reductions give; copies that keep the dtype (copy, astype, sort, take,
 * ...) are made big-endian again where NumPy keeps the byte order.
 */
import { cast } from "../compiler/ir/node.js";
import { forEachOffset, type View } from "../compiler/ir/view.js";
import type { DType } from "../runtime/dtype.js";
import { ValueError } from "../runtime/errors.js";
import { byteswapBytes, swappedParts, swapUnits, swapWidth } from "../runtime/io/bytes.js";
import { shadowArray } from "./shadow.js";
import { afterWrite, beforeWrite, emptyArray, NDArray } from "./ndarray.js";
import { layoutBytes } from "./io/npy.js";

/**
 * A big-endian array of `dt` over `raw`'s memory: `raw` is a realized array of `dt.native` whose
 * elements hold big-endian numbers. `base` is the array NumPy would report as the result's base
 * (null when the result owns its data).
 */
export function overBigEndian(raw: NDArray, dt: DType, base: NDArray | null): NDArray {
  const { storage, view } = raw._realized();
  const size = dt.itemsize;
  const out = shadowArray(storage, { shape: [...view.shape], strides: view.strides.map((s) => s * size), offset: view.offset * size }, size, dt, [], base);
  out._raw = raw;
  out._writeable = raw.flags.writeable;
  return out;
}

/** `a`'s values as a new C-ordered array of the big-endian dtype `dt`. */
export function toBigEndian(a: NDArray, dt: DType): NDArray {
  const values = new NDArray(cast(a._node, dt.native));
  const raw = emptyArray(a.shape, dt.native, false);
  const bytes = raw._realized().storage.bytes.subarray(0, a.size * dt.itemsize);
  bytes.set(layoutBytes(values, false).bytes);
  swapUnits(bytes, swapWidth(dt));
  return overBigEndian(raw, dt, null);
}

/** `result` (computed from data of dtype `dt`) in `dt`'s byte order, where NumPy's result keeps it. */
export function keepByteOrder(result: NDArray, dt: DType): NDArray {
  if (dt.isnative || !result.dtype.isnative) return result;
  // (an unsized ">U" takes its length from the data and, as in NumPy, native order)
  return result.dtype === dt.native ? toBigEndian(result, dt) : result;
}

/**
 * `f` of `a`'s values in native order, made big-endian again when `a` is: for functions whose result
 * keeps the input's dtype in NumPy and are written for native arrays.
 */
export function inNativeOrder(a: NDArray, f: (x: NDArray) => NDArray): NDArray {
  return a.dtype.isnative ? f(a) : keepByteOrder(f(a.astype(a.dtype.native)), a.dtype);
}

/**
 * The array of `a.dtype.native` over a big-endian array's bytes, with `a`'s layout: views of `a` as
 * another dtype start from it.
 */
export function rawOf(a: NDArray): NDArray {
  const owner = a._owner ?? a;
  const raw = owner._raw;
  if (!raw) throw new ValueError("numfuse: this big-endian array (a field of packed records, or a memmap) cannot be viewed as another dtype; view a copy of it instead");
  if (owner === a) return raw;
  const maps = a._maps;
  return raw._makeView((v) => maps.reduce<View | null>((w, m) => w && m(w), v), a.shape);
}

/**
 * a.byteswap(inplace = false): every element's bytes reversed (each part of a complex, each code
 * point of a string, each field of a record), the dtype unchanged, as NumPy. In place, it writes
 * `a`'s memory (views see it) and returns `a`.
 */
export function byteswap(a: NDArray, inplace: boolean | { inplace?: boolean } = false): NDArray {
  const inPlace = typeof inplace === "boolean" ? inplace : inplace.inplace ?? false;
  const dt = a.dtype, size = dt.itemsize;
  if (!inPlace) {
    const out = emptyArray(a.shape, dt.native, false);
    const dst = out._realized().storage.bytes.subarray(0, a.size * size);
    dst.set(layoutBytes(a, false).bytes);
    byteswapBytes(dst, dt);
    return dt.isnative ? out : overBigEndian(out, dt, null);
  }
  if (!a.flags.writeable) throw new ValueError("array to be byte-swapped is read-only");
  // a big-endian array swaps its native shadow: the new values reach its bytes through the mirror
  const { storage, view } = a._realized();
  beforeWrite(storage);
  const parts = swappedParts(dt);
  if (!parts.length || a.size === 0) return a;
  const bytes = storage.bytes;
  forEachOffset(view, (off) => {
    const at = off * size;
    for (const [o, w] of parts) bytes.subarray(at + o, at + o + w).reverse();
  });
  afterWrite(storage);
  return a;
}
