/** @file Unicode and structured elements as bytes: reading/writing one element as JS values, and evaluating the movement-only graphs of flexible dtypes (kernels never see them). */
import { d2h, H16 } from "./half.js";
import { Op } from "../compiler/ir/ops.js";
import type { Node } from "../compiler/ir/node.js";
import { contiguousView, forEachOffset, prod, type View } from "../compiler/ir/view.js";
import { DType, StructDType, SubarrayDType, UnicodeDType, unicodeDType } from "./dtype.js";
import { NumpyTypeError, ValueError } from "./errors.js";
import { intInto, pyComplex, pyFloat, pyIntBig } from "./pyparse.js";
import { toDTypeValue, type JSScalar } from "./scalar.js";
import { allocStorage, type Storage } from "./storage.js";
import { syncForRead } from "./mirror.js";

/** What a flexible element is in JS: a string, a record (JS array, field order), or raw bytes (V<n>). */
export type FlexValue = string | Uint8Array | FlexValue[] | JSScalar;

const dataViews = new WeakMap<Storage, DataView>();
function dataView(s: Storage): DataView {
  let dv = dataViews.get(s);
  if (!dv) dataViews.set(s, (dv = new DataView(s.buffer as ArrayBuffer, s.byteOffset, s.byteLength)));
  return dv;
}

const TWO32 = 4294967296;

/** One value of `dt` at byte `off`, in its byte order (little-endian unless a SwappedDType). */
export function readValue(dv: DataView, off: number, dt: DType, bigint = false): FlexValue {
  if (dt instanceof UnicodeDType) {
    const le = !dt.big;
    let end = dt.length;
    while (end > 0 && dv.getUint32(off + 4 * (end - 1), le) === 0) end--;
    let s = "";
    for (let k = 0; k < end; k++) {
      const c = dv.getUint32(off + 4 * k, le);
      s += c > 0x10ffff ? "\ufffd" : String.fromCodePoint(c);
    }
    return s;
  }
  if (dt instanceof SubarrayDType) {
    const base = dt.subBase, shape = dt.subShape;
    let at = off;
    const build = (d: number): FlexValue[] => {
      const out: FlexValue[] = [];
      for (let i = 0; i < shape[d]; i++) {
        if (d === shape.length - 1) {
          out.push(readValue(dv, at, base, bigint));
          at += base.itemsize;
        } else out.push(build(d + 1));
      }
      return out;
    };
    return build(0);
  }
  if (dt instanceof StructDType) {
    if (dt.isPlainVoid) return new Uint8Array(dv.buffer.slice(dv.byteOffset + off, dv.byteOffset + off + dt.itemsize));
    return dt.structFields.map((f) => readValue(dv, off + f.offset, f.dtype, bigint));
  }
  // a big-endian field (">i4") of a record
  const le = dt.isnative;
  switch (dt.name) {
    case "bool": return dv.getUint8(off) !== 0;
    case "int8": return dv.getInt8(off);
    case "uint8": return dv.getUint8(off);
    case "int16": return dv.getInt16(off, le);
    case "uint16": return dv.getUint16(off, le);
    case "int32": return dv.getInt32(off, le);
    case "uint32": return dv.getUint32(off, le);
    case "int64": return bigint ? dv.getBigInt64(off, le) : dv.getInt32(off + (le ? 4 : 0), le) * TWO32 + dv.getUint32(off + (le ? 0 : 4), le);
    case "uint64": return bigint ? dv.getBigUint64(off, le) : dv.getUint32(off + (le ? 4 : 0), le) * TWO32 + dv.getUint32(off + (le ? 0 : 4), le);
    case "float16": return H16[dv.getUint16(off, le)];
    case "float32": return dv.getFloat32(off, le);
    case "float64": return dv.getFloat64(off, le);
    case "complex64": return { re: dv.getFloat32(off, le), im: dv.getFloat32(off + 4, le) };
    case "complex128": return { re: dv.getFloat64(off, le), im: dv.getFloat64(off + 8, le) };
  }
  throw new NumpyTypeError(`cannot read dtype ${dt.name}`);
}

/** A JS value as a number of a numeric field: strings parse as Python's bool(), int(), float() and complex() do, as NumPy's do. */
function numericOf(x: FlexValue, dt: DType): JSScalar {
  if (typeof x === "string") {
    if (dt.kind === "b") return x.length > 0;
    if (dt.kind === "i" || dt.kind === "u") return intInto(pyIntBig(x), dt);
    if (dt.kind === "c") return pyComplex(x);
    return pyFloat(x);
  }
  if (Array.isArray(x) || x instanceof Uint8Array) throw new ValueError("setting an array element with a sequence.");
  return x as JSScalar;
}

/** NumPy's str() of a value going into a "U" element (True, 1.5, 3). */
export function pyStrOf(x: FlexValue): string {
  if (typeof x === "string") return x;
  if (typeof x === "boolean") return x ? "True" : "False";
  if (typeof x === "bigint") return String(x);
  if (typeof x === "number") {
    if (Number.isInteger(x) && !Object.is(x, -0)) return String(x);
    if (Number.isNaN(x)) return "nan";
    if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
    const r = String(x);
    if (/e/.test(r)) {
      const [m, e] = r.split("e");
      const exp = Number(e);
      if (exp >= -4 && exp < 16) return x.toFixed(Math.max(0, -exp + (m.split(".")[1]?.length ?? 0)));
      return `${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
    }
    if (Math.abs(x) >= 1e16) return `${(x / 10 ** Math.floor(Math.log10(Math.abs(x))))}e+${Math.floor(Math.log10(Math.abs(x)))}`;
    return r.includes(".") ? r : `${r}.0`;
  }
  if (Array.isArray(x)) return `(${x.map(pyStrOf).join(", ")})`;
  if (x instanceof Uint8Array) return String(x);
  return String(x);
}

/** Writes `x` as one value of `dt` at byte `off` (NumPy's truncation, padding and broadcasting rules). */
export function writeValue(dv: DataView, off: number, dt: DType, x: FlexValue): void {
  if (dt instanceof UnicodeDType) {
    const s = pyStrOf(x);
    let k = 0;
    const le = !dt.big;
    for (const ch of s) {
      if (k >= dt.length) break;
      dv.setUint32(off + 4 * k++, ch.codePointAt(0)!, le);
    }
    for (; k < dt.length; k++) dv.setUint32(off + 4 * k, 0, le);
    return;
  }
  if (dt instanceof SubarrayDType) {
    const base = dt.subBase, n = prod(dt.subShape);
    if (!Array.isArray(x)) {
      for (let i = 0; i < n; i++) writeValue(dv, off + i * base.itemsize, base, x);
      return;
    }
    const flat: FlexValue[] = [];
    const walk = (v: FlexValue, d: number): void => {
      if (d === dt.subShape.length) return void flat.push(v);
      if (!Array.isArray(v)) throw new ValueError("setting an array element with a sequence.");
      if (v.length !== dt.subShape[d]) {
        throw new ValueError(`could not broadcast input array from shape (${v.length},) into shape (${dt.subShape[d]},)`);
      }
      for (const y of v) walk(y, d + 1);
    };
    walk(x, 0);
    flat.forEach((v, i) => writeValue(dv, off + i * base.itemsize, base, v));
    return;
  }
  if (dt instanceof StructDType) {
    if (dt.isPlainVoid) {
      if (!(x instanceof Uint8Array)) throw new NumpyTypeError(`a bytes-like object is required to set a void element`);
      for (let i = 0; i < dt.itemsize; i++) dv.setUint8(off + i, i < x.length ? x[i] : 0);
      return;
    }
    const fs = dt.structFields;
    if (Array.isArray(x)) {
      if (x.length !== fs.length) throw new ValueError(`could not assign tuple of length ${x.length} to structure with ${fs.length} fields.`);
      fs.forEach((f, i) => writeValue(dv, off + f.offset, f.dtype, x[i]));
    } else {
      // a scalar goes into every field, as NumPy assigns it
      for (const f of fs) writeValue(dv, off + f.offset, f.dtype, x);
    }
    return;
  }
  const v = toDTypeValue(numericOf(x, dt), dt);
  const le = dt.isnative;
  switch (dt.name) {
    case "bool": case "uint8": return dv.setUint8(off, v as number);
    case "int8": return dv.setInt8(off, v as number);
    case "int16": return dv.setInt16(off, v as number, le);
    case "uint16": return dv.setUint16(off, v as number, le);
    case "int32": return dv.setInt32(off, v as number, le);
    case "uint32": return dv.setUint32(off, v as number, le);
    case "int64": case "uint64": {
      const b = typeof v === "bigint" ? v : BigInt(v as number);
      return dv.setBigUint64(off, BigInt.asUintN(64, b), le);
    }
    case "float16": return dv.setUint16(off, d2h(Number(v)), le);
    case "float32": return dv.setFloat32(off, v as number, le);
    case "float64": return dv.setFloat64(off, v as number, le);
    case "complex64": { const c = v as { re: number; im: number }; dv.setFloat32(off, c.re, le); return dv.setFloat32(off + 4, c.im, le); }
    case "complex128": { const c = v as { re: number; im: number }; dv.setFloat64(off, c.re, le); return dv.setFloat64(off + 8, c.im, le); }
  }
  throw new NumpyTypeError(`cannot write dtype ${dt.name}`);
}

/** Element `i` (in elements) of `storage` as `dt` (the runtime/scalar.ts hook for flexible dtypes). */
export function readFlexElement(storage: Storage, dt: DType, i: number, bigint = false): FlexValue {
  // an array's own memory is native even when its dtype is big-endian (a shadow, src/byteorder.ts)
  return readValue(dataView(storage), i * dt.itemsize, dt.native, bigint);
}

export function writeFlexElement(storage: Storage, dt: DType, i: number, x: FlexValue): void {
  writeValue(dataView(storage), i * dt.itemsize, dt.native, x);
}

// ---- evaluating movement graphs ---------------------------------------------------------------------

/** NumPy's error for computing on a flexible dtype (ufuncs, reductions, casts to numbers). */
export function noLoopError(op: string, dtypes: readonly DType[]): NumpyTypeError {
  const shown = dtypes.map((d) => `dtype(${dtypeReprArg(d)})`).join(", ");
  return new NumpyTypeError(`ufunc '${op}' did not contain a loop with signature matching types (${shown}) -> None`);
}

/** The argument inside NumPy's dtype(...) repr: '<U3', [('a', '<i4')], 'float64'. */
export function dtypeReprArg(d: DType): string {
  if (d instanceof StructDType) return d.repr().slice("dtype(".length, -1);
  if (d instanceof UnicodeDType) return `'${d.str}'`;
  return `'${d.name}'`;
}

/** Called where the IR builds computing nodes (compiler/ir/node.ts): flexible dtypes have no loops. */
const REDUCE_UFUNC: Record<string, string> = { sum: "add", prod: "multiply", max: "maximum", min: "minimum", any: "logical_or", all: "logical_and" };

export function checkComputable(op: string, srcs: readonly { dtype: DType }[]): void {
  if (srcs.some((s) => s.dtype.isFlexible)) throw noLoopError(REDUCE_UFUNC[op] ?? op, srcs.map((s) => s.dtype));
}

/** Called by cast(): kernels never cast between flexible and numeric data (astype does str <-> number in src/strings.ts; structured <-> number is refused). */
export function checkCast(from: DType, to: DType): void {
  if (from.isFlexible === to.isFlexible) return;
  throw new NumpyTypeError(`Cannot cast array data from dtype(${dtypeReprArg(from)}) to dtype(${dtypeReprArg(to)}) in numfuse`);
}

/** Copies the elements of `src` (read through `sv`, C order) into `dst` through `dv`: both views of `itemsize` elements. */
export function copyElements(src: Storage, sv: View, dst: Storage, dvw: View, itemsize: number, ranges: readonly [number, number][] = [[0, itemsize]]): void {
  const s = src.bytes, d = dst.bytes;
  const dOffs: number[] = [];
  forEachOffset(dvw, (off) => dOffs.push(off * itemsize));
  forEachOffset(sv, (off, k) => {
    const a = off * itemsize;
    for (const [lo, hi] of ranges) d.set(s.subarray(a + lo, a + hi), dOffs[k] + lo);
  });
}

/** The bytes of a record that belong to its fields: writes leave the rest (other fields of a multi-field view) alone. */
function fieldRanges(dt: DType): [number, number][] {
  if (!(dt instanceof StructDType) || dt.isPlainVoid || dt.isPacked) return [[0, dt.itemsize]];
  const rs = dt.structFields.map((f) => [f.offset, f.offset + f.dtype.itemsize] as [number, number]).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of rs) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

interface Realized { storage: Storage; view: View }

/** U<n> -> U<m> (truncate/pad) and identical layouts: the flexible casts numfuse does. */
function castInto(src: Realized, from: DType, dst: Storage, to: DType): void {
  if (from instanceof UnicodeDType && to instanceof UnicodeDType) {
    const sd = dataView(src.storage), dd = dataView(dst);
    forEachOffset(src.view, (off, k) => writeValue(dd, k * to.itemsize, to, readValue(sd, off * from.itemsize, from)));
    return;
  }
  if (from instanceof StructDType && to instanceof StructDType && from.itemsize === to.itemsize && from.key === to.key) {
    copyElements(src.storage, src.view, dst, contiguousView(src.view.shape), to.itemsize);
    return;
  }
  if (from instanceof StructDType && to instanceof StructDType && !from.isPlainVoid && from.structFields.length === to.structFields.length) {
    // NumPy 2 casts structured to structured field by field, by position
    const sd = dataView(src.storage), dd = dataView(dst);
    forEachOffset(src.view, (off, k) => writeValue(dd, k * to.itemsize, to, readValue(sd, off * from.itemsize, from, true)));
    return;
  }
  throw new NumpyTypeError(`Cannot cast array data from dtype(${dtypeReprArg(from)}) to dtype(${dtypeReprArg(to)})`);
}

function materialize(n: Node, memo: Map<Node, Realized>): Realized {
  const hit = memo.get(n);
  if (hit) return hit;
  let r: Realized;
  const dt = n.dtype;
  if (n.op === Op.Load) {
    if (n.loadArg.storage) {
      syncForRead(n.loadArg.storage);
      r = { storage: n.loadArg.storage, view: n.loadArg.view };
    } else {
      // the source is materialized contiguous from offset 0, so the load's view applies to it as is
      const s = materialize(n.src[0], memo);
      r = { storage: s.storage, view: n.loadArg.view };
    }
  } else if (n.op === Op.Const) {
    const storage = allocStorage(n.size * dt.itemsize, true);
    // zeros are zero bytes ('' in unicode fields); any other value is encoded as NumPy assigns it
    if (n.size > 0 && n.constValue !== 0) {
      const one = allocStorage(dt.itemsize, true);
      writeFlexElement(one, dt, 0, n.constValue as JSScalar);
      const b = storage.bytes, v = one.bytes.subarray(0, dt.itemsize);
      for (let i = 0; i < n.size; i++) b.set(v, i * dt.itemsize);
    }
    r = { storage, view: contiguousView(n.shape) };
  } else if (n.op === Op.Contiguous) {
    const s = materialize(n.src[0], memo);
    const storage = allocStorage(n.size * dt.itemsize, false);
    copyElements(s.storage, s.view, storage, contiguousView(n.shape), dt.itemsize);
    r = { storage, view: contiguousView(n.shape) };
  } else if (n.op === Op.Cast) {
    const s = materialize(n.src[0], memo);
    const storage = allocStorage(n.size * dt.itemsize, true);
    castInto(s, n.src[0].dtype, storage, dt);
    r = { storage, view: contiguousView(n.shape) };
  } else if (n.op === Op.Where) {
    const c = n.src[0], x = materialize(n.src[1], memo), y = materialize(n.src[2], memo);
    if (c.dtype.isFlexible) throw noLoopError("where", [c.dtype]);
    throw new NumpyTypeError(`np.where on dtype(${dtypeReprArg(dt)}) is not supported by numfuse (x: ${x.view.shape}, y: ${y.view.shape})`);
  } else {
    throw noLoopError(n.op, n.src.map((s) => s.dtype));
  }
  memo.set(n, r);
  return r;
}

/** Evaluates a graph of a flexible dtype (loads, constants, copies, casts) into fresh contiguous storage. */
export function evalFlexible(root: Node): Realized {
  const r = materialize(root, new Map());
  if (root.op === Op.Load) {
    const storage = allocStorage(root.size * root.dtype.itemsize, false);
    copyElements(r.storage, r.view, storage, contiguousView(root.shape), root.dtype.itemsize);
    return { storage, view: contiguousView(root.shape) };
  }
  return r;
}

/** out= / assignment into a flexible target: evaluates `node`, then moves its bytes into the target's view. */
export function writeFlexible(storage: Storage, view: View, node: Node, dt: DType): void {
  if (node.dtype !== dt && node.dtype.key !== dt.key) throw new NumpyTypeError(`cannot write dtype(${dtypeReprArg(node.dtype)}) into dtype(${dtypeReprArg(dt)})`);
  const r = materialize(node, new Map());
  copyElements(r.storage, r.view, storage, view, dt.itemsize, fieldRanges(dt));
}

export { unicodeDType };
