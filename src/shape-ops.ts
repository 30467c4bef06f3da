/** @file Shape manipulation: reshape, ravel/flatten, transpose, swapaxes, moveaxis, expand_dims, squeeze, broadcast_to, astype, copy. Views where NumPy gives views. */
import { cast, contiguous } from "../compiler/ir/node.js";
import { expand } from "../compiler/ir/movement.js";
import { expandView, insertAxisView, permuteView, prod, reshapeView, type View } from "../compiler/ir/view.js";
import { parseDType } from "../runtime/dtype.js";
import { ValueError } from "../runtime/errors.js";
import { asarray, type ArrayLike } from "./convert.js";
import { NDArray } from "./ndarray.js";
import { normalizeAxes, normalizeAxis } from "./reductions.js";
import { broadcastShapes } from "./ufunc/ufunc.js";

const shapeStr = (s: readonly number[]) => `(${s.join(", ")}${s.length === 1 ? "," : ""})`;

function resolveShape(size: number, shape: readonly number[]): number[] {
  const unknown = shape.filter((n) => n === -1).length;
  if (unknown > 1) throw new ValueError("can only specify one unknown dimension");
  if (shape.some((n) => n < -1)) throw new ValueError("negative dimensions not allowed");
  if (unknown === 1) {
    const known = shape.filter((n) => n !== -1).reduce((p, n) => p * n, 1);
    if (known === 0 || size % known !== 0) throw new ValueError(`cannot reshape array of size ${size} into shape ${shapeStr(shape.map((n) => n))}`);
    return shape.map((n) => (n === -1 ? size / known : n));
  }
  if (prod(shape) !== size) throw new ValueError(`cannot reshape array of size ${size} into shape ${shapeStr(shape)}`);
  return [...shape];
}

function shapeArgs(args: unknown[]): { shape: number[]; order: "C" | "F" } {
  let order: "C" | "F" = "C";
  const last = args[args.length - 1];
  if (typeof last === "object" && last !== null && !Array.isArray(last)) {
    order = ((last as { order?: "C" | "F" }).order ?? "C") as "C" | "F";
    args = args.slice(0, -1);
  }
  if (typeof last === "string") {
    order = last as "C" | "F";
    args = args.slice(0, -1);
  }
  const shape = args.length === 1 && Array.isArray(args[0]) ? (args[0] as number[]) : (args as number[]);
  return { shape, order };
}

export function reshape(a: NDArray, ...args: unknown[]): NDArray {
  const { shape: raw, order } = shapeArgs(args);
  const shape = resolveShape(a.size, raw);
  if (order === "F") {
    // F order: reverse axes, reshape in C order, reverse back
    const rev = transpose(a);
    const r = reshape(rev, [...shape].reverse());
    return transpose(r);
  }
  return a._makeView((v: View) => reshapeView(v, shape), shape);
}

export function transpose(a: NDArray, axes?: readonly number[] | null): NDArray {
  const nd = a.ndim;
  const perm = axes ? axes.map((x) => normalizeAxis(x, nd)) : Array.from({ length: nd }, (_, i) => nd - 1 - i);
  if (perm.length !== nd) throw new ValueError("axes don't match array");
  if (new Set(perm).size !== nd) throw new ValueError("repeated axis in transpose");
  return a._makeView((v) => permuteView(v, perm), perm.map((p) => a.shape[p]));
}

export function swapaxes(a: NDArray, a1: number, a2: number): NDArray {
  const perm = Array.from({ length: a.ndim }, (_, i) => i);
  const i = normalizeAxis(a1, a.ndim), j = normalizeAxis(a2, a.ndim);
  [perm[i], perm[j]] = [perm[j], perm[i]];
  return transpose(a, perm);
}

export function moveaxis(a: ArrayLike, source: number | readonly number[], destination: number | readonly number[]): NDArray {
  const arr = asarray(a);
  const src = normalizeAxes(typeof source === "number" ? [source] : source, arr.ndim);
  const dst = normalizeAxes(typeof destination === "number" ? [destination] : destination, arr.ndim);
  if (src.length !== dst.length) throw new ValueError("`source` and `destination` arguments must have the same number of elements");
  const order = Array.from({ length: arr.ndim }, (_, i) => i).filter((i) => !src.includes(i));
  [...dst.map((d, k) => [d, src[k]] as const)].sort((x, y) => x[0] - y[0]).forEach(([d, s]) => order.splice(d, 0, s));
  return transpose(arr, order);
}

export function expand_dims(a: ArrayLike, axis: number | readonly number[]): NDArray {
  const arr = asarray(a);
  const list = typeof axis === "number" ? [axis] : [...axis];
  const nd = arr.ndim + list.length;
  const axes = normalizeAxes(list, nd).sort((x, y) => x - y);
  let out = arr;
  for (const ax of axes) {
    const shape = [...out.shape];
    shape.splice(ax, 0, 1);
    out = out._makeView((v) => insertAxisView(v, ax), shape);
  }
  return out;
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

export function ravel(a: ArrayLike, order: "C" | "F" = "C"): NDArray {
  const arr = asarray(a);
  return reshape(arr, [arr.size], order);
}

export function flatten(a: NDArray, order: "C" | "F" = "C"): NDArray {
  const r = ravel(a, order);
  return r.base === null && r !== a ? r : copy(r);
}

export function broadcast_to(a: ArrayLike, shape: number | readonly number[]): NDArray {
  const arr = asarray(a);
  const target = typeof shape === "number" ? [shape] : [...shape];
  const full = broadcastShapes(arr.shape, target);
  if (full.length !== target.length || full.some((n, i) => n !== target[i])) {
    throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${shapeStr(arr.shape)}  and requested shape ${shapeStr(target)}`);
  }
  const v = arr._makeView((view) => expandView(view, target), target);
  v._writeable = false;
  return v;
}

export function broadcast_arrays(...arrays: ArrayLike[]): NDArray[] {
  const arrs = arrays.map((x) => asarray(x));
  const shape = broadcastShapes(...arrs.map((x) => x.shape));
  return arrs.map((x) => broadcast_to(x, shape));
}

export function astype(a: NDArray, dtype: unknown, opts: { copy?: boolean } = {}): NDArray {
  const dt = parseDType(dtype);
  if (dt === a.dtype) return opts.copy === false ? a : copy(a);
  return new NDArray(cast(a._node, dt));
}

export function copy(a: ArrayLike): NDArray {
  const arr = asarray(a);
  return new NDArray(contiguous(arr._node));
}

export { expand };
