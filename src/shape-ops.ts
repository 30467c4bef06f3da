/** @file Shape manipulation: reshape, ravel/flatten, transpose, swapaxes, moveaxis, expand_dims, squeeze, broadcast_to, astype, copy. Views where NumPy gives views, with NumPy's strides. */
import { cast, contiguous } from "../compiler/ir/node.js";
import { expand } from "../compiler/ir/movement.js";
import { expandView, isCContiguous, isFContiguous, permuteView, prod, reshapeView, type View } from "../compiler/ir/view.js";
import { parseDType } from "../runtime/dtype.js";
import { AxisError, ValueError } from "../runtime/errors.js";
import { asarray, type ArrayLike } from "./convert.js";
import { NDArray } from "./ndarray.js";
import { keepByteOrder } from "./byteorder.js";
import { castStrings } from "./strings.js";
import { normalizeAxes, normalizeAxis } from "./reductions.js";

type Order = "C" | "F";

/** NumPy's tuple formatting in messages: "(4,2)", "(3,)"; an unknown -1 prints as "newaxis" (NumPy 2.4 does). */
const shapeStr = (s: readonly number[]) => `(${s.map((n) => (n === -1 ? "newaxis" : n)).join(",")}${s.length === 1 ? "," : ""})`;

function resolveShape(size: number, shape: readonly number[]): number[] {
  const unknown = shape.filter((n) => n === -1).length;
  if (unknown > 1) throw new ValueError("can only specify one unknown dimension");
  if (shape.some((n) => n < -1)) throw new ValueError("negative dimensions not allowed");
  if (unknown === 1) {
    const known = shape.filter((n) => n !== -1).reduce((p, n) => p * n, 1);
    if (known === 0 || size % known !== 0) throw new ValueError(`cannot reshape array of size ${size} into shape ${shapeStr(shape)}`);
    return shape.map((n) => (n === -1 ? size / known : n));
  }
  if (prod(shape) !== size) throw new ValueError(`cannot reshape array of size ${size} into shape ${shapeStr(shape)}`);
  return [...shape];
}

function shapeArgs(args: unknown[]): { shape: number[]; order: Order } {
  let order: Order = "C";
  const last = args[args.length - 1];
  if (typeof last === "object" && last !== null && !Array.isArray(last)) {
    order = ((last as { order?: Order }).order ?? "C") as Order;
    args = args.slice(0, -1);
  }
  if (typeof last === "string") {
    order = last as Order;
    args = args.slice(0, -1);
  }
  if (order !== "C" && order !== "F") throw new ValueError(`order must be one of 'C', 'F', 'A', or 'K' (got '${order}')`);
  const shape = args.length === 1 && Array.isArray(args[0]) ? (args[0] as number[]) : (args as number[]);
  return { shape, order };
}

export function reshape(a: NDArray, ...args: unknown[]): NDArray {
  const { shape: raw, order } = shapeArgs(args);
  const shape = resolveShape(a.size, raw);
  const map = (v: View) => reshapeView(v, shape, order);
  const here = a._layout();
  if (here && map(here)) return a._makeView(map, shape);
  // NumPy copies in the requested order and returns a view of the copy (its base is the copy)
  const src = order === "F" ? transpose(copy(transpose(a))) : copy(a);
  return src._makeView(map, shape);
}

export function transpose(a: NDArray, axes?: readonly number[] | null): NDArray {
  const nd = a.ndim;
  if (axes && axes.length !== nd) throw new ValueError("axes don't match array");
  const perm = axes ? axes.map((x) => normalizeAxis(x, nd)) : Array.from({ length: nd }, (_, i) => nd - 1 - i);
  if (new Set(perm).size !== nd) throw new ValueError("repeated axis in transpose");
  return a._makeView((v) => permuteView(v, perm), perm.map((p) => a.shape[p]));
}

export function swapaxes(a: NDArray, a1: number, a2: number): NDArray {
  const perm = Array.from({ length: a.ndim }, (_, i) => i);
  const axisIn = (x: number, name: string) => {
    if (x < -a.ndim || x >= a.ndim) throw new AxisError(x, a.ndim, name);
    return normalizeAxis(x, a.ndim);
  };
  const i = axisIn(a1, "axis1"), j = axisIn(a2, "axis2");
  [perm[i], perm[j]] = [perm[j], perm[i]];
  return transpose(a, perm);
}

function axesIn(axes: number | readonly number[], ndim: number, name: string): number[] {
  const list = typeof axes === "number" ? [axes] : [...axes];
  for (const x of list) if (x < -ndim || x >= ndim) throw new AxisError(x, ndim, name);
  const out = list.map((x) => normalizeAxis(x, ndim));
  if (new Set(out).size !== out.length) throw new ValueError(`repeated axis in \`${name}\` argument`);
  return out;
}

export function moveaxis(a: ArrayLike, source: number | readonly number[], destination: number | readonly number[]): NDArray {
  const arr = asarray(a);
  const src = axesIn(source, arr.ndim, "source");
  const dst = axesIn(destination, arr.ndim, "destination");
  if (src.length !== dst.length) throw new ValueError("`source` and `destination` arguments must have the same number of elements");
  const order = Array.from({ length: arr.ndim }, (_, i) => i).filter((i) => !src.includes(i));
  [...dst.map((d, k) => [d, src[k]] as const)].sort((x, y) => x[0] - y[0]).forEach(([d, s]) => order.splice(d, 0, s));
  return transpose(arr, order);
}

/** NumPy's rollaxis (kept for old code; moveaxis is its successor): `axis` moves to just before `start`. */
export function rollaxis(a: ArrayLike, axis: number, start = 0): NDArray {
  const arr = asarray(a);
  const n = arr.ndim;
  const ax = normalizeAxis(axis, n);
  let st = start < 0 ? start + n : start;
  if (!(st >= 0 && st < n + 1)) throw new AxisError(`'start' arg requires ${-n} <= start < ${n + 1}, but ${start} was passed in`);
  if (ax < st) st -= 1;
  if (ax === st) return transpose(arr, Array.from({ length: n }, (_, i) => i));
  const order = Array.from({ length: n }, (_, i) => i).filter((i) => i !== ax);
  order.splice(st, 0, ax);
  return transpose(arr, order);
}

/** NumPy's expand_dims is a reshape, so the new axes get reshape's strides (not 0 as with newaxis). */
export function expand_dims(a: ArrayLike, axis: number | readonly number[]): NDArray {
  const arr = asarray(a);
  const list = typeof axis === "number" ? [axis] : [...axis];
  const nd = arr.ndim + list.length;
  const axes = list.map((x) => normalizeAxis(x, nd));
  if (new Set(axes).size !== axes.length) throw new ValueError("repeated axis");
  const rest = [...arr.shape];
  const shape = Array.from({ length: nd }, (_, i) => (axes.includes(i) ? 1 : rest.shift()!));
  return reshape(arr, shape);
}

export function squeeze(a: ArrayLike, axis?: number | readonly number[] | null): NDArray {
  const arr = asarray(a);
  let axes: number[];
  if (axis === undefined || axis === null) axes = arr.shape.map((n, i) => (n === 1 ? i : -1)).filter((i) => i >= 0);
  else {
    axes = normalizeAxes(axis, arr.ndim);
    for (const ax of axes) if (arr.shape[ax] !== 1) throw new ValueError("cannot select an axis to squeeze out which has size not equal to one");
  }
  const shape = arr.shape.filter((_, i) => !axes.includes(i));
  return arr._makeView((v) => ({ shape, strides: v.strides.filter((_, i) => !axes.includes(i)), offset: v.offset }), shape);
}

/** A view when `a` is contiguous in `order` (NumPy's PyArray_Ravel), else a new array that owns its data. */
export function ravel(a: ArrayLike, order: Order = "C"): NDArray {
  const arr = asarray(a);
  const here = arr._layout();
  if (here && (order === "F" ? isFContiguous(here) : isCContiguous(here))) return reshape(arr, [arr.size], order);
  return keepByteOrder(copy(reshape(arr, [arr.size], order)), arr.dtype);
}

/** Always a new array that owns its data. */
export function flatten(a: NDArray, order: Order = "C"): NDArray {
  const r = ravel(a, order);
  return r.base === null && r !== a ? r : copy(r);
}

function checkBroadcastTo(from: readonly number[], to: readonly number[]): void {
  if (to.some((n) => n < 0)) throw new ValueError("all elements of broadcast shape must be non-negative");
  if (from.length > to.length) throw new ValueError("input operand has more dimensions than allowed by the axis remapping");
  const lead = to.length - from.length;
  if (from.some((n, i) => n !== 1 && n !== to[lead + i])) {
    throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${shapeStr(from)}  and requested shape ${shapeStr(to)}`);
  }
}

export function broadcast_to(a: ArrayLike, shape: number | readonly number[]): NDArray {
  const arr = asarray(a);
  const target = typeof shape === "number" ? [shape] : [...shape];
  checkBroadcastTo(arr.shape, target);
  const v = arr._makeView((view) => expandView(view, target), target);
  v._writeable = false;
  return v;
}

/** NumPy 2.x still hands these out writeable (writing warns there); only broadcast_to is read-only. */
export function broadcast_arrays(...arrays: ArrayLike[]): NDArray[] {
  const arrs = arrays.map((x) => asarray(x));
  const nd = Math.max(0, ...arrs.map((x) => x.ndim));
  const shape = new Array<number>(nd).fill(1);
  arrs.forEach((x, k) => {
    x.shape.forEach((n, i) => {
      const j = nd - x.ndim + i;
      if (n === shape[j] || n === 1) return;
      if (shape[j] === 1) { shape[j] = n; return; }
      const first = arrs.findIndex((y) => {
        const jj = j - (nd - y.ndim);
        return jj >= 0 && y.shape[jj] === shape[j];
      });
      throw new ValueError(`shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${first} with shape ${shapeStr(arrs[first].shape)} and arg ${k} with shape ${shapeStr(x.shape)}.`);
    });
  });
  // as NumPy: the inputs themselves when no broadcasting is needed at all
  if (arrs.every((x) => x.ndim === nd && x.shape.every((n, i) => n === shape[i]))) return arrs;
  return arrs.map((x) => x._makeView((view) => expandView(view, shape), shape));
}

export function astype(a: NDArray, dtype: unknown, opts: { copy?: boolean } = {}): NDArray {
  const dt = parseDType(dtype);
  if (dt === a.dtype) return opts.copy === false ? a : copy(a);
  if (a.dtype.isFlexible !== dt.isFlexible) return keepByteOrder(castStrings(a, dt.native) ?? new NDArray(cast(a._node, dt)), dt);
  return keepByteOrder(new NDArray(cast(a._node, dt)), dt);
}

export function copy(a: ArrayLike): NDArray {
  const arr = asarray(a);
  return keepByteOrder(new NDArray(contiguous(arr._node)), arr.dtype);
}

export { expand };
