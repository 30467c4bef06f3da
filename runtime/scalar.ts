/** @file Reading and writing single elements of a storage, and converting JS values to a dtype as NumPy's casts do. */
import type { DType } from "./dtype.js";
import { f2i32, f2i64, f2u64 } from "./kernel-helpers.js";
import { d2h, fround16, H16 } from "./half.js";
import type { Storage } from "./storage.js";
import { readFlexElement, writeFlexElement, type FlexValue } from "./flexible.js";

export type Complex = { re: number; im: number };
export type JSScalar = number | bigint | boolean | Complex;

export const isComplexObj = (x: unknown): x is Complex =>
  typeof x === "object" && x !== null && typeof (x as Complex).re === "number" && typeof (x as Complex).im === "number";

const TWO32 = 4294967296;

/** Element `i` (in elements) of `storage` viewed as `dtype`. int64/uint64 come back as numbers unless `bigint`. */
export function readElement(storage: Storage, dt: DType, i: number, bigint = false): JSScalar {
  if (dt.isFlexible) return readFlexElement(storage, dt, i, bigint) as JSScalar;
  const a = storage.lanes(dt);
  switch (dt.kind) {
    case "b": return a[i] !== 0;
    case "c": return { re: a[2 * i], im: a[2 * i + 1] };
    default:
      if (dt.isWide) {
        const lo = a[2 * i] >>> 0, hi = a[2 * i + 1];
        if (bigint) {
          const v = (BigInt(dt.kind === "u" ? hi >>> 0 : hi) << 32n) | BigInt(lo);
          return v;
        }
        return (dt.kind === "u" ? hi >>> 0 : hi) * TWO32 + lo;
      }
      // float16 lanes hold bits
      return dt.itemsize === 2 && dt.kind === "f" ? H16[a[i]] : a[i];
  }
}

/** Convert a JS value to what `dt` stores, with NumPy's cast rules (value-only: numbers for non-complex). */
export function toDTypeValue(x: JSScalar, dt: DType): number | Complex | bigint {
  if (dt.isFlexible) return x as number; // kept as given: runtime/flexible.ts encodes it
  if (dt.kind === "c") {
    if (isComplexObj(x)) return dt.itemsize === 8 ? { re: Math.fround(x.re), im: Math.fround(x.im) } : { re: x.re, im: x.im };
    const v = typeof x === "boolean" ? +x : Number(x);
    return dt.itemsize === 8 ? { re: Math.fround(v), im: 0 } : { re: v, im: 0 };
  }
  if (typeof x === "bigint") {
    if (dt.isWide) return dt.kind === "u" ? BigInt.asUintN(64, x) : BigInt.asIntN(64, x);
    x = Number(x);
  }
  const v = isComplexObj(x) ? x.re : typeof x === "boolean" ? +x : x;
  switch (dt.kind) {
    case "b": return v !== 0 ? 1 : 0;
    case "f": return dt.itemsize === 4 ? Math.fround(v) : dt.itemsize === 2 ? fround16(v) : v;
    default: {
      const t = Number.isInteger(v) ? v : dt.name === "uint64" ? f2u64(v) : dt.itemsize === 8 || dt.name === "uint32" ? f2i64(v) : f2i32(v);
      if (dt.isWide) return t;
      // the typed array store wraps like C
      const one = new (dt.laneCtor as unknown as new (n: number) => ArrayLike<number> & { [i: number]: number })(1);
      one[0] = t;
      return one[0];
    }
  }
}

export function writeElement(storage: Storage, dt: DType, i: number, x: JSScalar): void {
  if (dt.isFlexible) return writeFlexElement(storage, dt, i, x as FlexValue);
  const a = storage.lanes(dt);
  const v = toDTypeValue(x, dt);
  if (dt.kind === "c") {
    const c = v as Complex;
    a[2 * i] = c.re;
    a[2 * i + 1] = c.im;
  } else if (dt.isWide) {
    if (typeof v === "bigint") {
      a[2 * i] = Number(BigInt.asIntN(32, v));
      a[2 * i + 1] = Number(BigInt.asIntN(32, v >> 32n));
    } else {
      a[2 * i] = v as number;
      a[2 * i + 1] = Math.floor((v as number) / TWO32);
    }
  } else a[i] = dt.itemsize === 2 && dt.kind === "f" ? d2h(v as number) : (v as number);
}
