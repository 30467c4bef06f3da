/** @file numfuse: NumPy's API for TypeScript, lazy and fused. The package entry: every public name, NumPy-spelled. */
import "./methods.js";
import { NDArray, evalArrays, compileArrays } from "./ndarray.js";
import { ufuncs, ufuncs2 } from "./ufunc/all.js";
import "./ufunc/attach.js";
import { DTYPES, parseDType, type DType } from "../runtime/dtype.js";
import { canCast, promoteTypes, resultType, scalarKind, type Casting } from "../runtime/promotion.js";
import { asarray, isNDArray, type ArrayLike } from "./convert.js";
import type { JSScalar } from "../runtime/scalar.js";
import { arrayRepr, arrayStr } from "./print/format-array.js";
import { printView } from "./methods.js";
import { kernelCacheSize } from "../runtime/compile.js";
import { wasmMemory, wasmStats } from "../runtime/wasm-memory.js";
import { threadCount } from "../runtime/threads.js";

export { NDArray };
export { array, asarray } from "./convert.js";
export * from "./creation.js";
export { sum, prod, mean, std, variance as var, min, max, all, any, argmax, argmin, count_nonzero, ptp } from "./reductions.js";
export { min as amin, max as amax } from "./reductions.js";
export { cumsum, cumprod } from "./accumulate.js";
export { reshape, ravel, transpose, swapaxes, moveaxis, rollaxis, expand_dims, squeeze, broadcast_to, broadcast_arrays } from "./shape-ops.js";
export { real, imag, angle } from "./complex-parts.js";
export { copy, shares_memory, may_share_memory, ascontiguousarray, asfortranarray } from "./memory.js";
export { vectorize, frompyfunc, vectorizePath } from "./vectorize.js";
export { pad } from "./pad.js";
export { packbits, unpackbits } from "./bits.js";
import { as_strided, sliding_window_view } from "./stride-tricks.js";
import { open_memmap } from "./io/memmap.js";
export { memmap, MemMap } from "./io/memmap.js";
/** NumPy's np.lib namespace (the parts numfuse has) */
export const lib = { stride_tricks: { as_strided, sliding_window_view }, format: { open_memmap } };
export { piecewise, apply_along_axis, apply_over_axes } from "./apply.js";
export { meshgrid, indices, mgrid, ogrid } from "./grid.js";
export { insert, delete, append, resize, trim_zeros, unravel_index, ravel_multi_index } from "./edit.js";
export { broadcastShapes as broadcast_shapes } from "./ufunc/ufunc.js";
export { jit } from "./jit.js";
export * as random from "./random/index.js";
export * as testing from "./testing.js";
export { sort, argsort, searchsorted, bincount } from "./sorting.js";
export { unique, unique_all, unique_counts, unique_inverse, unique_values, union1d, intersect1d, setdiff1d, setxor1d, isin } from "./set-ops.js";
export { dot, matmul, vdot, inner, outer, cross } from "./products.js";
export { einsum } from "./einsum.js";
export { save, load, savez, savez_compressed, NpzFile, frombuffer, fromfile, loadtxt, savetxt, KeyError, EOFError, BadZipFile } from "./io/index.js";
export { genfromtxt } from "./io/index.js";
export { fromstring } from "./io/index.js";
export { concatenate, stack, vstack, row_stack, hstack, dstack, column_stack, block, split, array_split, hsplit, vsplit, dsplit, atleast_1d, atleast_2d, atleast_3d, tile, repeat } from "./combine.js";
export { flip, fliplr, flipud, roll, rot90, diagonal, trace, diag, diagflat, tri, tril, triu } from "./rearrange.js";
export { where, select, choose, clip, nan_to_num, isclose, allclose, array_equal, array_equiv } from "./select.js";
export { nonzero, argwhere, flatnonzero, take, take_along_axis, compress, extract, put, put_along_axis, place, putmask } from "./take.js";
export { get_printoptions, set_printoptions, printoptions } from "./print/options.js";
export { ValueError, NumpyTypeError as TypeError, IndexError, AxisError, OverflowError, ZeroDivisionError } from "../runtime/errors.js";
export { counters, resetCounters } from "../runtime/debug.js";
export { StructDType, SubarrayDType, UnicodeDType } from "./structured.js";

// ufuncs under their NumPy names
export const {
  add, subtract, multiply, true_divide, divide, floor_divide, remainder, mod, fmod, power, pow, float_power,
  maximum, minimum, fmax, fmin, arctan2, atan2, hypot, copysign, logaddexp, logaddexp2, heaviside,
  bitwise_and, bitwise_or, bitwise_xor, left_shift, right_shift, bitwise_left_shift, bitwise_right_shift,
  less, less_equal, greater, greater_equal, equal, not_equal, logical_and, logical_or, logical_xor, logical_not,
  negative, positive, absolute, abs, fabs, sign, conjugate, conj, sqrt, cbrt, square, reciprocal,
  exp, exp2, expm1, log, log2, log10, log1p, sin, cos, tan, arcsin, arccos, arctan, asin, acos, atan,
  sinh, cosh, tanh, arcsinh, arccosh, arctanh, asinh, acosh, atanh, deg2rad, rad2deg, floor, ceil, trunc, rint,
  invert, bitwise_not, bitwise_invert, isnan, isinf, isfinite, signbit,
  radians, degrees, ldexp, nextafter, spacing, gcd, lcm, bitwise_count,
} = ufuncs;
export const { divmod, modf, frexp } = ufuncs2;
export { round, round as around, fix } from "./ufunc/rounding.js";

// dtypes
export const { bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float32, float64, complex64, complex128 } = DTYPES;
export const bool_ = DTYPES.bool;
export const { float16 } = DTYPES;
export const half = DTYPES.float16;
export const newaxis = null;
export const nan = NaN;
export const inf = Infinity;
export const pi = Math.PI;
export const e = Math.E;
export const euler_gamma = 0.5772156649015329;

export function dtype(x: unknown, opts: { align?: boolean } = {}): DType {
  return parseDType(x, opts);
}

const asDTypeOrWeak = (x: unknown) =>
  isNDArray(x) ? x.dtype : typeof x === "number" || typeof x === "boolean" || typeof x === "bigint" ? scalarKind(x as JSScalar) : parseDType(x);

export function result_type(...args: unknown[]): DType {
  return resultType(...args.map(asDTypeOrWeak));
}
export function promote_types(a: unknown, b: unknown): DType {
  return promoteTypes(parseDType(a), parseDType(b));
}
export function can_cast(from: unknown, to: unknown, casting: Casting | { casting?: Casting } = "safe"): boolean {
  const c = typeof casting === "string" ? casting : casting.casting ?? "safe";
  const f = isNDArray(from) ? from.dtype : parseDType(from);
  return canCast(f, parseDType(to), c);
}

/** Compute several arrays together, sharing common work. */
function evalAll(...arrays: NDArray[]): NDArray[] {
  evalArrays(arrays);
  return arrays;
}
export { evalAll as eval };

/** The plan `eval` would run for these arrays, without running it. */
export function compile(...arrays: NDArray[]) {
  return compileArrays(arrays);
}

export function array_str(a: ArrayLike, opts: Record<string, unknown> = {}): string {
  return arrayStr(printView(asarray(a)), opts);
}
export function array_repr(a: ArrayLike, opts: Record<string, unknown> = {}): string {
  return arrayRepr(printView(asarray(a)), opts);
}

export function complex(re: number, im = 0): { re: number; im: number } {
  return { re, im };
}

export function ndim(a: ArrayLike): number { return asarray(a).ndim; }
export function shape(a: ArrayLike): number[] { return asarray(a).shape; }
export function size(a: ArrayLike): number { return asarray(a).size; }

export function show_config(opts: { mode?: "stdout" | "dicts" } = {}): Record<string, unknown> | void {
  const info = {
    renderer: "JavaScript (new Function), one kernel per structure and dtype signature",
    engine: `V8 ${process.versions.v8}, Node ${process.versions.node}`,
    kernel_cache_size: kernelCacheSize(),
    webassembly: wasmMemory() !== null ? `kernels for float and bool data, two-lane SIMD; array memory ${wasmStats().pages * 64} KiB` : false,
    worker_threads: threadCount() > 1 && wasmMemory() !== null ? `${threadCount()} threads share WebAssembly kernels of 2**19 elements or more (NUMFUSE_THREADS=1: one)` : false,
  };
  if (opts.mode === "dicts") return info;
  console.log(Object.entries(info).map(([k, v]) => `${k}: ${v}`).join("\n"));
}
