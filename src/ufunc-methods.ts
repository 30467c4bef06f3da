/** @file The ufunc methods outer (lazy, fused), at (unbuffered, in place) and reduceat, as functions of a ufunc object from ufunc/all.ts. */
import { forEachOffset } from "../compiler/ir/view.js";
import { cast, type Node } from "../compiler/ir/node.js";
import { OP_DEFS } from "../compiler/ir/ops.js";
import { expand } from "../compiler/ir/movement.js";
import { DTYPES, type DType } from "../runtime/dtype.js";
import { AxisError, IndexError, NumpyTypeError, ValueError } from "../runtime/errors.js";
import { readElement, writeElement, type JSScalar } from "../runtime/scalar.js";
import { concatenate } from "./combine.js";
import { asarray, type ArrayLike } from "./convert.js";
import { get, type IndexItem } from "./indexing.js";
import { afterWrite, beforeWrite, emptyArray, NDArray, writeInto } from "./ndarray.js";
import { UFUNC_DEFS, UFUNC_NAMES, type UfuncDef } from "./ufunc/defs.js";
import { singlePrimitive } from "./ufunc/primitive.js";
import { broadcastShapes, prepareInputs, type Ufunc, type Ufunc2, type UfuncBase } from "./ufunc/ufunc.js";

type AnyUfunc = Ufunc | Ufunc2;

function defOf(uf: UfuncBase): { name: string; def: UfuncDef } {
  for (const [k, def] of Object.entries(UFUNC_DEFS)) if ((UFUNC_NAMES[k] ?? k) === uf.__name__) return { name: uf.__name__, def };
  throw new NumpyTypeError(`not a ufunc: ${String(uf.__name__)}`);
}

const isScalar = (x: unknown) => typeof x === "number" || typeof x === "boolean" || typeof x === "bigint";

/** ufunc.outer(a, b, {out, dtype, ...}): uf(a[..., None, ...], b), lazy, so it fuses with what follows. */
export function ufuncOuter(uf: AnyUfunc, a: ArrayLike, b: ArrayLike, opts: Record<string, unknown> = {}): NDArray | NDArray[] {
  if (uf.nin !== 2) throw new ValueError("outer product only supported for binary functions");
  // NumPy converts both operands to arrays first: Python scalars are not weak here
  const x = asarray(a), y = asarray(b);
  const xr = x.reshape([...x.shape, ...y.shape.map(() => 1)]);
  return (uf as (...args: unknown[]) => NDArray | NDArray[])(xr, y, opts);
}

/** The index tuple of ufunc.at: a JS array of plain numbers is one integer-array index (a Python list), any other JS array is the tuple. */
function indexItems(indices: unknown): IndexItem[] {
  if (Array.isArray(indices) && !indices.every((v) => typeof v === "number" || typeof v === "bigint" || typeof v === "boolean")) return indices as IndexItem[];
  return [indices as IndexItem];
}

const toNum = (v: JSScalar): number => (typeof v === "boolean" ? (v ? 1 : 0) : Number(v));

/** a double result stored as NumPy's unsafe cast would (ints truncate, then wrap on store) */
function storeValue(v: number | boolean, dt: DType): JSScalar {
  if (dt.kind === "b") return typeof v === "boolean" ? v : v !== 0;
  const x = toNum(v);
  if (dt.kind === "i" || dt.kind === "u") {
    if (!Number.isFinite(x)) return dt.isWide ? BigInt.asIntN(64, -(2n ** 63n)) : 0;
    return dt.isWide ? BigInt(Math.trunc(x)) : Math.trunc(x);
  }
  return x;
}

/** ufunc.at(a, indices, b): a[indices] = uf(a[indices], b), unbuffered: repeated indices apply once per occurrence. */
export function ufuncAt(uf: AnyUfunc, a: NDArray, indices: unknown, b?: ArrayLike): void {
  const { name, def } = defOf(uf);
  if (!(a instanceof NDArray)) throw new NumpyTypeError("first operand must be an array");
  if ((def.nout ?? 1) !== 1) throw new ValueError(`ufunc.at does not support ufuncs with more than one output`);
  if (def.nin === 2 && b === undefined) throw new ValueError("second operand needed for ufunc");
  if (def.nin === 1 && b !== undefined) throw new ValueError("second operand provided when ufunc is unary");
  if (!a.flags.writeable) throw new ValueError("assignment destination is read-only");
  const { storage, view } = a._realized();
  // the storage offset of every element, indexed exactly as a[indices] would be (fancy, slices, masks, tuples)
  const offs = emptyArray(a.shape, DTYPES.float64, false);
  {
    const st = offs._realized().storage.lanes(DTYPES.float64) as Float64Array;
    forEachOffset(view, (off, k) => {
      st[k] = off;
    });
  }
  const sel = get(offs, ...indexItems(indices));
  const selOffs = Array.from(sel.eval()._node.size ? (sel.reshape(-1).tolist() as number[]) : []);
  // the loop dtype from a's dtype and b as NumPy resolves them (b keeps its weak-scalar rules)
  const probeA = emptyArray([], a.dtype);
  const inputs = def.nin === 2 ? [probeA, isScalar(b) ? b : asarray(b as ArrayLike)] : [probeA];
  const prep = prepareInputs(name, def, inputs);
  const loop = prep.loop;
  let bvals: JSScalar[] = [];
  if (def.nin === 2) {
    const bNode = prep.nodes[1];
    let shaped: Node;
    try {
      broadcastShapes(bNode.shape, sel.shape);
      if (bNode.shape.length > sel.shape.length) throw new ValueError("");
      shaped = expand(bNode, sel.shape);
    } catch {
      throw new ValueError("array is not broadcastable to correct shape");
    }
    const bArr = new NDArray(shaped).eval();
    const read = bArr._elementReader();
    bvals = Array.from({ length: sel.size }, (_, i) => read(i));
  }
  beforeWrite(storage, a);
  const dt = a.dtype;
  const prim = loop.kind === "c" || dt.kind === "c" ? null : singlePrimitive(def, loop);
  if (prim) {
    const fn = OP_DEFS[prim].fn;
    const loopVal = (v: JSScalar) => toNum(loop.kind === "b" ? (toNum(v) !== 0) : v);
    for (let i = 0; i < selOffs.length; i++) {
      const off = selOffs[i];
      const x = loopVal(castScalar(readElement(storage, dt, off), loop));
      const y = def.nin === 2 ? loopVal(bvals[i]) : 0;
      writeElement(storage, dt, off, storeValue(castResult(fn(x, y, loop), prep.out), dt));
    }
    return afterWrite(storage);
  }
  // any other ufunc: apply it in rounds, each round touching every index at most once, in order
  const seen = new Map<number, number>();
  const rounds: number[][] = [];
  selOffs.forEach((off, i) => {
    const r = seen.get(off) ?? 0;
    seen.set(off, r + 1);
    (rounds[r] ??= []).push(i);
  });
  for (const round of rounds) {
    const xs = emptyArray([round.length], dt, false);
    const xst = xs._realized().storage;
    round.forEach((i, j) => writeElement(xst, dt, j, readElement(storage, dt, selOffs[i])));
    const args: unknown[] = [xs];
    if (def.nin === 2) {
      const ys = emptyArray([round.length], loop, false);
      const yst = ys._realized().storage;
      round.forEach((i, j) => writeElement(yst, loop, j, bvals[i]));
      args.push(ys);
    }
    const r = (uf as Ufunc)(...args);
    const read = new NDArray(cast(r._node, dt)).eval()._elementReader();
    round.forEach((i, j) => writeElement(storage, dt, selOffs[i], read(j)));
  }
  afterWrite(storage);
}

/** a stored value as the loop dtype sees it (the loop's cast of a's dtype) */
function castScalar(v: JSScalar, loop: DType): JSScalar {
  if (loop.kind === "b") return toNum(v) !== 0;
  if (loop.kind === "f" && loop.itemsize === 4) return Math.fround(toNum(v));
  return v;
}
/** the primitive's double rounded as the ufunc's output dtype stores it */
function castResult(v: number | boolean, out: DType): number | boolean {
  if (out.kind === "b") return typeof v === "boolean" ? v : v !== 0;
  if (out.kind === "f" && out.itemsize === 4) return Math.fround(toNum(v));
  if ((out.kind === "i" || out.kind === "u") && !out.isWide) {
    // wrap to the output's width, as the kernel's typed-array store does
    const x = Math.trunc(toNum(v));
    const bits = out.itemsize * 8;
    const m = 2 ** bits;
    let w = ((x % m) + m) % m;
    if (out.kind === "i" && w >= m / 2) w -= m;
    return w;
  }
  return v;
}

/** ufunc.reduceat(a, indices, {axis, dtype, out}): reductions over a[indices[i]:indices[i+1]] along axis (a[indices[i]] where the next index is not larger). */
export function ufuncReduceat(uf: AnyUfunc, a: ArrayLike, indices: ArrayLike, opts: { axis?: number; dtype?: unknown; out?: NDArray | null } = {}): NDArray {
  const { name, def } = defOf(uf);
  if (def.nin !== 2) throw new ValueError("reduceat only supported for binary functions");
  if ((def.nout ?? 1) !== 1) throw new ValueError("reduceat only supported for functions returning a single value");
  const arr = asarray(a);
  const axis0 = opts.axis ?? 0;
  if (arr.ndim === 0) throw new NumpyTypeError("cannot perform reduceat with a 0-d array");
  if (axis0 < -arr.ndim || axis0 >= arr.ndim) throw new AxisError(`axis ${axis0} is out of bounds for array of dimension ${arr.ndim}`);
  const axis = axis0 < 0 ? axis0 + arr.ndim : axis0;
  const idxArr = asarray(indices);
  if (idxArr.ndim !== 1) throw new ValueError("index array must be 1-D");
  if (idxArr.dtype.kind !== "i" && idxArr.dtype.kind !== "u" && idxArr.size > 0) throw new NumpyTypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
  const idx = idxArr.size ? (idxArr.tolist() as number[]).map(Number) : [];
  const n = arr.shape[axis];
  for (const i of idx) if (i < 0 || i >= n) throw new IndexError(`index ${i} out-of-bounds in ${name}.reduceat [0, ${n})`);
  const sl = (lo: number, hi: number) => get(arr, ...arr.shape.map((_, d) => (d === axis ? `${lo}:${hi}` : ":")));
  const reduceOpts = (o: Record<string, unknown>) => ({ axis, keepdims: true, ...(opts.dtype !== undefined && opts.dtype !== null ? { dtype: opts.dtype } : {}), ...o });
  const parts: (NDArray | null)[] = idx.map((lo, i) => {
    const hi = i + 1 < idx.length ? idx[i + 1] : n;
    return lo < hi ? uf.reduce(sl(lo, hi), reduceOpts({})) : null;
  });
  // the dtype the reductions give (NumPy's reduce rules: add of int8 is int64), also for single-element segments
  const resDt = parts.find((p) => p)?.dtype ?? uf.reduce(sl(0, Math.min(n, 1)), reduceOpts({})).dtype;
  const pieces = parts.map((p, i) => (p ? p : new NDArray(cast(sl(idx[i], idx[i] + 1)._node, resDt))));
  const shape = arr.shape.map((s, d) => (d === axis ? idx.length : s));
  const result = pieces.length ? concatenate(pieces, { axis }) : emptyArray(shape, resDt);
  if (opts.out) {
    const out = opts.out;
    if (out.ndim !== shape.length || out.shape.some((s, d) => s !== shape[d])) {
      throw new ValueError(`output operand shape (${out.shape.join(",")}) does not match the result shape (${shape.join(",")})`);
    }
    writeInto(out, cast(result._node, out.dtype));
    return out;
  }
  return result;
}
