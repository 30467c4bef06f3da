/** @file Indexing per API.md: integers, slice strings, "...", newaxis, boolean masks and integer arrays; get returns views for basic indexing, set writes in place with broadcasting. */
import { cast, constant, contiguous, storagesRead } from "../compiler/ir/node.js";
import { expand } from "../compiler/ir/movement.js";
import type { View } from "../compiler/ir/view.js";
import { DTYPES } from "../runtime/dtype.js";
import { IndexError, NumpyTypeError, ValueError } from "../runtime/errors.js";
import { readElement, writeElement, type JSScalar } from "../runtime/scalar.js";
import { asarray, isNDArray, type ArrayLike } from "./convert.js";
import { afterWrite, beforeWrite, emptyArray, NDArray, writeInto } from "./ndarray.js";
import { keepByteOrder } from "./byteorder.js";
import { broadcastShapes } from "./ufunc/ufunc.js";

export type IndexItem = number | string | null | NDArray | boolean[] | number[] | readonly unknown[];

interface SliceSpec {
  kind: "slice";
  start: number | null;
  stop: number | null;
  step: number | null;
}
type Parsed = { kind: "int"; i: number } | SliceSpec | { kind: "ellipsis" } | { kind: "newaxis" } | { kind: "array"; a: NDArray };

function parseSliceText(t: string): Parsed {
  const s = t.trim();
  if (s === "...") return { kind: "ellipsis" };
  if (s === "None" || s === "newaxis") return { kind: "newaxis" };
  if (!s.includes(":")) {
    const n = Number(s);
    if (!Number.isInteger(n)) throw new IndexError(`only integers, slices (\`:\`), ellipsis (\`...\`), numpy.newaxis (\`None\`) and integer or boolean arrays are valid indices`);
    return { kind: "int", i: n };
  }
  const parts = s.split(":").map((p) => p.trim());
  if (parts.length > 3) throw new ValueError(`invalid slice '${s}'`);
  const num = (p: string | undefined) => {
    if (p === undefined || p === "") return null;
    const n = Number(p);
    if (!Number.isInteger(n)) throw new ValueError(`invalid slice '${s}'`);
    return n;
  };
  const step = num(parts[2]);
  if (step === 0) throw new ValueError("slice step cannot be zero");
  return { kind: "slice", start: num(parts[0]), stop: num(parts[1]), step };
}

function parseItems(items: readonly IndexItem[]): Parsed[] {
  // one string may hold the whole tuple: "1:3, ::2"
  if (items.length === 1 && typeof items[0] === "string" && items[0].includes(",")) {
    return items[0].split(",").map(parseSliceText);
  }
  return items.map((it): Parsed => {
    if (typeof it === "number") {
      if (!Number.isInteger(it)) throw new IndexError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
      return { kind: "int", i: it };
    }
    if (typeof it === "string") return parseSliceText(it);
    if (it === null || it === undefined) return { kind: "newaxis" };
    const a = isNDArray(it) ? it : asarray(it as ArrayLike);
    if (a.dtype.kind !== "b" && a.dtype.kind !== "i" && a.dtype.kind !== "u") {
      if (a.size === 0) return { kind: "array", a: a.astype("int64") };
      throw new IndexError("arrays used as indices must be of integer (or boolean) type");
    }
    return { kind: "array", a };
  });
}

/** Python's slice.indices: normalized start, count and step for an axis of length n. */
export function sliceIndices(s: SliceSpec, n: number): { start: number; count: number; step: number } {
  const step = s.step ?? 1;
  let start: number, stop: number;
  if (step > 0) {
    start = s.start === null ? 0 : s.start < 0 ? Math.max(s.start + n, 0) : Math.min(s.start, n);
    stop = s.stop === null ? n : s.stop < 0 ? Math.max(s.stop + n, 0) : Math.min(s.stop, n);
  } else {
    start = s.start === null ? n - 1 : s.start < 0 ? Math.max(s.start + n, -1) : Math.min(s.start, n - 1);
    stop = s.stop === null ? -1 : s.stop < 0 ? Math.max(s.stop + n, -1) : Math.min(s.stop, n - 1);
  }
  const count = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((start - stop) / -step));
  return { start, count, step };
}

/** Expand "..." and check the count of indices against ndim. */
function normalize(parsed: Parsed[], ndim: number): Parsed[] {
  const consumes = (p: Parsed) => (p.kind === "newaxis" || p.kind === "ellipsis" ? 0 : p.kind === "array" && p.a.dtype.kind === "b" ? p.a.ndim : 1);
  const ell = parsed.filter((p) => p.kind === "ellipsis").length;
  if (ell > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
  const used = parsed.reduce((s, p) => s + consumes(p), 0);
  if (used > ndim) throw new IndexError(`too many indices for array: array is ${ndim}-dimensional, but ${used} were indexed`);
  const fill: Parsed[] = Array.from({ length: ndim - used }, () => ({ kind: "slice", start: null, stop: null, step: null }));
  const i = parsed.findIndex((p) => p.kind === "ellipsis");
  return i >= 0 ? [...parsed.slice(0, i), ...fill, ...parsed.slice(i + 1)] : [...parsed, ...fill];
}

/** Basic indexing as one view map; null if the index has arrays (advanced indexing). */
function basicView(a: NDArray, idx: Parsed[]): { map: (v: View) => View; shape: number[] } | null {
  if (idx.some((p) => p.kind === "array")) return null;
  const shape: number[] = [];
  const plan: ({ axis: number; kind: "int"; i: number } | { axis: number; kind: "slice"; start: number; count: number; step: number } | { kind: "newaxis" })[] = [];
  let axis = 0;
  for (const p of idx) {
    if (p.kind === "newaxis") {
      plan.push({ kind: "newaxis" });
      shape.push(1);
    } else if (p.kind === "int") {
      const n = a.shape[axis];
      if (p.i < -n || p.i >= n) throw new IndexError(`index ${p.i} is out of bounds for axis ${axis} with size ${n}`);
      plan.push({ axis, kind: "int", i: p.i < 0 ? p.i + n : p.i });
      axis++;
    } else if (p.kind === "slice") {
      const r = sliceIndices(p, a.shape[axis]);
      plan.push({ axis, kind: "slice", ...r });
      shape.push(r.count);
      axis++;
    }
  }
  const map = (v: View): View => {
    let offset = v.offset;
    const strides: number[] = [];
    for (const step of plan) {
      if (step.kind === "newaxis") strides.push(0);
      else if (step.kind === "int") offset += step.i * v.strides[step.axis];
      else {
        if (step.count > 0) offset += step.start * v.strides[step.axis];
        strides.push(v.strides[step.axis] * step.step);
      }
    }
    return { shape, strides, offset };
  };
  return { map, shape };
}

export function get(a: NDArray, ...items: IndexItem[]): NDArray {
  const idx = normalize(parseItems(items), a.ndim);
  const basic = basicView(a, idx);
  if (basic) return a._makeView(basic.map, basic.shape);
  return keepByteOrder(advancedGet(a, idx), a.dtype);
}

const tupleStr = (s: readonly number[]) => `(${s.join(",")}${s.length === 1 ? "," : ""})`;

type AdvItem =
  | { kind: "adv"; a: NDArray; axis: number } // axis -1: a 0-d boolean, which adds a dim and reads no axis
  | { kind: "slice"; axis: number; start: number; count: number; step: number }
  | { kind: "newaxis" };

/**
 * Advanced indexing: the element offset (into `a`'s storage) of every output element, in C order.
 * As NumPy: masks become their nonzero() coordinates, integers next to arrays are advanced
 * indices too (0-d arrays), and the broadcast index dims replace the indexed axes in place when
 * all advanced indices are adjacent, else they go first.
 */
function advancedIndex(a: NDArray, idx: Parsed[]): { shape: number[]; offsets: number[] } {
  const items: AdvItem[] = [];
  let axis = 0;
  for (const p of idx) {
    if (p.kind === "array" && p.a.dtype.kind === "b") {
      const m = p.a;
      if (m.ndim === 0) {
        items.push({ kind: "adv", a: asarray(m.item() ? [0] : new BigInt64Array(0)), axis: -1 });
        continue;
      }
      for (let k = 0; k < m.ndim; k++) {
        if (m.shape[k] !== a.shape[axis + k]) {
          throw new IndexError(`boolean index did not match indexed array along axis ${axis + k}; size of axis is ${a.shape[axis + k]} but size of corresponding boolean axis is ${m.shape[k]}`);
        }
      }
      nonzeroCoords(m).forEach((c, k) => items.push({ kind: "adv", a: c, axis: axis + k }));
      axis += m.ndim;
    } else if (p.kind === "array") items.push({ kind: "adv", a: p.a, axis: axis++ });
    else if (p.kind === "int") items.push({ kind: "adv", a: asarray(p.i), axis: axis++ });
    else if (p.kind === "slice") items.push({ kind: "slice", axis, ...sliceIndices(p, a.shape[axis]) }), axis++;
    else if (p.kind === "newaxis") items.push({ kind: "newaxis" });
  }
  const advs = items.filter((p): p is Extract<AdvItem, { kind: "adv" }> => p.kind === "adv");
  let bshape: number[];
  try {
    bshape = broadcastShapes(...advs.map((x) => x.a.shape));
  } catch {
    throw new IndexError(`shape mismatch: indexing arrays could not be broadcast together with shapes ${advs.map((x) => tupleStr(x.a.shape)).join(" ")} `);
  }
  const positions = items.flatMap((p, i) => (p.kind === "adv" ? [i] : []));
  const adjacent = positions.every((p, i) => i === 0 || p === positions[i - 1] + 1);
  const { view } = a._realized();

  // the plain dims (slices and new axes) as (count, element stride, start offset)
  const plain = (p: AdvItem) =>
    p.kind === "slice"
      ? { count: p.count, stride: p.step * view.strides[p.axis], start: p.count > 0 ? p.start * view.strides[p.axis] : 0 }
      : { count: 1, stride: 0, start: 0 };
  const first = positions[0], last = positions[positions.length - 1];
  const nonAdv = (lo: number, hi: number) => items.slice(lo, hi).filter((p) => p.kind !== "adv").map(plain);
  const before = adjacent ? nonAdv(0, first) : [];
  const after = adjacent ? nonAdv(last + 1, items.length) : nonAdv(0, items.length);
  const shape = [...before.map((d) => d.count), ...bshape, ...after.map((d) => d.count)];

  // the advanced part: one offset per broadcast index position, bounds-checked as NumPy reports it
  const bsize = bshape.reduce((p, n) => p * n, 1);
  const advOffsets = new Array<number>(bsize).fill(0);
  for (const x of advs) {
    if (x.axis < 0) continue;
    const n = a.shape[x.axis], st = view.strides[x.axis];
    const read = new NDArray(expand(cast(x.a._node, DTYPES.int64), bshape)).eval()._elementReader();
    for (let j = 0; j < bsize; j++) {
      const i = Number(read(j));
      if (i < -n || i >= n) throw new IndexError(`index ${i} is out of bounds for axis ${x.axis} with size ${n}`);
      advOffsets[j] += (i < 0 ? i + n : i) * st;
    }
  }
  const base = view.offset + [...before, ...after].reduce((o, d) => o + d.start, 0);
  const offsets: number[] = [];
  const walk = (dims: readonly { count: number; stride: number }[], k: number, off: number, then: (off: number) => void): void => {
    if (k === dims.length) return then(off);
    const d = dims[k];
    for (let i = 0; i < d.count; i++) walk(dims, k + 1, off + i * d.stride, then);
  };
  walk(before, 0, base, (o1) => {
    for (let j = 0; j < bsize; j++) walk(after, 0, o1 + advOffsets[j], (o2) => offsets.push(o2));
  });
  return { shape, offsets };
}

/** Per axis, the coordinates of the true elements of `m` (np.nonzero), as int64 arrays. */
function nonzeroCoords(m: NDArray): NDArray[] {
  const read = m._elementReader();
  const shape = m.shape;
  const coords: number[][] = shape.map(() => []);
  for (let f = 0; f < m.size; f++) {
    if (read(f)) {
      let r = f;
      for (let d = shape.length - 1; d >= 0; d--) {
        coords[d].push(r % shape[d]);
        r = Math.floor(r / shape[d]);
      }
    }
  }
  return coords.map((c) => asarray(c.length ? c : new BigInt64Array(0), { dtype: "int64" }));
}

function advancedGet(a: NDArray, idx: Parsed[]): NDArray {
  const { shape, offsets } = advancedIndex(a, idx);
  const out = emptyArray(shape, a.dtype, false);
  const { storage: src } = a._realized();
  const { storage: dst } = out._realized();
  for (let f = 0; f < offsets.length; f++) writeElement(dst, a.dtype, f, readElement(src, a.dtype, offsets[f], true));
  return out;
}

/** a[items] = value, in place; pending readers of the memory are computed first. */
export function set(a: NDArray, ...args: unknown[]): void {
  if (args.length < 1) throw new NumpyTypeError("set() needs a value");
  const value = args[args.length - 1] as ArrayLike;
  const items = args.slice(0, -1) as IndexItem[];
  if (!a.flags.writeable) throw new ValueError("assignment destination is read-only");
  const idx = normalize(parseItems(items), a.ndim);
  const basic = basicView(a, idx);
  if (basic) {
    const target = a._makeView(basic.map, basic.shape);
    assign(target, value);
    return;
  }
  // the value is read before anything is written, so a[[0, 1]] = a[[1, 0]] swaps
  const v = asarray(value, a.dtype.isFlexible ? { dtype: a.dtype } : {});
  const { shape, offsets } = advancedIndex(a, idx);
  const single = idx[0];
  if (idx.length === 1 && single.kind === "array" && single.a.dtype.kind === "b" && single.a.ndim === a.ndim && a.ndim > 0) {
    // NumPy's own path for one full-rank mask: a 0-d/1-d value of size 1 or of the true count
    if (v.ndim > 1) throw new NumpyTypeError(`NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has ${v.ndim} dimensions`);
    if (v.size !== 1 && v.size !== offsets.length) {
      throw new ValueError(`NumPy boolean array indexing assignment cannot assign ${v.size} input values to the ${offsets.length} output values where the mask is true`);
    }
  } else {
    const lead = shape.length - v.ndim;
    if (lead < 0 || v.shape.some((n, i) => n !== 1 && n !== shape[lead + i])) {
      throw new ValueError(`shape mismatch: value array of shape ${tupleStr(v.shape)} could not be broadcast to indexing result of shape ${tupleStr(shape)}`);
    }
  }
  // a copy: the value may view the memory being written
  const flat = new NDArray(contiguous(expand(cast((v.size === 1 ? v.reshape([]) : v)._node, a.dtype), shape))).eval();
  const read = flat._elementReader(true);
  const { storage } = a._realized();
  beforeWrite(storage);
  for (let f = 0; f < offsets.length; f++) writeElement(storage, a.dtype, offsets[f], read(f) as JSScalar);
  afterWrite(storage);
}

/** target[...] = value with broadcasting and NumPy's unsafe-ish assignment cast. */
export function assign(target: NDArray, value: ArrayLike): void {
  if (!target.flags.writeable) throw new ValueError("assignment destination is read-only");
  const v = typeof value === "number" || typeof value === "boolean" || typeof value === "bigint"
    ? new NDArray(constant(Number(value), target.dtype, []))
    : asarray(value, target.dtype.isFlexible ? { dtype: target.dtype } : {});
  const lead = target.ndim - v.ndim;
  // NumPy lets leading 1s of the value go (a[0] = [[5, 6]] on a row)
  const extra = lead < 0 ? v.shape.slice(0, -lead) : [];
  if (extra.some((n) => n !== 1) || v.shape.slice(extra.length).some((n, i) => n !== 1 && n !== target.shape[Math.max(lead, 0) + i])) {
    throw new ValueError(`could not broadcast input array from shape ${tupleStr(v.shape)} into shape ${tupleStr(target.shape)}`);
  }
  const src = extra.length ? v.reshape(v.shape.slice(extra.length)) : v;
  let node = expand(cast(src._node, target.dtype), target.shape);
  // a value that reads the memory being written goes through a temporary first: writeInto's own
  // guard is lost when the value is a bare load (the scheduler drops the Contiguous for out=)
  const { storage } = target._realized();
  if (storagesRead(node).has(storage)) node = new NDArray(contiguous(node)).eval()._node;
  writeInto(target, node);
}
