/** @file dtype descriptors: NumPy's numeric dtypes, their storage and their names. Promotion lives in promotion.ts. */

import { NumpyTypeError, ValueError } from "./errors.js";
import { reprStr } from "./io/pyliteral.js";

export type DTypeName =
  | "bool"
  | "int8" | "int16" | "int32" | "int64"
  | "uint8" | "uint16" | "uint32" | "uint64"
  | "float16" | "float32" | "float64"
  | "complex64" | "complex128";

/** NumPy's kind letters: b bool, i signed, u unsigned, f float, c complex. */
export type DTypeKind = "b" | "i" | "u" | "f" | "c";

/**
 * The typed-array class kernels read and write for a dtype. int64/uint64 are read through an
 * Int32Array of the same memory (two 32-bit halves, little-endian), complex through a float
 * array of twice the length (interleaved re, im); bool is 0/1 in a Uint8Array; float16 is its IEEE
 * binary16 bits in a Uint16Array (runtime/half.ts converts).
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
  /** what hash-consed IR nodes key on: the name, unless two dtypes share one (structured dtypes) */
  get key(): string { return this.name; }
  /** unicode and structured dtypes: byte records that kernels never see (runtime/flexible.ts moves them) */
  get isFlexible(): boolean { return false; }
  /** NumPy's dtype.names / dtype.fields: null for dtypes without fields */
  get names(): string[] | null { return null; }
  get fields(): Record<string, [DType, number]> | null { return null; }
  /** NumPy's dtype.descr: [('', '<f8')] */
  get descr(): DescrEntry[] { return [["", this.str]]; }
  /** NumPy's dtype.alignment: the C alignment of the type */
  get alignment(): number { return this.kind === "c" ? this.itemsize / 2 : this.itemsize; }
  /** NumPy's dtype.shape (non-empty only for subarray dtypes) and dtype.base */
  get shape(): number[] { return []; }
  get base(): DType { return this; }
  /** NumPy's dtype.byteorder: "=" native, "|" not applicable, ">" big-endian (SwappedDType) */
  get byteorder(): string { return this.itemsize === 1 ? "|" : "="; }
  /** NumPy's repr(dtype): dtype('float64'), dtype('>f8'), dtype('<U3') */
  repr(): string { return `dtype('${this.isnative && !this.isFlexible ? this.name : this.str}')`; }
  /** NumPy's dtype.isnative */
  get isnative(): boolean { return true; }
  /** This dtype in native byte order: what kernels compute in and IR nodes carry. */
  get native(): DType { return this; }
  /**
   * NumPy's dtype.newbyteorder(order = "S"): "S" swaps, "<" / "=" / "L" / "N" give little-endian
   * (native here), ">" / "B" big-endian, "|" / "I" keep the order. Numeric dtypes of more than one
   * byte only; the others are returned as they are, as NumPy does for 1-byte types.
   */
  newbyteorder(order = "S"): DType {
    const o = byteOrderArg(order);
    if (this.itemsize <= 1 || this.isFlexible || o === "|") return this;
    const big = o === "S" ? this.isnative : o === ">";
    return big ? swappedDType(this.native) : this.native;
  }
}

function byteOrderArg(order: unknown): "S" | "<" | ">" | "|" {
  if (typeof order !== "string") {
    const t = order === null || order === undefined ? "NoneType" : typeof order === "number" ? (Number.isInteger(order) ? "int" : "float") : typeof order === "boolean" ? "bool" : typeof order;
    throw new NumpyTypeError(`byteorder must be str, not ${t}`);
  }
  // NumPy reads the first letter only: "little", "big", "native", "swap", "ignore"
  switch (order.slice(0, 1).toUpperCase()) {
    case "S": return "S";
    case "<": case "L": case "=": case "N": return LITTLE_ENDIAN ? "<" : ">";
    case ">": case "B": return LITTLE_ENDIAN ? ">" : "<";
    case "|": case "I": return "|";
  }
  throw new ValueError(`byteorder not recognized (got ${reprStr(order)})`);
}

/**
 * A numeric dtype in big-endian byte order (">i4"): what a big-endian .npy file, np.frombuffer
 * with ">f8" or dtype.newbyteorder() give. Arrays of it keep big-endian bytes where bytes are
 * shared or written out (tobytes, save, views as other dtypes) and compute on a native copy kept
 * in step (src/byteorder.ts); IR nodes and kernels only ever see `native`.
 */
export class SwappedDType extends DType {
  constructor(readonly nativeType: DType) {
    super(nativeType.name, nativeType.kind, nativeType.itemsize, nativeType.char, nativeType.short, nativeType.laneCtor);
  }
  override get str(): string { return `>${this.kind}${this.itemsize}`; }
  override get byteorder(): string { return ">"; }
  override get isnative(): boolean { return false; }
  override get native(): DType { return this.nativeType; }
  override get key(): string { return `${this.name}>`; }
  override toString(): string { return this.str; }
}

const swappedCache = new Map<DType, SwappedDType>();
/** The (interned) big-endian twin of a native numeric dtype. */
export function swappedDType(dt: DType): SwappedDType {
  let s = swappedCache.get(dt);
  if (!s) swappedCache.set(dt, (s = new SwappedDType(dt)));
  return s;
}

/** One dtype.descr entry: [name, typestr] or [name, typestr or nested descr, shape]. */
export type DescrEntry = [string, string | DescrEntry[]] | [string, string | DescrEntry[], number[]];

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
  float16: d("float16", "f", 2, "e", "f16", Uint16Array),
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
  float16: "float16", half: "float16",
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
  e: "float16", f: "float32", d: "float64", F: "complex64", D: "complex128",
};

/** NumPy understands these but numfuse has no such dtype (yet). "str", "void" are handled by parseFlexible first. */
const UNSUPPORTED_NAMES: ReadonlySet<string> = new Set([
  "longdouble", "float128", "clongdouble", "complex256",
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
      if (size === 2) return "float16";
      if (size === 4) return "float32";
      if (size === 8) return "float64";
      return size === 16 ? unsupported(s) : notUnderstood(s);
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
  const flex = parseFlexibleString(s);
  if (flex) return flex;
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
    else if ("gGOSUVMmc".includes(letter) || (letter === "a" && order === "")) result = unsupported(s);
    else result = notUnderstood(s);
  } else {
    result = fromKindSize(s, letter, parseInt(digits, 10));
  }
  if (result instanceof Error) throw result;
  const dt = DTYPES[result];
  // A byte-order mark only matters for multi-byte types; NumPy drops it on 1-byte ones.
  const foreign = LITTLE_ENDIAN ? ">" : "<";
  return order === foreign && dt.itemsize > 1 ? swappedDType(dt) : dt;
}

/**
 * np.dtype(x) for the dtypes numfuse has: a DType, a NumPy name or alias ("float64", "intp",
 * "double"), a type code or type string ("f8", "<i4", "?", "c16"), or null/undefined (float64,
 * as np.dtype(None)). Throws NumPy's TypeError otherwise.
 */
export function parseDType(x: unknown, opts: { align?: boolean } = {}): DType {
  if (x instanceof DType) {
    if (opts.align && x instanceof StructDType && !x.isalignedstruct) return parseDType(x.descrSpec(), opts);
    return x;
  }
  if (x === null || x === undefined) return DTYPES.float64;
  if (typeof x === "string") return parseString(x);
  if (Array.isArray(x)) return parseFieldList(x, !!opts.align);
  if (typeof x === "object" && Object.getPrototypeOf(x) === Object.prototype && "names" in x && "formats" in x) {
    return parseFieldDict(x as FieldDict, !!opts.align);
  }
  if ((typeof x === "object" || typeof x === "function") && "dtype" in x
      && (x as { dtype: unknown }).dtype instanceof DType) {
    // NumPy refuses arrays here but takes other things carrying a dtype (scalar types np.float32).
    if ("shape" in x && "ndim" in x) throw new NumpyTypeError("Cannot construct a dtype from an array");
    return (x as { dtype: DType }).dtype;
  }
  const shown = typeof x === "boolean" ? (x ? "True" : "False") : String(x);
  throw new NumpyTypeError(`Cannot interpret '${shown}' as a data type`);
}

/** A ufunc's `dtype=` (also of its reductions): NumPy's TypeError for a byte order, which it does not select. */
export function ufuncDType(x: unknown): DType {
  const dt = parseDType(x);
  if (!dt.isnative) {
    throw new NumpyTypeError("The `dtype` and `signature` arguments to ufuncs only select the general DType and not details such as the byte order or time unit. You can avoid this error by using the scalar types `np.float64` or the dtype string notation.");
  }
  return dt;
}

// ---- flexible dtypes: unicode strings and structured records ----------------------------------------
//
// These are byte records, not numbers: kernels never compute on them. Movement (views, reshape,
// transpose, copies) works on their bytes (runtime/flexible.ts); computing on them throws NumPy's
// TypeError when the node is built.

/** NumPy's "U<n>": n UCS-4 code points, little-endian, NUL-padded; itemsize 4n. */
export class UnicodeDType extends DType {
  constructor(
    readonly length: number,
    /** ">U<n>": big-endian code points (arrays of it compute on a native shadow, as SwappedDType's) */
    readonly big = false,
  ) {
    super((length ? `str${length * 32}` : "str") as DTypeName, "U" as DTypeKind, length * 4, "U", `U${length}`, Uint8Array as unknown as LaneArrayCtor);
  }
  override get str(): string { return `${this.big ? ">" : "<"}U${this.length}`; }
  override get isFlexible(): boolean { return true; }
  override get alignment(): number { return 4; }
  override get byteorder(): string { return this.big ? ">" : "="; }
  override get isnative(): boolean { return !this.big; }
  override get native(): DType { return this.big ? unicodeDType(this.length) : this; }
  override get key(): string { return this.big ? `${this.name}>` : this.name; }
  override newbyteorder(order = "S"): DType {
    const o = byteOrderArg(order);
    if (o === "|") return this;
    return unicodeDType(this.length, o === "S" ? !this.big : o === ">");
  }
  override toString(): string { return this.str; }
}

const unicodeCache = new Map<string, UnicodeDType>();
/** The (interned) unicode dtype of `n` characters, little- or big-endian. */
export function unicodeDType(n: number, big = false): UnicodeDType {
  const k = `${n}${big ? ">" : ""}`;
  let d = unicodeCache.get(k);
  if (!d) unicodeCache.set(k, (d = new UnicodeDType(n, big)));
  return d;
}

/** A field of a structured dtype: its dtype (a subarray dtype for ["pos", "f4", [3]]) and byte offset. */
export interface StructField {
  readonly name: string;
  readonly dtype: DType;
  readonly offset: number;
}

/** NumPy's subarray dtype ("<f4", (3,)): only as a field's type; arrays of it take the shape on. */
export class SubarrayDType extends DType {
  constructor(readonly subBase: DType, readonly subShape: readonly number[]) {
    const n = subShape.reduce((p, k) => p * k, 1);
    super(`void${n * subBase.itemsize * 8}` as DTypeName, "V" as DTypeKind, n * subBase.itemsize, "V", `V${n * subBase.itemsize}`, Uint8Array as unknown as LaneArrayCtor);
  }
  override get str(): string { return `|V${this.itemsize}`; }
  override get isFlexible(): boolean { return true; }
  override get key(): string { return `sub(${this.subBase.key};${this.subShape.join(",")})`; }
  override get alignment(): number { return this.subBase.alignment; }
  override get shape(): number[] { return [...this.subShape]; }
  override get base(): DType { return this.subBase; }
  override get byteorder(): string { return "|"; }
  override newbyteorder(order = "S"): DType { return new SubarrayDType(this.subBase.newbyteorder(order), this.subShape); }
  override toString(): string { return `(${reprTypestr(this.subBase)}, ${pyTuple(this.subShape)})`; }
}

export interface FieldDict {
  names: string[];
  formats: unknown[];
  offsets?: number[];
  itemsize?: number;
  titles?: unknown[];
  aligned?: boolean;
}

/** NumPy's structured dtype (kind "V"); with no fields, the raw bytes dtype "V<n>". */
export class StructDType extends DType {
  readonly #key: string;
  constructor(readonly structFields: readonly StructField[], itemsize: number, readonly isalignedstruct = false, readonly structAlignment = 1) {
    super((itemsize ? `void${itemsize * 8}` : "void") as DTypeName, "V" as DTypeKind, itemsize, "V", `V${itemsize}`, Uint8Array as unknown as LaneArrayCtor);
    this.#key = `V${itemsize}{${structFields.map((f) => `${JSON.stringify(f.name)}:${f.dtype.key}@${f.offset}`).join(",")}}${isalignedstruct ? "A" : ""}`;
  }
  override get str(): string { return `|V${this.itemsize}`; }
  override get isFlexible(): boolean { return true; }
  override get key(): string { return this.#key; }
  override get alignment(): number { return this.structAlignment; }
  override get byteorder(): string { return "|"; }
  override get names(): string[] | null { return this.structFields.length || !this.isPlainVoid ? this.structFields.map((f) => f.name) : null; }
  /** every field's byte order changed, as NumPy's (padding and offsets as they are) */
  override newbyteorder(order = "S"): DType {
    byteOrderArg(order);
    if (this.isPlainVoid) return this;
    const fields = this.structFields.map((f) => ({ name: f.name, dtype: f.dtype.newbyteorder(order), offset: f.offset }));
    return new StructDType(fields, this.itemsize, this.isalignedstruct, this.structAlignment);
  }
  /** V<n> with no fields at all (np.dtype("V8")) */
  get isPlainVoid(): boolean { return this.structFields.length === 0 && this.#plain; }
  #plain = false;
  /** @internal */
  static plain(n: number): StructDType {
    const d = new StructDType([], n);
    d.#plain = true;
    return d;
  }
  override get fields(): Record<string, [DType, number]> | null {
    if (this.isPlainVoid) return null;
    const out: Record<string, [DType, number]> = {};
    for (const f of this.structFields) out[f.name] = [f.dtype, f.offset];
    return out;
  }
  field(name: string): StructField | undefined { return this.structFields.find((f) => f.name === name); }
  /** in offset order (NumPy's descr), with ("", "|V<n>") entries for the gaps */
  override get descr(): DescrEntry[] {
    if (this.isPlainVoid) return [["", this.str]];
    const out: DescrEntry[] = [];
    let at = 0;
    const sorted = [...this.structFields].sort((a, b) => a.offset - b.offset);
    for (const f of sorted) {
      if (f.offset > at) out.push(["", `|V${f.offset - at}`]);
      out.push(fieldDescr(f.name, f.dtype));
      at = f.offset + f.dtype.itemsize;
    }
    if (this.itemsize > at) out.push(["", `|V${this.itemsize - at}`]);
    return out;
  }
  /** Can NumPy write this as a plain [(name, type), ...] list? Fields in order, packed, no tail. */
  get isPacked(): boolean {
    let at = 0;
    for (const f of this.structFields) {
      if (f.offset !== at) return false;
      at += f.dtype.itemsize;
    }
    return at === this.itemsize;
  }
  /** The spec that rebuilds this dtype with parseDType (a field dict). */
  descrSpec(): FieldDict {
    return { names: this.structFields.map((f) => f.name), formats: this.structFields.map((f) => f.dtype), offsets: this.structFields.map((f) => f.offset), itemsize: this.itemsize };
  }
  /** NumPy's str(dtype): the list form when the fields are packed in order, else the dict form. */
  override toString(): string {
    if (this.isPlainVoid) return this.str;
    if (this.isPacked && !this.isalignedstruct) return this.listForm();
    const parts = [
      `'names': [${this.structFields.map((f) => reprStr(f.name)).join(", ")}]`,
      `'formats': [${this.structFields.map((f) => (f.dtype instanceof StructDType && !f.dtype.isPlainVoid ? f.dtype.toString() : reprTypestr(f.dtype))).join(", ")}]`,
      `'offsets': [${this.structFields.map((f) => f.offset).join(", ")}]`,
      `'itemsize': ${this.itemsize}`,
    ];
    if (this.isalignedstruct) parts.push("'aligned': True");
    return `{${parts.join(", ")}}`;
  }
  private listForm(): string { return `[${this.structFields.map((f) => fieldRepr(f.name, f.dtype)).join(", ")}]`; }
  /** NumPy's repr(dtype) */
  override repr(): string {
    if (this.isPlainVoid) return `dtype('V${this.itemsize}')`;
    if (this.isalignedstruct && alignedLayoutMatches(this)) return `dtype(${this.listForm()}, align=True)`;
    return `dtype(${this.toString()})`;
  }
}

const pyTuple = (shape: readonly number[]): string => (shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`);

/** The short type string NumPy's dtype repr uses for a field: "<i4", "u1", "?", "V3", "<U10". */
function reprTypestr(dt: DType): string {
  if (dt.kind === "b") return "'?'";
  return reprStr(dt.str.startsWith("|") ? dt.str.slice(1) : dt.str);
}

function fieldRepr(name: string, dt: DType): string {
  if (dt instanceof SubarrayDType) return `(${reprStr(name)}, ${dt.subBase instanceof StructDType ? dt.subBase.toString() : reprTypestr(dt.subBase)}, ${pyTuple(dt.subShape)})`;
  if (dt instanceof StructDType && !dt.isPlainVoid) return `(${reprStr(name)}, ${dt.toString()})`;
  return `(${reprStr(name)}, ${reprTypestr(dt)})`;
}

function fieldDescr(name: string, dt: DType): DescrEntry {
  if (dt instanceof SubarrayDType) {
    const b = dt.subBase;
    return [name, b instanceof StructDType && !b.isPlainVoid ? b.descr : b.str, [...dt.subShape]];
  }
  if (dt instanceof StructDType && !dt.isPlainVoid) return [name, dt.descr];
  return [name, dt.str];
}

/** Are the offsets exactly what align=True computes for these fields in this order? */
function alignedLayoutMatches(d: StructDType): boolean {
  const re = alignedLayout(d.structFields.map((f) => f.dtype));
  return re.offsets.every((o, i) => o === d.structFields[i].offset) && re.itemsize === d.itemsize;
}

/** C struct layout: each field at the next multiple of its alignment; the size rounded up to the largest. */
function alignedLayout(types: readonly DType[]): { offsets: number[]; itemsize: number; alignment: number } {
  let at = 0, maxAlign = 1;
  const offsets = types.map((t) => {
    const a = t.alignment;
    maxAlign = Math.max(maxAlign, a);
    at = Math.ceil(at / a) * a;
    const o = at;
    at += t.itemsize;
    return o;
  });
  return { offsets, itemsize: Math.ceil(at / maxAlign) * maxAlign, alignment: maxAlign };
}

/** "U10", "<U10", "U", "str", "V8": the flexible dtypes a string names, or null. */
function parseFlexibleString(s: string): DType | null {
  if (s === "str" || s === "str_" || s === "unicode" || s === "U" || s === "<U" || s === "=U") return unicodeDType(0);
  if (s === ">U") return unicodeDType(0, true);
  let m = /^([<>=|]?)U(\d+)$/.exec(s);
  if (m) return unicodeDType(parseInt(m[2], 10), m[1] === ">");
  m = /^([<>=|]?)V(\d+)$/.exec(s);
  if (m) return StructDType.plain(parseInt(m[2], 10));
  // comma-separated formats: "i4, f8" -> fields f0, f1 (NumPy's string form)
  if (s.includes(",")) {
    const parts = s.split(",").map((p) => p.trim()).filter((p) => p !== "");
    return parseFieldList(parts.map((p, i) => [`f${i}`, p]), false);
  }
  return null;
}

function fieldType(fmt: unknown, shape: unknown, align: boolean): DType {
  const base = Array.isArray(fmt) && !(fmt.length === 2 && typeof fmt[0] === "string" && Array.isArray(fmt[1]) && fmt[1].every((x: unknown) => typeof x === "number"))
    ? parseFieldList(fmt, align)
    : Array.isArray(fmt) ? fieldType(fmt[0], fmt[1], align) : parseDType(fmt, { align });
  if (shape === undefined || shape === null) return base;
  const sh = typeof shape === "number" ? [shape] : (shape as number[]);
  if (!Array.isArray(sh) || sh.some((n) => !Number.isInteger(n) || n < 0)) throw new NumpyTypeError(`invalid shape in fixed-type tuple.`);
  // NumPy: a shape of () or 1 (as a bare int) is no subarray
  if (sh.length === 0 || (typeof shape === "number" && shape === 1)) return base;
  if (base instanceof SubarrayDType) return new SubarrayDType(base.subBase, [...sh, ...base.subShape]);
  return new SubarrayDType(base, sh);
}

/** [[name, type], [name, type, shape], ...] as np.dtype takes a list of tuples. */
function parseFieldList(list: unknown[], align: boolean): DType {
  const names: string[] = [], formats: DType[] = [];
  for (const item of list) {
    if (!Array.isArray(item) || item.length < 2 || item.length > 3) {
      throw new NumpyTypeError("data type not understood");
    }
    let name = item[0];
    if (Array.isArray(name)) name = name[1]; // (title, name)
    if (typeof name !== "string") throw new NumpyTypeError("First element of field tuple is neither a tuple nor str");
    names.push(name);
    formats.push(fieldType(item[1], item[2], align));
  }
  // NumPy names empty names f0, f1, ... by position
  names.forEach((n, i) => { if (n === "") names[i] = `f${i}`; });
  return buildStruct(names, formats, null, null, align);
}

function parseFieldDict(d: FieldDict, align: boolean): DType {
  const { names, formats } = d;
  if (!Array.isArray(names) || !Array.isArray(formats) || names.length !== formats.length) {
    throw new ValueError("all items in the dictionary must have the same length.");
  }
  const types = formats.map((f) => fieldType(f, undefined, align || !!d.aligned));
  return buildStruct(names, types, d.offsets ?? null, d.itemsize ?? null, align || !!d.aligned);
}

function buildStruct(names: string[], types: DType[], offsets: number[] | null, itemsize: number | null, align: boolean): StructDType {
  const seen = new Set<string>();
  for (const n of names) {
    if (typeof n !== "string") throw new NumpyTypeError("field names must be strings");
    if (seen.has(n)) throw new ValueError(`field '${n}' occurs more than once`);
    seen.add(n);
  }
  let offs: number[], size: number, alignment = 1;
  if (offsets) {
    if (offsets.length !== names.length) throw new ValueError("all items in the dictionary must have the same length.");
    offs = offsets.map(Number);
    const end = Math.max(0, ...offs.map((o, i) => o + types[i].itemsize));
    if (align) {
      alignment = Math.max(1, ...types.map((t) => t.alignment));
      offs.forEach((o, i) => {
        if (o % types[i].alignment !== 0) throw new ValueError(`offset ${o} for NumPy dtype with fields is not divisible by the field alignment ${types[i].alignment} with align=True`);
      });
    }
    size = itemsize ?? (align ? Math.ceil(end / alignment) * alignment : end);
    if (size < end) throw new ValueError(`NumPy dtype descriptor requires ${end} bytes, cannot override to smaller itemsize of ${size}`);
  } else if (align) {
    const l = alignedLayout(types);
    offs = l.offsets;
    size = l.itemsize;
    alignment = l.alignment;
    if (itemsize !== null) size = itemsize;
  } else {
    let at = 0;
    offs = types.map((t) => { const o = at; at += t.itemsize; return o; });
    size = itemsize ?? at;
  }
  return new StructDType(names.map((name, i) => ({ name, dtype: types[i], offset: offs[i] })), size, align, alignment);
}
