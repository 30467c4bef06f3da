/** @file np.lib.stride_tricks: as_strided (bounds-checked: never a view outside the memory) and sliding_window_view, zero-copy views whose reductions fuse into one kernel. */
import { viewExtent, type View } from "../compiler/ir/view.js";
import { ValueError } from "../runtime/errors.js";
import { asarray, type ArrayLike } from "./convert.js";
import type { NDArray } from "./ndarray.js";
import { normalizeAxis } from "./reductions.js";
import { mirroredStorage, stridedShadow } from "./shadow.js";

/**
 * A view of `x`'s memory with the given shape and byte strides (NumPy's as_strided). Unlike
 * NumPy, a view that could reach outside the memory `x` lives in is refused (ValueError), so it
 * never reads or writes out of bounds; strides must be multiples of the itemsize.
 */
export function as_strided(x: ArrayLike, opts: { shape?: readonly number[]; strides?: readonly number[]; writeable?: boolean } = {}): NDArray {
  const a = asarray(x);
  const { storage, view } = a._realized();
  const size = a.itemsize;
  const shape = [...(opts.shape ?? a.shape)];
  const byteStrides = [...(opts.strides ?? a.strides)];
  if (shape.length !== byteStrides.length) throw new ValueError("mismatch in length of strides and shape");
  if (shape.some((n) => !Number.isInteger(n) || n < 0)) throw new ValueError("negative dimensions are not allowed");
  // a packed-record field (or a gapped big-endian array) views the records' own bytes, as NumPy's
  if (mirroredStorage(a)) {
    if (byteStrides.some((s) => !Number.isInteger(s))) throw new ValueError("strides must be integers");
    return stridedShadow(a, shape, byteStrides, opts.writeable ?? true);
  }
  if (byteStrides.some((s) => !Number.isInteger(s) || s % size !== 0)) {
    throw new ValueError(`strides must be multiples of the itemsize (${size}) in numfuse`);
  }
  const target: View = { shape, strides: byteStrides.map((s) => s / size), offset: view.offset };
  const ext = viewExtent(target);
  const elements = Math.floor(storage.byteLength / size);
  if (ext && (ext[0] < 0 || ext[1] >= elements)) {
    throw new ValueError("as_strided: the requested view reaches outside the array's memory");
  }
  const v = a._makeView(() => target, shape);
  v._writeable = (opts.writeable ?? true) && a.flags.writeable;
  return v;
}

/** NumPy's sliding_window_view: windows along `axis` (or every axis) as trailing dims, read-only unless `writeable`. */
export function sliding_window_view(x: ArrayLike, window_shape: number | readonly number[], opts: { axis?: number | readonly number[] | null; writeable?: boolean } = {}): NDArray {
  const a = asarray(x);
  const win = typeof window_shape === "number" ? [window_shape] : [...window_shape];
  if (win.some((w) => w < 0)) throw new ValueError("`window_shape` cannot contain negative values");
  let axes: number[];
  if (opts.axis === undefined || opts.axis === null) {
    if (win.length !== a.ndim) {
      throw new ValueError(`Since axis is \`None\`, must provide window_shape for all dimensions of \`x\`; got ${win.length} window_shape elements and \`x.ndim\` is ${a.ndim}.`);
    }
    axes = a.shape.map((_, i) => i);
  } else {
    const list = typeof opts.axis === "number" ? [opts.axis] : [...opts.axis];
    axes = list.map((ax) => normalizeAxis(ax, a.ndim));
    if (win.length !== axes.length) {
      throw new ValueError(`Must provide matching length window_shape and axis; got ${win.length} window_shape elements and ${axes.length} axes elements.`);
    }
  }
  const outShape = [...a.shape];
  axes.forEach((ax, k) => {
    if (outShape[ax] < win[k]) throw new ValueError("window shape cannot be larger than input array shape");
    outShape[ax] -= win[k] - 1;
  });
  const shape = [...outShape, ...win];
  const v = a._makeView((view: View) => ({ shape, strides: [...view.strides, ...axes.map((ax) => view.strides[ax])], offset: view.offset }), shape);
  v._writeable = (opts.writeable ?? false) && a.flags.writeable;
  return v;
}
