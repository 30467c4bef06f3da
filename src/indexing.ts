/** @file Indexing per API.md: integers, slice strings, "...", newaxis, boolean masks and integer arrays; get returns views for basic indexing, set writes in place with broadcasting. */
import { cast, constant } from "../compiler/ir/node.js";
import { expand } from "../compiler/ir/movement.js";
import type { View } from "../compiler/ir/view.js";
import { DTYPES } from "../runtime/dtype.js";
import { IndexError, NumpyTypeError, ValueError } from "../runtime/errors.js";
import { readElement, writeElement, type JSScalar } from "../runtime/scalar.js";
import { asarray, isNDArray, type ArrayLike } from "./convert.js";
import { beforeWrite, emptyArray, NDArray, writeInto } from "./ndarray.js";
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
  const consumes = (p: Parsed) => (p.kind === "newaxis" || p.kind === "ellipsis" ? 0 : p.kind === "array" && p.a.dtype.kind === "b" ? Math.max(p.a.ndim, 1) : 1);
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
  return advancedGet(a, idx);
}

/** Advanced indexing: coordinates per output element, then a gather (a copy, as in NumPy). */
function advancedIndex(a: NDArray, idx: Parsed[]): { shape: number[]; offsets: Int32Array | number[]; view: View } {
  // turn boolean masks into integer arrays (nonzero), one per masked axis
  const expanded: Parsed[] = [];
  let axis = 0;
  for (const p of idx) {
    if (p.kind === "array" && p.a.dtype.kind === "b") {
      const m = p.a;
      const nd = Math.max(m.ndim, 1);
      for (let k = 0; k < nd; k++) {
        if ((m.ndim === 0 ? 1 : m.shape[k]) !== a.shape[axis + k] && m.ndim > 0) {
          throw new IndexError(`boolean index did not match indexed array along axis ${axis + k}; size of axis is ${a.shape[axis + k]} but size of corresponding boolean axis is ${m.shape[k]}`);
        }
      }
      const coords = nonzeroCoords(m);
      for (let k = 0; k < m.ndim; k++) expanded.push({ kind: "array", a: coords[k] });
      axis += nd;
    } else {
      expanded.push(p);
      if (p.kind !== "newaxis") axis++;
    }
  }
  const arrays = expanded.filter((p): p is { kind: "array"; a: NDArray } => p.kind === "array").map((p) => p.a);
  const bshape = broadcastShapes(...arrays.map((x) => x.shape));
  // NumPy puts the broadcast dims first unless the arrays are adjacent
  const positions = expanded.map((p, i) => (p.kind === "array" ? i : -1)).filter((i) => i >= 0);
  const adjacent = positions.every((p, i) => i === 0 || p === positions[i - 1] + 1);
  const { storage, view } = a._realized();
  void storage;
  const dims: { kind: "b" } | { kind: "s"; axis: number; start: number; count: number; step: number }[] = [];
  const outShape: number[] = [];
  const axisOf: number[] = [];
  axis = 0;
  const firstArr = positions[0];
  const sliceDims: { pos: number; axis: number; start: number; count: number; step: number; newaxis: boolean }[] = [];
  expanded.forEach((p, i) => {
    if (p.kind === "array") {
      axisOf.push(axis);
      axis++;
    } else if (p.kind === "newaxis") sliceDims.push({ pos: i, axis: -1, start: 0, count: 1, step: 1, newaxis: true });
    else if (p.kind === "int") {
      axisOf.push(-1);
      sliceDims.push({ pos: i, axis, start: p.i < 0 ? p.i + a.shape[axis] : p.i, count: -1, step: 0, newaxis: false });
      axis++;
    } else if (p.kind === "slice") {
      const r = sliceIndices(p, a.shape[axis]);
      sliceDims.push({ pos: i, axis, ...r, newaxis: false });
      axis++;
    }
  });
  void dims;
  const arrAxes = expanded.map((p, i) => [p, i] as const).filter(([p]) => p.kind === "array");
  let arrAxis = 0;
  const arrayAxis: number[] = [];
  {
    let ax = 0;
    for (const p of expanded) {
      if (p.kind === "array") arrayAxis.push(ax);
      if (p.kind !== "newaxis") ax++;
    }
  }
  void arrAxes; void arrAxis; void axisOf;
  const outerSlices = sliceDims.filter((s) => s.count !== -1);
  const before = adjacent ? outerSlices.filter((s) => s.pos < firstArr) : [];
  const after = adjacent ? outerSlices.filter((s) => s.pos > firstArr) : outerSlices;
  outShape.push(...before.map((s) => s.count), ...bshape, ...after.map((s) => s.count));
  // base offset from integer indices
  let base = view.offset;
  for (const s of sliceDims) if (s.count === -1) {
    const n = a.shape[s.axis];
    if (s.start < 0 || s.start >= n) throw new IndexError(`index ${s.start - (s.start >= n ? 0 : n)} is out of bounds for axis ${s.axis} with size ${n}`);
    base += s.start * view.strides[s.axis];
  }
  const idxReaders = arrays.map((x) => {
    const b = new NDArray(expand(cast(x._node, DTYPES.int64), bshape)).eval();
    return b._elementReader();
  });
  const total = outShape.reduce((p, n) => p * n, 1);
  const offsets = new Array<number>(total);
  const bsize = bshape.reduce((p, n) => p * n, 1);
  const coordsOf = (flat: number, shape: readonly number[]) => {
    const c = new Array<number>(shape.length);
    for (let d = shape.length - 1; d >= 0; d--) {
      c[d] = flat % shape[d];
      flat = Math.floor(flat / shape[d]);
    }
    return c;
  };
  // validate and precompute the array part
  const arrOffsets = new Array<number>(bsize);
  for (let j = 0; j < bsize; j++) {
    let off = 0;
    arrays.forEach((_, k) => {
      const ax = arrayAxis[k], n = a.shape[ax];
      let i = Number(idxReaders[k](j));
      if (i < -n || i >= n) throw new IndexError(`index ${i} is out of bounds for axis ${ax} with size ${n}`);
      if (i < 0) i += n;
      off += i * view.strides[ax];
    });
    arrOffsets[j] = off;
  }
  for (let f = 0; f < total; f++) {
    const c = coordsOf(f, outShape);
    let off = base;
    let k = 0;
    for (const s of before) {
      if (!s.newaxis) off += (s.start + c[k] * s.step) * view.strides[s.axis];
      k++;
    }
    let bflat = 0;
    for (let d = 0; d < bshape.length; d++) bflat = bflat * bshape[d] + c[k + d];
    k += bshape.length;
    off += arrOffsets[bflat] ?? 0;
    for (const s of after) {
      if (!s.newaxis) off += (s.start + c[k] * s.step) * view.strides[s.axis];
      k++;
    }
    offsets[f] = off;
  }
  return { shape: outShape, offsets, view };
}

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
  if (m.ndim === 0) return [asarray(read(0) ? [0] : [])];
  return coords.map((c) => asarray(c.length ? c : new BigInt64Array(0)));
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
  const { shape, offsets } = advancedIndex(a, idx);
  const v = asarray(value);
  const full = broadcastShapes(v.shape, shape);
  if (full.length > shape.length || full.some((n, i) => n !== shape[i])) {
    throw new ValueError(`shape mismatch: value array of shape (${v.shape.join(",")}${v.ndim === 1 ? "," : ""}) could not be broadcast to indexing result of shape (${shape.join(",")}${shape.length === 1 ? "," : ""})`);
  }
  const src = new NDArray(expand(cast(v._node, a.dtype), shape)).eval();
  const read = src._elementReader(true);
  const { storage } = a._realized();
  beforeWrite(storage);
  for (let f = 0; f < offsets.length; f++) writeElement(storage, a.dtype, offsets[f], read(f) as JSScalar);
}

/** target[...] = value with broadcasting and NumPy's unsafe-ish assignment cast. */
export function assign(target: NDArray, value: ArrayLike): void {
  const v = typeof value === "number" || typeof value === "boolean" || typeof value === "bigint"
    ? new NDArray(constant(Number(value), target.dtype, []))
    : asarray(value);
  const full = broadcastShapes(v.shape, target.shape);
  if (full.length > target.ndim || full.some((n, i) => n !== target.shape[i])) {
    throw new ValueError(`could not broadcast input array from shape (${v.shape.join(",")}${v.ndim === 1 ? "," : ""}) into shape (${target.shape.join(",")}${target.ndim === 1 ? "," : ""})`);
  }
  writeInto(target, expand(cast(v._node, target.dtype), target.shape));
}
