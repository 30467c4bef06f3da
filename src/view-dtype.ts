/** @file Views of the same bytes as another dtype: a.view(dtype), and the real/imag views of complex arrays. */
import { loadStorage } from "../compiler/ir/node.js";
import type { View } from "../compiler/ir/view.js";
import type { DType } from "../runtime/dtype.js";
import { ValueError } from "../runtime/errors.js";
import { NDArray } from "./ndarray.js";
import { overBigEndian, rawOf } from "./byteorder.js";

/**
 * `v` (in elements of `from`) re-read as elements of `to`, as NumPy's dtype setter does; with
 * `part` (0 or 1), the real or imaginary lane of each complex element (same shape).
 */
function reinterpret(v: View, from: DType, to: DType, part?: 0 | 1): View {
  const old = from.itemsize, size = to.itemsize;
  const byteStrides = v.strides.map((s) => s * old);
  const byteOffset = v.offset * old + (part ? size : 0);
  const shape = [...v.shape];
  if (part === undefined && size !== old) {
    const nd = shape.length;
    if (nd === 0) throw new ValueError("Changing the dtype of a 0d array is only supported if the itemsize is unchanged");
    const n = shape[nd - 1];
    if (n !== 1 && shape.every((d) => d !== 0) && byteStrides[nd - 1] !== old) {
      throw new ValueError("To change to a dtype of a different size, the last axis must be contiguous");
    }
    const bytes = n * old;
    if (size < old && old % size !== 0) {
      throw new ValueError("When changing to a smaller dtype, its size must be a divisor of the size of original dtype");
    }
    if (bytes % size !== 0) {
      throw new ValueError("When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.");
    }
    shape[nd - 1] = bytes / size;
    byteStrides[nd - 1] = size;
  }
  // typed-array lanes need aligned element offsets (NumPy would allow an unaligned view here)
  if (byteOffset % size !== 0 || byteStrides.some((s) => s % size !== 0)) {
    throw new ValueError("the view's strides are not a multiple of the new itemsize");
  }
  return { shape, strides: byteStrides.map((s) => s / size), offset: byteOffset / size };
}

/**
 * Reinterpret `a`'s memory as `dt`. The result is a view of `a`'s owner whose last map is the
 * reinterpretation, so views of it (reshape, slicing) compose in the right element units.
 */
export function viewAs(a: NDArray, dt: DType, part?: 0 | 1): NDArray {
  if (a.dtype.isnative && dt.isnative) return viewNative(a, dt, part);
  // big-endian on either side: view the bytes themselves, then read them big-endian if asked
  const bytes = viewNative(a.dtype.isnative ? a : rawOf(a), dt.native, part);
  return dt.isnative ? bytes : overBigEndian(bytes, dt, a);
}

function viewNative(a: NDArray, dt: DType, part?: 0 | 1): NDArray {
  const { storage, view } = a._realized();
  const v = reinterpret(view, a.dtype, dt, part);
  const from = a.dtype;
  const owner = a._owner ?? a;
  const out = new NDArray(loadStorage(storage, v, dt), owner, [...a._maps, (w: View) => reinterpret(w, from, dt, part)]);
  out._writeable = a._writeable;
  return out;
}
