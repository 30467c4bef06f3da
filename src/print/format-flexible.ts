/** @file Element formatters for unicode and structured dtypes (NumPy's repr of str elements and StructuredVoidFormat: one formatter per field, sized on the values shown). */
import { DType, StructDType, SubarrayDType, UnicodeDType } from "../../runtime/dtype.js";
import { reprStr } from "../../runtime/io/pyliteral.js";
import { makeFormatter, scalarStr, type ElementFormatter } from "./format-scalar.js";
import type { PrintOptions, Scalar } from "./options.js";

/** Python's repr of bytes (b'\x00ab'), for plain void elements. */
function bytesRepr(b: Uint8Array): string {
  let s = "";
  for (const c of b) {
    if (c === 0x5c) s += "\\\\";
    else if (c === 0x27) s += "\\'";
    else if (c === 0x0a) s += "\\n";
    else if (c === 0x0d) s += "\\r";
    else if (c === 0x09) s += "\\t";
    else if (c < 0x20 || c >= 0x7f) s += `\\x${c.toString(16).padStart(2, "0")}`;
    else s += String.fromCharCode(c);
  }
  return `b'${s}'`;
}

type Fmt = (x: unknown) => string;

/** A formatter for values of `dt`, sized on `data` (all the values of that type that will be shown). */
function formatterFor(data: readonly unknown[], dt: DType, opts: PrintOptions, scalar = false): Fmt {
  if (dt instanceof UnicodeDType) return (x) => reprStr(x as string);
  if (dt instanceof SubarrayDType) {
    const flat: unknown[] = [];
    const walk = (x: unknown): void => { if (Array.isArray(x)) x.forEach(walk); else flat.push(x); };
    data.forEach(walk);
    const inner = formatterFor(flat, dt.subBase, opts, scalar);
    const nest = (x: unknown): string => (Array.isArray(x) ? `[${x.map(nest).join(", ")}]` : inner(x));
    return nest;
  }
  if (dt instanceof StructDType) {
    if (dt.isPlainVoid) return (x) => bytesRepr(x as Uint8Array);
    const fs = dt.structFields.map((f, i) => formatterFor(data.map((r) => (r as unknown[])[i]), f.dtype, opts, scalar));
    return (x) => {
      const parts = (x as unknown[]).map((v, i) => fs[i](v));
      return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(", ")})`;
    };
  }
  // a lone record prints as NumPy's void scalar: floats by str(), the rest unpadded
  if (scalar && dt.kind === "f") return (x) => scalarStr(x as Scalar, dt);
  const f: ElementFormatter = makeFormatter(data as Scalar[], dt, opts, scalar);
  return (x) => f(x as Scalar);
}

/** The formatter format-array.ts uses for a unicode or structured array. */
export function flexFormatter(data: readonly unknown[], dt: DType, opts: PrintOptions): ElementFormatter {
  const f = formatterFor(data, dt, opts);
  return (x) => f(x);
}

/** str() of a 0-d unicode or structured array: the string itself, or the record. */
export function flexScalarStr(x: unknown, dt: DType, opts: PrintOptions): string {
  if (dt instanceof UnicodeDType) return x as string;
  return formatterFor([x], dt, opts, true)(x);
}

/** What repr puts after "dtype=": '<U3', [('a', '<i4')], {'names': ...}. */
export function flexDtypeRepr(dt: DType): string {
  if (dt instanceof StructDType && !dt.isPlainVoid) return dt.toString();
  return `'${dt.str}'`;
}
