/** @file From JS values to NDArrays and back: np.array/np.asarray, dtype inference as NumPy does for Python values, tolist/item. */
import { cast as castNode, constant, contiguous, type Node } from "../compiler/ir/node.js";
import { expand } from "../compiler/ir/movement.js";
import { DTYPES, parseDType, type DType } from "../runtime/dtype.js";
import { ValueError } from "../runtime/errors.js";
import { promoteTypes } from "../runtime/promotion.js";
import { isComplexObj, toDTypeValue, writeElement, type Complex, type JSScalar } from "../runtime/scalar.js";
import { emptyArray, NDArray } from "./ndarray.js";
import { keepByteOrder } from "./byteorder.js";
import { castStrings, flexArray, wantsFlexible } from "./strings.js";
import { checkSameShape } from "./ragged.js";

export type ArrayLike = NDArray | JSScalar | readonly unknown[] | ArrayBufferView;

export const isNDArray = (x: unknown): x is NDArray => x instanceof NDArray;

/** An options bag: a trailing plain object that is not an array, NDArray, typed array or complex value. */
export function isOptions(x: unknown): x is Record<string, unknown> {
  if (typeof x !== "object" || x === null || Array.isArray(x) || x instanceof NDArray || ArrayBuffer.isView(x)) return false;
  if (isComplexObj(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

const TYPED: [new (...a: never[]) => ArrayBufferView, DType][] = [
  [Float64Array, DTYPES.float64], [Float32Array, DTYPES.float32], [Int8Array, DTYPES.int8], [Int16Array, DTYPES.int16],
  [Int32Array, DTYPES.int32], [Uint8Array, DTYPES.uint8], [Uint8ClampedArray, DTYPES.uint8], [Uint16Array, DTYPES.uint16],
  [Uint32Array, DTYPES.uint32], [BigInt64Array, DTYPES.int64], [BigUint64Array, DTYPES.uint64],
];

export function typedArrayDType(x: ArrayBufferView): DType {
  for (const [ctor, dt] of TYPED) if (x instanceof ctor) return dt;
  throw new ValueError(`unsupported typed array ${x.constructor.name}`);
}

/** The dtype NumPy gives a Python scalar of this kind. */
export function scalarDType(x: JSScalar): DType {
  if (typeof x === "boolean") return DTYPES.bool;
  if (typeof x === "bigint") return x > 9223372036854775807n ? DTYPES.uint64 : DTYPES.int64;
  if (isComplexObj(x)) return DTYPES.complex128;
  return Number.isInteger(x) ? DTYPES.int64 : DTYPES.float64;
}

interface Flat {
  shape: number[];
  values: JSScalar[];
  dtype: DType | null;
}

/** Walk nested JS arrays: shape, C-order leaves, inferred dtype; NumPy's error for ragged input. */
function flatten(obj: unknown): Flat {
  const values: JSScalar[] = [];
  let dtype: DType | null = null;
  const joinDt = (d: DType) => {
    dtype = dtype ? promoteTypes(dtype, d) : d;
  };
  let shape: number[] | null = null;
  const walk = (x: unknown, prefix: number[]): void => {
    if (Array.isArray(x)) {
      const here = [...prefix, x.length];
      if (x.length === 0) {
        record(here);
        return;
      }
      for (const y of x) walk(y, here);
      return;
    }
    if (x instanceof NDArray) {
      const here = [...prefix, ...x.shape];
      joinDt(x.dtype);
      const read = x._elementReader(true);
      for (let i = 0; i < x.size; i++) values.push(read(i));
      record(here);
      return;
    }
    if (ArrayBuffer.isView(x) && !(x instanceof DataView)) {
      const here = [...prefix, (x as unknown as { length: number }).length];
      joinDt(typedArrayDType(x));
      for (const v of x as unknown as Iterable<JSScalar>) values.push(v);
      record(here);
      return;
    }
    if (typeof x === "number" || typeof x === "boolean" || typeof x === "bigint" || isComplexObj(x)) {
      values.push(x as JSScalar);
      joinDt(scalarDType(x as JSScalar));
      record(prefix);
      return;
    }
    throw new ValueError(`could not convert ${x === null ? "null" : typeof x} to a numeric array element`);
  };
  const record = (s: number[]) => {
    if (shape === null) shape = s;
    else checkSameShape(shape, s);
  };
  walk(obj, []);
  return { shape: shape ?? [], values, dtype };
}

/** np.array: always a new array that owns its data. */
export function array(obj: ArrayLike, opts: { dtype?: unknown; copy?: boolean } = {}): NDArray {
  const want = opts.dtype !== undefined ? parseDType(opts.dtype) : null;
  if (wantsFlexible(obj, want)) return want ? keepByteOrder(flexArray(obj, want.native), want) : flexArray(obj, want);
  // strings for a numeric dtype: Python's int()/float()/complex()/bool() of each, as NumPy's
  if (want && wantsFlexible(obj, null)) return keepByteOrder(castStrings(flexArray(obj, null), want.native, false)!, want);
  if (obj instanceof NDArray) {
    const dt = want ?? obj.dtype;
    if (opts.copy === false && dt === obj.dtype) return obj;
    // contiguous: a view's node is a load of its base's memory, and np.array must own a copy
    return keepByteOrder(new NDArray(contiguous(castNode(obj._node, dt))), dt);
  }
  const flat = flatten(obj);
  const dt = want ?? flat.dtype ?? DTYPES.float64;
  const out = emptyArray(flat.shape, dt, false);
  const { storage } = out._realized();
  flat.values.forEach((v, i) => writeElement(storage, dt, i, v));
  return keepByteOrder(out, dt);
}

/** np.asarray: no copy when `obj` already is an NDArray of that dtype. */
export function asarray(obj: ArrayLike, opts: { dtype?: unknown } = {}): NDArray {
  if (obj instanceof NDArray && (opts.dtype === undefined || parseDType(opts.dtype) === obj.dtype)) return obj;
  return array(obj, opts);
}

/**
 * One scalar of `dtype` broadcast to `shape`: a constant node, or, for a 64-bit integer past 2**53
 * (which a constant's double would round), a 0-d array holding it exactly.
 */
export function scalarNode(value: JSScalar, dtype: DType, shape: readonly number[]): Node {
  const v = toDTypeValue(value, dtype);
  if (typeof v === "bigint" && !Number.isSafeInteger(Number(v))) {
    const held = emptyArray([], dtype, false);
    writeElement(held._realized().storage, dtype, 0, v);
    return expand(held._node, shape);
  }
  return constant((typeof v === "bigint" ? Number(v) : v) as number | Complex, dtype, shape);
}

/** A constant array of `shape`, lazy and free: one scalar broadcast. */
export function filled(shape: readonly number[], value: JSScalar, dtype: DType): NDArray {
  return new NDArray(scalarNode(value, dtype, shape));
}

/** tolist: nested JS arrays of JS values (numbers, booleans, {re, im}; bigints on request). */
export function tolist(a: NDArray, bigint = false): unknown {
  const read = a._elementReader(bigint);
  const shape = a.shape;
  let flat = 0;
  const build = (d: number): unknown => {
    if (d === shape.length) return read(flat++);
    const out: unknown[] = [];
    for (let i = 0; i < shape[d]; i++) out.push(build(d + 1));
    return out;
  };
  return build(0);
}
