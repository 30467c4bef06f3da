/** @file Views of the same bytes as another dtype: a.view(dtype), and the real/imag views of complex arrays. */
import { loadStorage } from "../compiler/ir/node.js";
import type { DType } from "../runtime/dtype.js";
import { ValueError } from "../runtime/errors.js";
import { NDArray } from "./ndarray.js";

/**
 * Reinterpret `a`'s memory as `dt`. With `part` (0 or 1) and a complex `a`, the real or
 * imaginary lane of each element (same shape).
 */
export function viewAs(a: NDArray, dt: DType, part?: 0 | 1): NDArray {
  const { storage, view } = a._realized();
  const old = a.dtype.itemsize, size = dt.itemsize;
  const byteStrides = view.strides.map((s) => s * old);
  let byteOffset = view.offset * old + (part ? size : 0);
  let shape = [...view.shape];
  if (part === undefined && size !== old) {
    const nd = shape.length;
    if (nd === 0) throw new ValueError("Changing the dtype of a 0d array is only supported if the itemsize is unchanged");
    if (shape[nd - 1] !== 1 && byteStrides[nd - 1] !== old) {
      throw new ValueError("To change to a dtype of a different size, the last axis must be contiguous");
    }
    const bytes = shape[nd - 1] * old;
    if (bytes % size !== 0) {
      throw new ValueError("When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.");
    }
    shape[nd - 1] = bytes / size;
    byteStrides[nd - 1] = size;
  }
  if (byteOffset % size !== 0 || byteStrides.some((s) => s % size !== 0)) {
    throw new ValueError("the view's strides are not a multiple of the new itemsize");
  }
  const v = { shape, strides: byteStrides.map((s) => s / size), offset: byteOffset / size };
  const out = new NDArray(loadStorage(storage, v, dt), a.base ?? a, []);
  void shape; void byteOffset;
  return out;
}
