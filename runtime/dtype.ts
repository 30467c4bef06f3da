/** @file dtype descriptors: NumPy's numeric dtypes, their storage and their names. Promotion lives in promotion.ts. */

import { NumpyTypeError } from "./errors.js";

export type DTypeName =
  | "bool"
  | "int8" | "int16" | "int32" | "int64"
  | "uint8" | "uint16" | "uint32" | "uint64"
  | "float32" | "float64"
  | "complex64" | "complex128";

/** NumPy's kind letters: b bool, i signed, u unsigned, f float, c complex. */
export type DTypeKind = "b" | "i" | "u" | "f" | "c";

/**
 * The typed-array class kernels read and write for a dtype. int64/uint64 are read through an
 * Int32Array of the same memory (two 32-bit halves, little-endian), complex through a float
 * array of twice the length (interleaved re, im); bool is 0/1 in a Uint8Array.
 */
export type LaneArray =
  | Uint8Array | Int8Array | Int16Array | Uint16Array | Int32Array | Uint32Array
  | Float32Array | Float64Array;

export type LaneArrayCtor = {
  new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): LaneArray;
  new (length: number): LaneArray;
  BYTES_PER_ELEMENT: number;
};

export class DType {
  /** lanes: how many lane-array slots one element takes (2 for int64 halves and complex). */
  readonly lanes: number;
  constructor(
    readonly name: DTypeName,
    readonly kind: DTypeKind,
    readonly itemsize: number,
    /** NumPy's one-letter type code (dtype.char); int64 is C long, "l", on LP64 as in NumPy 2. */
    readonly char: string,
    /** short code used in kernel names and cache keys: f64, i32, b1, c128 ... */
    readonly short: string,
    readonly laneCtor: LaneArrayCtor,
  ) {
    this.lanes = itemsize / laneCtor.BYTES_PER_ELEMENT;
  }
  /** NumPy's dtype.str, always little-endian here: "<f8", "|b1", "|u1". */
  get str(): string {
    const order = this.itemsize === 1 ? "|" : "<";
    return `${order}${this.kind}${this.itemsize}`;
  }
  get isComplex(): boolean { return this.kind === "c"; }
  get isFloat(): boolean { return this.kind === "f"; }
  get isInt(): boolean { return this.kind === "i" || this.kind === "u"; }
  /** int64 and uint64: stored as two 32-bit halves in kernels. */
  get isWide(): boolean { return this.isInt && this.itemsize === 8; }
  toString(): string { return this.name; }
}

const d = (name: DTypeName, kind: DTypeKind, size: number, char: string, short: string, ctor: LaneArrayCtor) =>
  new DType(name, kind, size, char, short, ctor);

export const DTYPES: Readonly<Record<DTypeName, DType>> = {
  bool: d("bool", "b", 1, "?", "b1", Uint8Array),
  int8: d("int8", "i", 1, "b", "i8", Int8Array),
  int16: d("int16", "i", 2, "h", "i16", Int16Array),
  int32: d("int32", "i", 4, "i", "i32", Int32Array),
  int64: d("int64", "i", 8, "l", "i64", Int32Array),
  uint8: d("uint8", "u", 1, "B", "u8", Uint8Array),
  uint16: d("uint16", "u", 2, "H", "u16", Uint16Array),
  uint32: d("uint32", "u", 4, "I", "u32", Uint32Array),
  uint64: d("uint64", "u", 8, "L", "u64", Int32Array),
  float32: d("float32", "f", 4, "f", "f32", Float32Array),
  float64: d("float64", "f", 8, "d", "f64", Float64Array),
  complex64: d("complex64", "c", 8, "F", "c64", Float32Array),
  complex128: d("complex128", "c", 16, "D", "c128", Float64Array),
};

export const ALL_DTYPES: readonly DType[] = Object.values(DTYPES);

/** Every NumPy name and alias (np.sctypeDict keys) that denotes one of our dtypes. */
const NAMED: Readonly<Record<string, DTypeName>> = {
  bool: "bool", bool_: "bool",
  int8: "int8", byte: "int8",
  int16: "int16", short: "int16",
  int32: "int32", intc: "int32",
  int64: "int64", int: "int64", int_: "int64", intp: "int64", long: "int64", longlong: "int64",
  uint8: "uint8", ubyte: "uint8",
  uint16: "uint16", ushort: "uint16",
  uint32: "uint32", uintc: "uint32",
  uint64: "uint64", uint: "uint64", uintp: "uint64", ulong: "uint64", ulonglong: "uint64",
  float32: "float32", single: "float32",
  float64: "float64", float: "float64", double: "float64",
  complex64: "complex64", csingle: "complex64",
  complex128: "complex128", complex: "complex128", cdouble: "complex128",
};

/** One-letter type codes (dtype.char and its platform aliases on LP64 Linux, as NumPy 2). */
const CODES: Readonly<Record<string, DTypeName>> = {
  "?": "bool",
  b: "int8", h: "int16", i: "int32", l: "int64", q: "int64", n: "int64", p: "int64",
  B: "uint8", H: "uint16", I: "uint32", L: "uint64", Q: "uint64", N: "uint64", P: "uint64",
  f: "float32", d: "float64", F: "complex64", D: "complex128",
};

/** NumPy understands these but numfuse has no such dtype (yet). */
const UNSUPPORTED_NAMES: ReadonlySet<string> = new Set([
  "half", "float16", "longdouble", "float128", "clongdouble", "complex256",
  "bytes", "bytes_", "str", "str_", "unicode", "object", "object_", "void",
  "datetime64", "timedelta64",
]);

/** Removed in NumPy 2.0 with their own message rather than "not understood". */
const REMOVED_ALIASES: ReadonlySet<string> = new Set([
  "int0", "uint0", "bool8", "object0", "str0", "bytes0", "void0",
]);

/** A type string: optional byte-order mark, one letter, optional decimal size ("<f8", "i01"). */
const TYPESTR = /^([<>=|]?)([A-Za-z?])(\d*)$/;

/** The byte order of this machine, so "<f8" is native here and ">f8" is not. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function notUnderstood(s: string): NumpyTypeError {
  return new NumpyTypeError(`data type '${s}' not understood`);
}

function unsupported(s: string): NumpyTypeError {
  return new NumpyTypeError(`data type '${s}' is not supported by numfuse yet`);
}

/** Resolves a sized type string ("i4", "c16", "b1") to our dtype, or explains why not. */
function fromKindSize(s: string, letter: string, size: number): DTypeName | Error {
  switch (letter) {
    case "b": return size === 1 ? "bool" : notUnderstood(s);
    case "i": case "u": {
      const bits = ({ 1: "8", 2: "16", 4: "32", 8: "64" } as Record<number, string>)[size];
      if (bits === undefined) return notUnderstood(s);
      return `${letter === "i" ? "int" : "uint"}${bits}` as DTypeName;
    }
    case "f":
      if (size === 4) return "float32";
      if (size === 8) return "float64";
      return size === 2 || size === 16 ? unsupported(s) : notUnderstood(s);
    case "c":
      if (size === 8) return "complex64";
      if (size === 16) return "complex128";
      return size === 32 ? unsupported(s) : notUnderstood(s);
    case "S": case "U": case "V": case "a":
      return unsupported(s);
    case "O":
      return size === 4 || size === 8 ? unsupported(s) : notUnderstood(s);
    case "M": case "m":
      return size === 8 ? unsupported(s) : notUnderstood(s);
    default:
      return notUnderstood(s);
  }
}

function parseString(s: string): DType {
  const named = Object.hasOwn(NAMED, s) ? NAMED[s] : undefined;
  if (named !== undefined) return DTYPES[named];
  if (UNSUPPORTED_NAMES.has(s)) throw unsupported(s);
  if (REMOVED_ALIASES.has(s)) {
    throw new NumpyTypeError(
      `Alias '${s}' was removed in NumPy 2.0. Use a name without a digit at the end.`);
  }
  if (/^[<>=|]?[Mm]8?\[\w+\]$/.test(s)) throw unsupported(s);
  const m = TYPESTR.exec(s);
  if (m === null) throw notUnderstood(s);
  const [, order, letter, digits] = m as unknown as [string, string, string, string];
  let result: DTypeName | Error;
  if (digits === "") {
    const code = Object.hasOwn(CODES, letter) ? CODES[letter] : undefined;
    if (code !== undefined) result = code;
    // NumPy takes bare "a" (deprecated bytes) only without a byte-order mark.
    else if ("egGOSUVMmc".includes(letter) || (letter === "a" && order === "")) result = unsupported(s);
    else result = notUnderstood(s);
  } else {
    result = fromKindSize(s, letter, parseInt(digits, 10));
  }
  if (result instanceof Error) throw result;
  const dt = DTYPES[result];
  // A byte-order mark only matters for multi-byte types; NumPy drops it on 1-byte ones.
  const foreign = LITTLE_ENDIAN ? ">" : "<";
  if (order === foreign && dt.itemsize > 1) {
    throw new NumpyTypeError(
      `data type '${s}' has non-native byte order, which numfuse does not support yet`);
  }
  return dt;
}

/**
 * np.dtype(x) for the dtypes numfuse has: a DType, a NumPy name or alias ("float64", "intp",
 * "double"), a type code or type string ("f8", "<i4", "?", "c16"), or null/undefined (float64,
 * as np.dtype(None)). Throws NumPy's TypeError otherwise.
 */
export function parseDType(x: unknown): DType {
  if (x instanceof DType) return x;
  if (x === null || x === undefined) return DTYPES.float64;
  if (typeof x === "string") return parseString(x);
  if ((typeof x === "object" || typeof x === "function") && "dtype" in x
      && (x as { dtype: unknown }).dtype instanceof DType) {
    // NumPy refuses arrays here but takes other things carrying a dtype (scalar types np.float32).
    if ("shape" in x && "ndim" in x) throw new NumpyTypeError("Cannot construct a dtype from an array");
    return (x as { dtype: DType }).dtype;
  }
  const shown = typeof x === "boolean" ? (x ? "True" : "False") : String(x);
  throw new NumpyTypeError(`Cannot interpret '${shown}' as a data type`);
}
