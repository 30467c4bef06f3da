/** @file Shared plumbing for np.random: NumPy-style argument parsing, output arrays written lane by lane, strided swaps for shuffle. */
import "../methods.js";
import { DTYPES, parseDType, type DType, type LaneArray } from "../../runtime/dtype.js";
import { ValueError, NumpyTypeError } from "../../runtime/errors.js";
import { readElement, type JSScalar } from "../../runtime/scalar.js";
import { asarray, isOptions, type ArrayLike } from "../convert.js";
import { beforeWrite, emptyArray, NDArray } from "../ndarray.js";
import { broadcast_to } from "../shape-ops.js";
import { broadcastShapes } from "../ufunc/ufunc.js";

export type Size = number | readonly number[] | null | undefined;

/** Positional arguments by name plus a trailing options object (API.md); null stands for Python's None. */
export function parseArgs(args: readonly unknown[], names: readonly string[], fn: string): Record<string, unknown> {
  const a = [...args];
  const opts = a.length && isOptions(a[a.length - 1]) ? (a.pop() as Record<string, unknown>) : {};
  if (a.length > names.length) throw new NumpyTypeError(`${fn}() takes at most ${names.length} positional arguments (${a.length} given)`);
  const out: Record<string, unknown> = {};
  names.forEach((n, i) => {
    if (a[i] !== undefined && a[i] !== null) out[n] = a[i];
  });
  for (const [k, v] of Object.entries(opts)) {
    if (!names.includes(k)) throw new NumpyTypeError(`${fn}() got an unexpected keyword argument '${k}'`);
    if (k in out) throw new NumpyTypeError(`${fn}() got multiple values for argument '${k}'`);
    if (v !== undefined && v !== null) out[k] = v;
  }
  return out;
}

/** `size` as a shape; null when NumPy would return a scalar. */
export function sizeShape(size: unknown): number[] | null {
  if (size === undefined || size === null) return null;
  if (typeof size === "number") {
    if (!Number.isInteger(size)) throw new NumpyTypeError("'float' object cannot be interpreted as an integer");
    if (size < 0) throw new ValueError("negative dimensions are not allowed");
    return [size];
  }
  if (Array.isArray(size)) {
    const s = size.map(Number);
    if (s.some((n) => !Number.isInteger(n))) throw new NumpyTypeError("'float' object cannot be interpreted as an integer");
    if (s.some((n) => n < 0)) throw new ValueError("negative dimensions are not allowed");
    return s;
  }
  throw new NumpyTypeError(`expected a sequence of integers or a single integer, got '${String(size)}'`);
}

export const prod = (s: readonly number[]) => s.reduce((p, n) => p * n, 1);

/** A fresh contiguous array and its lane array (element i at lane i, or lanes 2i/2i+1 for 64-bit ints). */
export function newOut(shape: readonly number[], dtype: DType): { arr: NDArray; lanes: LaneArray } {
  const arr = emptyArray(shape, dtype, false);
  return { arr, lanes: arr._realized().storage.lanes(dtype) };
}

export function floatDType(dtype: unknown, fn: string): DType {
  const dt = dtype === undefined ? DTYPES.float64 : parseDType(dtype);
  if (dt !== DTYPES.float64 && dt !== DTYPES.float32) throw new NumpyTypeError(`Unsupported dtype ${dt.repr()} for ${fn}`);
  return dt;
}

/** A scalar or array parameter of a continuous distribution, as float64 values broadcast to the output shape. */
export interface Param {
  scalar: number | null;
  arr: NDArray | null;
}

export function param(x: unknown, dflt: number): Param {
  if (x === undefined || x === null) return { scalar: dflt, arr: null };
  if (typeof x === "number") return { scalar: x, arr: null };
  if (typeof x === "boolean" || typeof x === "bigint") return { scalar: Number(x), arr: null };
  const a = asarray(x as ArrayLike, { dtype: "float64" });
  if (a.ndim === 0) return { scalar: a._elementReader()(0) as number, arr: null };
  return { scalar: null, arr: a };
}

/**
 * NumPy's `cont`: one draw per output element in C order; array parameters broadcast with each
 * other and, when given, to `size`. Returns a JS number when every parameter is a scalar and size is None.
 */
export function cont(size: unknown, params: Param[], check: (vals: number[]) => void, draw: (vals: number[]) => number, dtype: DType = DTYPES.float64): NDArray | number {
  const shape = sizeShape(size);
  if (params.every((p) => p.scalar !== null)) {
    const vals = params.map((p) => p.scalar!);
    check(vals);
    if (shape === null) return draw(vals);
    const { arr, lanes } = newOut(shape, dtype);
    const n = prod(shape);
    for (let i = 0; i < n; i++) lanes[i] = draw(vals);
    return arr;
  }
  const pshape = broadcastShapes(...params.map((p) => (p.arr ? p.arr.shape : [])));
  let outShape = pshape;
  if (shape !== null) {
    const b = broadcastShapes(shape, pshape);
    if (b.length !== shape.length || b.some((n, i) => n !== shape[i])) throw new ValueError(`shape mismatch: objects cannot be broadcast to a single shape.`);
    outShape = shape;
  }
  const readers = params.map((p) => (p.arr ? broadcast_to(p.arr, outShape)._elementReader() : null));
  const n = prod(outShape);
  const vals = params.map((p) => p.scalar ?? 0);
  // NumPy validates every parameter value before drawing any
  for (let i = 0; i < n; i++) {
    readers.forEach((r, k) => r && (vals[k] = r(i) as number));
    check(vals);
  }
  const { arr, lanes } = newOut(outShape, dtype);
  for (let i = 0; i < n; i++) {
    readers.forEach((r, k) => r && (vals[k] = r(i) as number));
    lanes[i] = draw(vals);
  }
  return arr;
}

/** Whole-element swap of sub-arrays i and j along axis 0 of `a` (in place, NumPy's shuffle). */
export function swapperAxis0(a: NDArray): (i: number, j: number) => void {
  const { storage, view } = a._realized();
  beforeWrite(storage);
  const dt = a.dtype, L = dt.lanes;
  const lanes = storage.lanes(dt);
  const inner = view.shape.slice(1), innerStrides = view.strides.slice(1), s0 = view.strides[0];
  const m = prod(inner);
  // element offsets of one sub-array, relative to its start
  const rel = new Array<number>(m);
  for (let f = 0; f < m; f++) {
    let off = 0, r = f;
    for (let d = inner.length - 1; d >= 0; d--) {
      const k = r % inner[d];
      r = (r - k) / inner[d];
      off += k * innerStrides[d];
    }
    rel[f] = off;
  }
  return (i: number, j: number) => {
    const bi = view.offset + i * s0, bj = view.offset + j * s0;
    for (let f = 0; f < m; f++) {
      const pi = (bi + rel[f]) * L, pj = (bj + rel[f]) * L;
      for (let l = 0; l < L; l++) {
        const t = lanes[pi + l];
        lanes[pi + l] = lanes[pj + l];
        lanes[pj + l] = t;
      }
    }
  };
}

/** The C-order values of an array as JS scalars (numbers; int64 beyond 2**53 as bigints). */
export function valuesOf(a: NDArray): JSScalar[] {
  const r = a._elementReader();
  const out: JSScalar[] = [];
  for (let i = 0; i < a.size; i++) out.push(r(i));
  return out;
}

export { readElement };

/** Store a non-negative integral double as int64 lanes (lo, hi); 2**63 and above saturate at INT64_MAX as NumPy's clamps do. */
export function putInt64(lanes: Int32Array, i: number, v: number): void {
  if (v >= 9223372036854775807) {
    lanes[2 * i] = -1;
    lanes[2 * i + 1] = 0x7fffffff;
    return;
  }
  const hi = Math.floor(v / 4294967296);
  lanes[2 * i] = v - hi * 4294967296;
  lanes[2 * i + 1] = hi;
}

/** A drawn int64 as NumPy hands back a scalar: a number, or a bigint beyond 2**53. */
export function int64Scalar(v: number): number | bigint {
  if (v >= 9223372036854775807) return 9223372036854775807n;
  return Math.abs(v) <= Number.MAX_SAFE_INTEGER ? v : BigInt(v);
}

/** NumPy's `disc`: as `cont`, but the draws are int64. */
export function disc(size: unknown, params: Param[], check: (vals: number[]) => void, draw: (vals: number[]) => number): NDArray | number | bigint {
  const shape = sizeShape(size);
  if (shape === null && params.every((p) => p.scalar !== null)) {
    const vals = params.map((p) => p.scalar!);
    check(vals);
    return int64Scalar(draw(vals));
  }
  // draw into a float64 array through cont, then narrow: every draw is an integral double
  const f = cont(size ?? null, params, check, draw) as NDArray | number;
  const src = typeof f === "number" ? Float64Array.of(f) : (f._realized().storage.lanes(DTYPES.float64) as Float64Array);
  const outShape = typeof f === "number" ? [] : f.shape;
  const { arr, lanes } = newOut(outShape, DTYPES.int64);
  for (let i = 0; i < src.length && i < prod(outShape); i++) putInt64(lanes as Int32Array, i, src[i]);
  return arr;
}

/** NumPy's CONS_NON_NEGATIVE: a sign bit set (including -0.0) fails, NaN passes. */
export const signbit = (v: number) => v < 0 || Object.is(v, -0);

/**
 * NumPy's `check_output`: `out` must be an ndarray, contiguous (C only when `requireC`) and
 * writeable, of `dtype`, and of shape `size` when both are given. Returns the lanes and the
 * element range out's memory occupies, after realizing every pending reader of that memory.
 */
export function checkOut(out: unknown, dtype: DType, size: unknown, requireC: boolean): { arr: NDArray; lanes: LaneArray; start: number } {
  if (!(out instanceof NDArray)) throw new NumpyTypeError(`Cannot convert ${Array.isArray(out) ? "list" : typeof out} to numpy.ndarray`);
  const f = out.flags;
  if (!f.writeable || !(f.c_contiguous || (f.f_contiguous && !requireC)) || !out.dtype.isnative) {
    throw new ValueError(`Supplied output array must be ${requireC ? "C-" : ""}contiguous, writable, aligned, and in machine byte-order.`);
  }
  if (out.dtype !== dtype) throw new NumpyTypeError(`Supplied output array has the wrong type. Expected ${dtype.name}, got ${out.dtype.name}`);
  const shape = sizeShape(size);
  if (shape !== null && (shape.length !== out.ndim || shape.some((n, i) => n !== out.shape[i]))) throw new ValueError("size must match out.shape when used together");
  const { storage, view } = out._realized();
  beforeWrite(storage);
  // a contiguous view's elements fill [lowest offset, +size) in memory order, which is what NumPy fills
  let start = view.offset;
  view.strides.forEach((s, d) => {
    if (s < 0 && view.shape[d] > 0) start += s * (view.shape[d] - 1);
  });
  return { arr: out, lanes: storage.lanes(dtype), start };
}
