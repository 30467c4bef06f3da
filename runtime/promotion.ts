/** @file NumPy 2 type promotion: promote_types, can_cast, and result_type with NEP 50 weak Python scalars. */

import { DType, DTYPES, type DTypeName } from "./dtype.js";
import { NumpyTypeError, OverflowError, ValueError } from "./errors.js";

export type Casting = "no" | "equiv" | "safe" | "same_kind" | "unsafe";

/**
 * A Python scalar in NEP 50's sense: its kind takes part in promotion but its precision does not
 * (int8_array + 1 stays int8). `value` is only for overflow checks and never changes the result.
 */
export type WeakScalar = { weak: "bool" | "int" | "float" | "complex"; value?: number | bigint };

export type ComplexLike = { re: number; im: number };

const WEAK_RANK = { bool: 0, int: 1, float: 2, complex: 3 } as const;

/** Default dtype NumPy gives a lone Python scalar of each kind. */
const WEAK_DEFAULT: Readonly<Record<WeakScalar["weak"], DType>> = {
  bool: DTYPES.bool, int: DTYPES.int64, float: DTYPES.float64, complex: DTYPES.complex128,
};

const intOf = (signed: boolean, size: number): DType =>
  DTYPES[`${signed ? "int" : "uint"}${size * 8}` as DTypeName];
const floatOf = (size: number): DType => (size <= 2 ? DTYPES.float16 : size <= 4 ? DTYPES.float32 : DTYPES.float64);
/** Complex type whose parts are floats of `partSize` bytes (there is no complex32: float16 parts widen). */
const complexOf = (partSize: number): DType => (partSize <= 4 ? DTYPES.complex64 : DTYPES.complex128);

/**
 * The float precision an integer needs: int8/uint8 fit float16 exactly, int16/uint16 float32, wider
 * ones go to float64 (so even int64 and uint64 end up in float64, losing bits, as in NumPy).
 */
const intFloatSize = (t: DType): number => (t.itemsize === 1 ? 2 : t.itemsize === 2 ? 4 : 8);

/** np.promote_types for the numeric dtypes: always in native byte order, as NumPy's. */
export function promoteTypes(a: DType, b: DType): DType {
  a = a.native;
  b = b.native;
  if (a === b) return a;
  if (a.kind === "b") return b;
  if (b.kind === "b") return a;
  if (a.isInt && b.isInt) {
    if (a.kind === b.kind) return a.itemsize >= b.itemsize ? a : b;
    const [s, u] = a.kind === "i" ? [a, b] : [b, a];
    if (u.itemsize < s.itemsize) return s;
    // No signed type holds every uint64, so NumPy gives up on integers entirely.
    return u.itemsize === 8 ? DTYPES.float64 : intOf(true, u.itemsize * 2);
  }
  // Precision each side needs, measured as the byte size of one real float part.
  const part = (t: DType): number => (t.isInt ? intFloatSize(t) : t.kind === "c" ? t.itemsize / 2 : t.itemsize);
  const size = Math.max(part(a), part(b));
  return a.kind === "c" || b.kind === "c" ? complexOf(size) : floatOf(size);
}

/** Kind order for same_kind casting: unsigned may go to signed, never the other way. */
const KIND_ORDER = { b: 0, u: 1, i: 2, f: 3, c: 4 } as const;

/** np.can_cast(from, to, casting) for dtypes. */
export function canCast(from: DType, to: DType, casting: Casting = "safe"): boolean {
  switch (casting) {
    case "no":
      return from === to;
    case "equiv":
      // the same type in either byte order
      return from.native === to.native;
    case "safe":
      return promoteTypes(from, to) === to.native;
    case "same_kind":
      return promoteTypes(from, to) === to.native || KIND_ORDER[from.kind] <= KIND_ORDER[to.kind];
    case "unsafe":
      return true;
    default:
      throw new ValueError(
        `casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'`);
  }
}

export function isWeakScalar(x: unknown): x is WeakScalar {
  return typeof x === "object" && x !== null && !(x instanceof DType)
    && typeof (x as { weak?: unknown }).weak === "string"
    && Object.hasOwn(WEAK_RANK, (x as { weak: string }).weak);
}

/** Combines a strong dtype with the strongest weak kind present, as NumPy's abstract Python DTypes do. */
function withWeak(d: DType, weak: WeakScalar["weak"]): DType {
  switch (weak) {
    case "bool":
      return d;
    case "int":
      return d.kind === "b" ? DTYPES.int64 : d;
    case "float":
      return d.kind === "f" || d.kind === "c" ? d : DTYPES.float64;
    case "complex":
      if (d.kind === "c") return d;
      // float32 + 1j keeps single precision (complex64), unlike promote_types(float32, complex128).
      return d.kind === "f" ? complexOf(d.itemsize) : DTYPES.complex128;
  }
}

/**
 * np.result_type under NumPy 2: the strong dtypes promote among themselves first, then the
 * weak scalars can only raise the kind, never the precision. A 0-d array is strong: pass its dtype.
 */
export function resultType(...args: (DType | WeakScalar)[]): DType {
  if (args.length === 0) throw new ValueError("at least one array or dtype is required");
  let strong: DType | undefined;
  let weak: WeakScalar["weak"] | undefined;
  for (const a of args) {
    if (a instanceof DType) {
      strong = strong === undefined ? a.native : promoteTypes(strong, a);
    } else if (isWeakScalar(a)) {
      if (weak === undefined || WEAK_RANK[a.weak] > WEAK_RANK[weak]) weak = a.weak;
    } else {
      throw new NumpyTypeError(`Cannot interpret '${String(a)}' as a data type`);
    }
  }
  if (strong === undefined) return WEAK_DEFAULT[weak!];
  return weak === undefined ? strong : withWeak(strong, weak);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Throws NumPy 2's OverflowError when a Python int cannot be converted to `dt` for an operation
 * (int8_array + 300). Values past the C long range get CPython's own message, not NumPy's,
 * because CPython's conversion fails first; uint32 and uint64 also get through it with
 * [2**63, 2**64) (then uint32 reports out of bounds) but uint8/uint16 do not.
 */
export function checkWeakIntFits(value: number | bigint, dt: DType): void {
  if (typeof value === "number" && !Number.isInteger(value)) {
    throw new NumpyTypeError(`checkWeakIntFits: ${value} is not a Python int`);
  }
  if (dt.kind === "f" || dt.kind === "c") {
    // Number() rounds half-to-even like CPython's int -> float, so Infinity means CPython overflows.
    if (typeof value === "bigint" && !Number.isFinite(Number(value))) {
      throw new OverflowError("int too large to convert to float");
    }
    return;
  }
  const v = BigInt(value);
  const fitsCLong = v >= INT64_MIN && v <= INT64_MAX;
  // NumPy converts for uint32/uint64 through unsigned long, so [2**63, 2**64) passes that step.
  const viaUnsignedLong = dt.kind === "u" && dt.itemsize >= 4;
  if (!fitsCLong && !(viaUnsignedLong && v > INT64_MAX && v <= UINT64_MAX)) {
    throw new OverflowError("Python int too large to convert to C long");
  }
  // bool + Python int promotes to int64, so only the C long limit ever applies to bool.
  if (dt.kind === "b") return;
  const bits = BigInt(dt.itemsize * 8);
  const [lo, hi] = dt.kind === "i"
    ? [-(2n ** (bits - 1n)), 2n ** (bits - 1n) - 1n]
    : [0n, 2n ** bits - 1n];
  if (v < lo || v > hi) {
    throw new OverflowError(`Python integer ${v} out of bounds for ${dt.name}`);
  }
}

/**
 * The weak kind of a JS value standing for a Python scalar: boolean -> bool, an integer number
 * or a bigint -> int, any other number -> float, {re, im} -> complex.
 */
const KIND_RANK: Readonly<Record<string, number>> = { b: 0, i: 1, u: 1, f: 2, c: 3 };

/**
 * A Python scalar among arrays of a lower kind (a float with int arrays, an int with bool ones)
 * stands for its default dtype (NEP 50): the loop search of float-only ufuncs then starts there,
 * as NumPy's does (np.arctan2(bool_array, 1.5) is float64, np.arctan2(int8_array, 1.5) too).
 */
export function weakAmong(w: WeakScalar, arrays: readonly DType[]): DType | WeakScalar {
  const top = Math.max(-1, ...arrays.map((d) => KIND_RANK[d.kind] ?? -1));
  return top >= WEAK_RANK[w.weak] ? w : WEAK_DEFAULT[w.weak];
}

export function scalarKind(x: number | bigint | boolean | ComplexLike): WeakScalar {
  if (typeof x === "boolean") return { weak: "bool", value: x ? 1 : 0 };
  if (typeof x === "bigint") return { weak: "int", value: x };
  if (typeof x === "number") return Number.isInteger(x) ? { weak: "int", value: x } : { weak: "float", value: x };
  if (typeof x === "object" && x !== null && typeof x.re === "number" && typeof x.im === "number") {
    return { weak: "complex" };
  }
  throw new NumpyTypeError(`Cannot interpret '${String(x)}' as a Python scalar`);
}
