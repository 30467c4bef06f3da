/** @file Unicode ("U") and structured arrays from JS values (np.array's path for strings and records) and the ufuncs NumPy has for them (==, !=, <, ..., string add), evaluated eagerly: kernels never see these dtypes. */
import { DTYPES, DType, StructDType, SubarrayDType, UnicodeDType, unicodeDType } from "../runtime/dtype.js";
import { ValueError } from "../runtime/errors.js";
import { noLoopError, pyStrOf, writeFlexElement, type FlexValue } from "../runtime/flexible.js";
import { reprStr } from "../runtime/io/pyliteral.js";
import { intInto, pyComplex, pyFloat, pyIntBig } from "../runtime/pyparse.js";
import { writeElement } from "../runtime/scalar.js";
import type { Scalar } from "./print/options.js";
import { scalarStr } from "./print/format-scalar.js";
import { emptyArray, NDArray } from "./ndarray.js";
import { checkSameShape } from "./ragged.js";

/** How many JS array levels one element of `dt` takes (a record is one, a subarray field its rank). */
function valueDepth(dt: DType): number {
  if (dt instanceof SubarrayDType) return dt.subShape.length + valueDepth(dt.subBase);
  if (dt instanceof StructDType && !dt.isPlainVoid) return 1 + Math.max(0, ...dt.structFields.map((f) => valueDepth(f.dtype)));
  return 0;
}

function depthOf(x: unknown): number {
  if (!Array.isArray(x)) return 0;
  let d = 0;
  for (const y of x) d = Math.max(d, depthOf(y));
  return d + 1;
}

const firstLeaf = (x: unknown): unknown => {
  while (Array.isArray(x) && x.length) x = x[0];
  return x;
};

/** Does np.array(obj, {dtype: want}) take the flexible path? (the hook runtime/convert.ts calls) */
export function wantsFlexible(obj: unknown, want: DType | null): boolean {
  if (want) return want.isFlexible && !(obj instanceof NDArray && obj.dtype.isFlexible);
  if (typeof obj === "string") return true;
  return Array.isArray(obj) && typeof firstLeaf(obj) === "string";
}

/** NumPy's str length for a Python value when it infers a "U" size: ints U21, floats U32, bools U5. */
function inferredLength(x: FlexValue): number {
  if (typeof x === "string") return [...x].length;
  if (typeof x === "boolean") return 5;
  if (typeof x === "number") return Number.isInteger(x) ? 21 : 32;
  if (typeof x === "bigint") return 21;
  return pyStrOf(x).length;
}

/** np.array for unicode and structured dtypes: records are JS arrays (tuples), strings JS strings. */
export function flexArray(obj: unknown, want: DType | null): NDArray {
  if (obj instanceof NDArray) obj = obj.tolist();
  const recDepth = want ? valueDepth(want) : 0;
  const leaves: FlexValue[] = [];
  let shape: number[] | null = null;
  const walk = (x: unknown, prefix: number[]): void => {
    if (x instanceof NDArray) x = x.tolist();
    if (Array.isArray(x) && depthOf(x) > recDepth) {
      const here = [...prefix, x.length];
      if (x.length === 0) return record(here);
      for (const y of x) walk(y, here);
      return;
    }
    if (x === null || x === undefined || (typeof x === "object" && !Array.isArray(x) && !(x instanceof Uint8Array) && !("re" in (x as object)))) {
      throw new ValueError(`could not convert ${x === null ? "null" : typeof x} to an array element`);
    }
    leaves.push(x as FlexValue);
    record(prefix);
  };
  const record = (s: number[]) => {
    if (shape === null) shape = s;
    else checkSameShape(shape, s);
  };
  walk(obj, []);
  let dt = want;
  if (!dt || (dt instanceof UnicodeDType && dt.length === 0)) {
    // np.array(["ab", "cde"]) is <U3; dtype="U"/str sizes itself from the values' str()
    const sized = !dt;
    const n = leaves.reduce<number>((m, x) => Math.max(m, sized ? inferredLength(x) : [...pyStrOf(x)].length), 0);
    dt = unicodeDType(leaves.length ? n : 1);
  }
  const out = emptyArray(shape ?? [], dt, true);
  const { storage } = out._realized();
  leaves.forEach((v, i) => writeFlexElement(storage, dt, i, v));
  return out;
}

// ---- casts between strings and numbers ---------------------------------------------------------

/** The "U" length NumPy gives astype(str) of each numeric dtype: the longest str() it can make. */
const STR_LENGTH: Record<string, number> = {
  bool: 5, int8: 4, uint8: 3, int16: 6, uint16: 5, int32: 11, uint32: 10, int64: 21, uint64: 20,
  float16: 32, float32: 32, float64: 32, complex64: 64, complex128: 64,
};

/**
 * astype between "U" and numbers, now (flexible data is never lazy): str() of each number as a
 * numpy scalar prints it ("0.1" for float32 0.1, "(1+2j)"), cut to the target length; or
 * Python's bool(), int(), float() and complex() of each string, with their errors. Null for the
 * casts NumPy refuses (structured <-> numbers). Also np.array(strings, {dtype: number}).
 */
export function castStrings(a: NDArray, to: DType, npStr = true): NDArray | null {
  const from = a.dtype;
  if (to instanceof UnicodeDType && !from.isFlexible) {
    const dt = to.length === 0 ? unicodeDType(STR_LENGTH[from.name]) : to;
    const out = emptyArray(a.shape, dt, true);
    const { storage } = out._realized();
    const read = a._elementReader(true);
    for (let i = 0; i < a.size; i++) writeFlexElement(storage, dt, i, scalarStr(read(i) as Scalar, from));
    return out;
  }
  if (from instanceof UnicodeDType && !to.isFlexible) {
    const out = emptyArray(a.shape, to, false);
    const { storage } = out._realized();
    const read = a._elementReader();
    for (let i = 0; i < a.size; i++) {
      const s = read(i) as unknown as string;
      // astype names the element as a numpy scalar; np.array(strings, dtype) as the str it was
      const shown = npStr ? `np.str_(${reprStr(s)})` : reprStr(s);
      const v = to.kind === "b" ? s.length > 0 : to.kind === "i" || to.kind === "u" ? intInto(pyIntBig(s, shown), to) : to.kind === "c" ? pyComplex(s) : pyFloat(s, shown);
      writeElement(storage, to, i, v);
    }
    return out;
  }
  return null;
}

// ---- ufuncs on flexible arrays ------------------------------------------------------------------

const COMPARE: Record<string, (c: number) => boolean> = {
  equal: (c) => c === 0, not_equal: (c) => c !== 0, less: (c) => c < 0, less_equal: (c) => c <= 0,
  greater: (c) => c > 0, greater_equal: (c) => c >= 0,
};

/** Python's str ordering: by code point (JS compares UTF-16 units, which differs above U+FFFF). */
export function compareStr(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a], y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (typeof a === "object" && a && typeof b === "object" && b) return (a as { re: number }).re === (b as { re: number }).re && (a as { im: number }).im === (b as { im: number }).im;
  return a === b || (typeof a === typeof b && Number(a) === Number(b) && typeof a !== "string");
}

function broadcast(shapes: number[][]): number[] {
  const nd = Math.max(...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let i = 0; i < nd; i++) {
    let n = 1;
    for (const s of shapes) {
      const k = s[s.length - nd + i] ?? 1;
      if (k !== 1 && n !== 1 && k !== n) throw new ValueError(`operands could not be broadcast together with shapes ${shapes.map((x) => `(${x.join(",")}${x.length === 1 ? "," : ""})`).join(" ")} `);
      if (k !== 1) n = k;
    }
    out.push(n);
  }
  return out;
}

/** Reads element `flat` of `shape` from `a` broadcast to `shape`. */
function broadcastReader(a: NDArray, shape: number[]): (flat: number) => unknown {
  const read = a._elementReader(true);
  const s = a.shape, nd = shape.length, lead = nd - s.length;
  return (flat) => {
    let src = 0, mul = 1;
    for (let d = nd - 1; d >= 0; d--) {
      const i = flat % shape[d];
      flat = (flat - i) / shape[d];
      if (d >= lead) {
        const n = s[d - lead];
        if (n !== 1) src += i * mul;
        mul *= n;
      }
    }
    return read(src);
  };
}

/**
 * A ufunc call with a unicode or structured operand (the hook src/ufunc/ufunc.ts calls): the
 * comparisons and string concatenation NumPy 2 has, computed now; anything else is NumPy's TypeError.
 */
export function flexibleUfunc(name: string, inputs: readonly unknown[]): NDArray {
  const arrays = inputs.map((x) => (x instanceof NDArray ? x : flexArray(x, null)));
  const dts = arrays.map((a) => a.dtype);
  const allU = dts.every((d) => d instanceof UnicodeDType);
  const allV = dts.every((d) => d instanceof StructDType);
  const shape = broadcast(arrays.map((a) => a.shape));
  const size = shape.reduce((p, n) => p * n, 1);
  const readers = arrays.map((a) => broadcastReader(a, shape));
  if (name in COMPARE && arrays.length === 2 && (allU || (allV && (name === "equal" || name === "not_equal")))) {
    const test = COMPARE[name];
    const out = emptyArray(shape, DTYPES.bool, false);
    const { storage } = out._realized();
    for (let i = 0; i < size; i++) {
      const a = readers[0](i), b = readers[1](i);
      const c = allU ? compareStr(a as string, b as string) : deepEqual(a, b) ? 0 : 1;
      writeElement(storage, DTYPES.bool, i, test(c));
    }
    return out;
  }
  if (name === "add" && allU && arrays.length === 2) {
    const dt = unicodeDType((dts[0] as UnicodeDType).length + (dts[1] as UnicodeDType).length);
    const out = emptyArray(shape, dt, true);
    const { storage } = out._realized();
    for (let i = 0; i < size; i++) writeFlexElement(storage, dt, i, (readers[0](i) as string) + (readers[1](i) as string));
    return out;
  }
  throw noLoopError(name, dts);
}

/** Is this ufunc argument unicode or structured (a flexible array or a JS string)? */
export const isFlexibleOperand = (x: unknown): boolean => typeof x === "string" || (x instanceof NDArray && x.dtype.isFlexible);
