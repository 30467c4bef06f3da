/** @file np.packbits / np.unpackbits: bits of integer or boolean data packed into uint8 along an axis (big or little bit order), and back. */
import { DTYPES } from "../runtime/dtype.js";
import { NumpyTypeError, ValueError } from "../runtime/errors.js";
import { kwargs } from "./args.js";
import { asarray, type ArrayLike } from "./convert.js";
import { ascontiguousarray } from "./memory.js";
import { emptyArray, type NDArray } from "./ndarray.js";
import { normalizeAxis } from "./reductions.js";
import { moveaxis, ravel } from "./shape-ops.js";

function bitOrder(order: unknown): "big" | "little" {
  if (order === undefined || order === null || order === "big") return "big";
  if (order === "little") return "little";
  throw new ValueError("'order' must be either 'little' or 'big'");
}

/** `a` with `axis` last, as contiguous rows (None flattens), plus how to put the axis back. */
function rows(a: NDArray, axis: number | null | undefined): { data: NDArray; axis: number } {
  if (axis === undefined || axis === null) return { data: ascontiguousarray(ravel(a)), axis: 0 };
  const ax = normalizeAxis(axis, a.ndim);
  return { data: ascontiguousarray(moveaxis(a, ax, -1)), axis: ax };
}

/** The rows' values read as numbers (contiguous data of any integer or bool dtype). */
function reader(a: NDArray): (i: number) => number {
  const read = a._elementReader();
  return (i) => Number(read(i));
}

export function packbits(a: ArrayLike, ...args: unknown[]): NDArray {
  const opts = kwargs<{ axis?: number | null; bitorder?: string }>("packbits", args, ["axis", "bitorder"]);
  const arr = asarray(a);
  if (arr.dtype.kind !== "b" && arr.dtype.kind !== "i" && arr.dtype.kind !== "u") {
    throw new NumpyTypeError("Expected an input array of integer or boolean data type");
  }
  const order = bitOrder(opts.bitorder);
  const { data, axis } = rows(arr, opts.axis);
  const n = data.shape[data.ndim - 1] ?? 1;
  const m = Math.ceil(n / 8);
  const outer = n === 0 ? data.size : data.size / n;
  const outShape = [...data.shape.slice(0, -1), m];
  const out = emptyArray(outShape, DTYPES.uint8, true);
  const bytes = out._realized().storage.bytes;
  const get = reader(data);
  for (let r = 0; r < outer; r++) {
    for (let i = 0; i < n; i++) {
      if (get(r * n + i) !== 0) bytes[r * m + (i >> 3)] |= order === "big" ? 0x80 >> (i & 7) : 1 << (i & 7);
    }
  }
  return opts.axis === undefined || opts.axis === null ? out : ascontiguousarray(moveaxis(out, -1, axis));
}

export function unpackbits(a: ArrayLike, ...args: unknown[]): NDArray {
  const opts = kwargs<{ axis?: number | null; count?: number | null; bitorder?: string }>("unpackbits", args, ["axis", "count", "bitorder"]);
  const arr = asarray(a);
  if (arr.dtype.name !== "uint8") throw new NumpyTypeError("Expected an input array of unsigned byte data type");
  const order = bitOrder(opts.bitorder);
  const { data, axis } = rows(arr, opts.axis);
  const n = data.shape[data.ndim - 1] ?? 1;
  const bits = n * 8;
  let count = opts.count ?? bits;
  if (count < 0) count = Math.max(bits + count, 0);
  const outer = n === 0 ? 0 : data.size / n;
  const outShape = [...data.shape.slice(0, -1), count];
  const out = emptyArray(outShape, DTYPES.uint8, true);
  const dst = out._realized().storage.bytes;
  const get = reader(data);
  for (let r = 0; r < outer; r++) {
    for (let i = 0; i < Math.min(count, bits); i++) {
      const byte = get(r * n + (i >> 3));
      dst[r * count + i] = (order === "big" ? byte >> (7 - (i & 7)) : byte >> (i & 7)) & 1;
    }
  }
  return opts.axis === undefined || opts.axis === null ? out : ascontiguousarray(moveaxis(out, -1, axis));
}
