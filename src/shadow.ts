/**
 * @file Arrays over elements typed arrays cannot address in place: a field of packed records (an
 * `f8` at byte 44), a big-endian array, or an as_strided view of either. Each
 * is an array over a packed, aligned, native-order shadow of the elements that runtime/mirror.ts
 * keeps in step with the bytes it mirrors, and it reports NumPy's strides: those of its elements
 * among the mirrored bytes.
 */
import { loadStorage } from "../compiler/ir/node.js";
import { contiguousView, forEachOffset, isCContiguous, isFContiguous, prod, viewExtent, type View } from "../compiler/ir/view.js";
import type { DType } from "../runtime/dtype.js";
import { ValueError } from "../runtime/errors.js";
import { swapUnits, swapWidth } from "../runtime/io/bytes.js";
import { addShadow, moveElements } from "../runtime/mirror.js";
import { allocStorage, type Storage } from "../runtime/storage.js";
import { NDArray } from "./ndarray.js";

/**
 * An array of `dtype` whose elements are `width` bytes each at byte offsets `layout` of `parent`
 * (`layout` in bytes; `dtype` may be big-endian, or a subarray field's base with `extra` trailing
 * dims inside each element). `base` is what NumPy reports as its base.
 */
export function shadowArray(parent: Storage, layout: View, width: number, dtype: DType, extra: readonly number[], base: NDArray | null): NDArray {
  const n = prod(layout.shape);
  const unit = dtype.isnative ? 1 : swapWidth(dtype);
  const shadow = allocStorage(Math.max(n * width, 1), false);
  // in elements: whole ones when the elements lie packed together (a big-endian array's own bytes)
  const elems: View = { shape: layout.shape, strides: layout.strides.map((s) => s / width), offset: layout.offset / width };
  const dense = !extra.length && width === dtype.itemsize && Number.isInteger(elems.offset) && (n === 0 || isCContiguous(elems) || isFContiguous(elems));
  let move: (toShadow: boolean) => void;
  let shadowView: View;
  let toParent: ((v: View) => View) | undefined;
  if (dense) {
    // the shadow keeps the layout, and the bytes move as one range
    const len = n * width;
    move = (toShadow) => {
      const from = toShadow ? parent.bytes.subarray(layout.offset, layout.offset + len) : shadow.bytes.subarray(0, len);
      const to = toShadow ? shadow.bytes.subarray(0, len) : parent.bytes.subarray(layout.offset, layout.offset + len);
      to.set(from);
      swapUnits(to, unit);
    };
    shadowView = { shape: [...layout.shape], strides: elems.strides, offset: 0 };
    toParent = (v) => ({ shape: v.shape, strides: v.strides, offset: v.offset + elems.offset });
  } else {
    const at: number[] = [];
    forEachOffset(layout, (off) => at.push(off));
    move = (toShadow) => moveElements(parent.bytes, shadow.bytes, at, width, toShadow, unit);
    shadowView = contiguousView([...layout.shape, ...extra]);
  }
  // the bytes the elements cover, for np.shares_memory
  const region: View = { shape: [...layout.shape, width], strides: [...layout.strides, 1], offset: layout.offset };
  addShadow(shadow, { parent, region, toParent, dirty: false, fresh: false, gather: () => move(true), scatter: () => move(false) });
  const out = new NDArray(loadStorage(shadow, shadowView, dtype.native));
  if (!dtype.isnative) out._shown = dtype;
  // NumPy's layout: a subarray's trailing dims are packed inside each element
  const inner: number[] = [];
  let acc = dtype.itemsize;
  for (let i = extra.length - 1; i >= 0; i--) {
    inner[i] = acc;
    acc *= extra[i];
  }
  out._parentLayout = { shape: [...layout.shape, ...extra], strides: [...layout.strides, ...inner], offset: layout.offset };
  out._shadowOf = base;
  return out;
}

/** The storage a shadow array's elements live in, or null when `a` computes on its own memory. */
export function mirroredStorage(a: NDArray): Storage | null {
  const owner = a._owner ?? a;
  return owner._parentLayout ? a._realized().storage.mirror!.parent : null;
}

/**
 * as_strided of a shadow array: the requested elements of the memory it mirrors (byte strides as
 * NumPy's), through a new shadow; refused when one would reach outside that memory.
 */
export function stridedShadow(a: NDArray, shape: readonly number[], byteStrides: readonly number[], writeable: boolean): NDArray {
  const parent = mirroredStorage(a)!;
  const size = a.itemsize;
  const layout: View = { shape: [...shape], strides: [...byteStrides], offset: a._byteLayout().offset };
  const ext = viewExtent(layout);
  if (ext && (ext[0] < 0 || ext[1] + size > parent.byteLength)) {
    throw new ValueError("as_strided: the requested view reaches outside the array's memory");
  }
  const out = shadowArray(parent, layout, size, a.dtype, [], a);
  out._writeable = writeable && a.flags.writeable;
  return out;
}
