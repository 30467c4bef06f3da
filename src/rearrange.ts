/** @file Rearranging: flip/fliplr/flipud/rot90 and diagonal (views), roll (pieces written by kernels), diag/diagflat, tri/tril/triu (lazy masks) and trace. */
import { cast, constant, elementwise, where as whereNode } from "../compiler/ir/node.js";
import { expand } from "../compiler/ir/movement.js";
import { Op } from "../compiler/ir/ops.js";
import { sliceView, type View } from "../compiler/ir/view.js";
import { DTYPES, parseDType } from "../runtime/dtype.js";
import { AxisError, NumpyTypeError, ValueError } from "../runtime/errors.js";
import { asarray, isOptions, type ArrayLike } from "./convert.js";
import { arange } from "./creation.js";
import { emptyArray, NDArray, writeInto } from "./ndarray.js";
import { inNativeOrder } from "./byteorder.js";
import { normalizeAxes, normalizeAxis, sum, type ReduceOptions } from "./reductions.js";
import { ravel, reshape, transpose } from "./shape-ops.js";
import { broadcastShapes } from "./ufunc/ufunc.js";

const tupleRepr = (t: readonly number[]) => `(${t.join(", ")}${t.length === 1 ? "," : ""})`;

export function flip(m: ArrayLike, axis: number | readonly number[] | null | { axis?: number | readonly number[] | null } = null): NDArray {
  const a = asarray(m);
  const ax = axis !== null && typeof axis === "object" && !Array.isArray(axis) ? (axis as { axis?: number | null }).axis ?? null : (axis as number | number[] | null);
  const axes = normalizeAxes(ax, a.ndim);
  const starts = a.shape.map((n, i) => (axes.includes(i) ? n - 1 : 0));
  const steps = a.shape.map((_, i) => (axes.includes(i) ? -1 : 1));
  const counts = [...a.shape];
  return a._makeView((v) => sliceView(v, starts, counts, steps), counts);
}

export function fliplr(m: ArrayLike): NDArray {
  const a = asarray(m);
  if (a.ndim < 2) throw new ValueError("Input must be >= 2-d.");
  return flip(a, 1);
}

export function flipud(m: ArrayLike): NDArray {
  const a = asarray(m);
  if (a.ndim < 1) throw new ValueError("Input must be >= 1-d.");
  return flip(a, 0);
}

export function rot90(m: ArrayLike, k: number | { k?: number; axes?: readonly number[] } = 1, axes: readonly number[] = [0, 1]): NDArray {
  if (typeof k === "object") {
    axes = k.axes ?? axes;
    k = k.k ?? 1;
  }
  if (axes.length !== 2) throw new ValueError("len(axes) must be 2.");
  const a = asarray(m);
  const [a0, a1] = axes;
  if (a0 === a1 || Math.abs(a0 - a1) === a.ndim) throw new ValueError("Axes must be different.");
  if (a0 >= a.ndim || a0 < -a.ndim || a1 >= a.ndim || a1 < -a.ndim) throw new ValueError(`Axes=${tupleRepr(axes)} out of range for array of ndim=${a.ndim}.`);
  const kk = ((k % 4) + 4) % 4;
  if (kk === 0) return a._makeView((v) => v, a.shape);
  if (kk === 2) return flip(flip(a, a0), a1);
  const perm = Array.from({ length: a.ndim }, (_, i) => i);
  const i0 = normalizeAxis(a0, a.ndim), i1 = normalizeAxis(a1, a.ndim);
  [perm[i0], perm[i1]] = [perm[i1], perm[i0]];
  return kk === 1 ? transpose(flip(a, a1), perm) : flip(transpose(a, perm), a1);
}

/** NumPy's roll: each rolled axis splits into two pieces; every combination is one write. */
export function roll(a: ArrayLike, shift: number | readonly number[], axis: number | readonly number[] | null = null): NDArray {
  const arr = asarray(a);
  if (!arr.dtype.isnative) return inNativeOrder(arr, (x) => roll(x, shift, axis));
  if (axis === null) return reshape(roll(ravel(arr), shift, 0), arr.shape);
  const axList = typeof axis === "number" ? [axis] : [...axis];
  const axes = axList.map((x) => normalizeAxis(x, arr.ndim));
  const shList = typeof shift === "number" ? [shift] : [...shift];
  const fmt = (x: number[] | number) => (typeof x === "number" ? "()" : `(${x.length},)`);
  if (shList.length !== axes.length && shList.length !== 1 && axes.length !== 1) {
    throw new ValueError(`shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape ${fmt(shift as number[])} and arg 1 with shape ${fmt(axis as number[])}.`);
  }
  const n = Math.max(shList.length, axes.length);
  const shifts = new Array<number>(arr.ndim).fill(0);
  for (let i = 0; i < n; i++) shifts[axes[axes.length === 1 ? 0 : i]] += shList[shList.length === 1 ? 0 : i];
  const out = emptyArray(arr.shape, arr.dtype, false);
  if (arr.size === 0) return out;
  // per axis: [source start, dest start, count] pieces
  const pieces = arr.shape.map((len, d) => {
    const off = ((shifts[d] % (len || 1)) + (len || 1)) % (len || 1);
    return off ? [[0, off, len - off], [len - off, 0, off]] : [[0, 0, len]];
  });
  const combos = pieces.reduce<number[][][]>((acc, p) => acc.flatMap((c) => p.map((x) => [...c, x])), [[]]);
  const steps = arr.shape.map(() => 1);
  for (const c of combos) {
    const counts = c.map((x) => x[2]);
    const src = arr._makeView((v: View) => sliceView(v, c.map((x) => x[0]), counts, steps), counts);
    const dst = out._makeView((v: View) => sliceView(v, c.map((x) => x[1]), counts, steps), counts);
    writeInto(dst, src._node);
  }
  return out;
}

/** The diagonal view (read-only, as NumPy's), diagonal axis last. */
export function diagonal(a: ArrayLike, offset: number | { offset?: number; axis1?: number; axis2?: number } = 0, axis1 = 0, axis2 = 1): NDArray {
  if (typeof offset === "object") {
    axis1 = offset.axis1 ?? 0;
    axis2 = offset.axis2 ?? 1;
    offset = offset.offset ?? 0;
  }
  const arr = asarray(a);
  const nd = arr.ndim;
  if (nd < 2) throw new ValueError("diag requires an array of at least two dimensions");
  if (axis1 < -nd || axis1 >= nd) throw new AxisError(axis1, nd, "axis1");
  if (axis2 < -nd || axis2 >= nd) throw new AxisError(axis2, nd, "axis2");
  const i1 = axis1 < 0 ? axis1 + nd : axis1, i2 = axis2 < 0 ? axis2 + nd : axis2;
  if (i1 === i2) throw new ValueError("axis1 and axis2 cannot be the same");
  const k = offset;
  const n1 = arr.shape[i1], n2 = arr.shape[i2];
  const len = Math.max(0, k >= 0 ? Math.min(n1, n2 - k) : Math.min(n1 + k, n2));
  const rest = arr.shape.map((_, i) => i).filter((i) => i !== i1 && i !== i2);
  const shape = [...rest.map((i) => arr.shape[i]), len];
  const map = (v: View): View => {
    const start = len === 0 ? 0 : k >= 0 ? k * v.strides[i2] : -k * v.strides[i1];
    return { shape, strides: [...rest.map((i) => v.strides[i]), v.strides[i1] + v.strides[i2]], offset: v.offset + start };
  };
  const r = arr._makeView(map, shape);
  r._writeable = false;
  return r;
}

export function trace(a: ArrayLike, offset: number | ({ offset?: number; axis1?: number; axis2?: number } & ReduceOptions) = 0, axis1 = 0, axis2 = 1, dtype?: unknown, out?: NDArray | null): NDArray {
  let opts: ReduceOptions = { dtype, out };
  if (typeof offset === "object") {
    opts = { dtype: offset.dtype, out: offset.out };
    axis1 = offset.axis1 ?? 0;
    axis2 = offset.axis2 ?? 1;
    offset = offset.offset ?? 0;
  }
  return sum(diagonal(a, offset, axis1, axis2), { axis: -1, dtype: opts.dtype ?? undefined, out: opts.out ?? undefined });
}

export function diag(v: ArrayLike, k: number | { k?: number } = 0): NDArray {
  const kk = typeof k === "object" ? k.k ?? 0 : k;
  const a = asarray(v);
  if (a.ndim === 1) {
    const n = a.shape[0] + Math.abs(kk);
    const out = emptyArray([n, n], a.dtype, true);
    const len = a.shape[0];
    const start = kk >= 0 ? kk : -kk * n;
    const dst = out._makeView((vw: View) => ({ shape: [len], strides: [vw.strides[0] + vw.strides[1]], offset: vw.offset + start }), [len]);
    if (len > 0) writeInto(dst, a._node);
    return out;
  }
  if (a.ndim === 2) return diagonal(a, kk);
  throw new ValueError("Input must be 1- or 2-d.");
}

export function diagflat(v: ArrayLike, k: number | { k?: number } = 0): NDArray {
  return diag(ravel(asarray(v)), k);
}

/** The lower-triangle mask node (j - i <= k) of shape (N, M), lazy. */
function triMask(N: number, M: number, k: number) {
  const i = reshape(arange(N), [N, 1]), j = reshape(arange(M), [1, M]);
  const shape = [N, M];
  const diff = elementwise(Op.Sub, [expand(j._node, shape), expand(i._node, shape)]);
  return elementwise(Op.Le, [diff, constant(k, DTYPES.int64, shape)]);
}

export function tri(N: number, ...rest: unknown[]): NDArray {
  const opts = (rest.length && isOptions(rest[rest.length - 1]) ? rest.pop() : {}) as { M?: number | null; k?: number; dtype?: unknown };
  const M = (rest[0] as number | null | undefined) ?? opts.M ?? N;
  const k = (rest[1] as number | undefined) ?? opts.k ?? 0;
  const dt = opts.dtype !== undefined && opts.dtype !== null ? parseDType(opts.dtype) : DTYPES.float64;
  if (N < 0 || M < 0) throw new ValueError("negative dimensions are not allowed");
  return new NDArray(cast(triMask(N, M, k), dt));
}

function triPart(m: ArrayLike, k: number, lower: boolean): NDArray {
  const a = asarray(m);
  if (a.ndim === 0) throw new NumpyTypeError("tri() missing 1 required positional argument: 'N'");
  const N = a.ndim >= 2 ? a.shape[a.ndim - 2] : a.shape[0];
  const M = a.shape[a.ndim - 1];
  // tril keeps j - i <= k; triu keeps j - i >= k, i.e. drops the tri(k - 1) part
  const mask = triMask(N, M, lower ? k : k - 1);
  const shape = broadcastShapes(a.shape, [N, M]);
  const zero = constant(0, a.dtype, shape);
  const x = expand(a._node, shape), mk = expand(mask, shape);
  return new NDArray(lower ? whereNode(mk, x, zero) : whereNode(mk, zero, x));
}

export const tril = (m: ArrayLike, k: number | { k?: number } = 0) => triPart(m, typeof k === "object" ? k.k ?? 0 : k, true);
export const triu = (m: ArrayLike, k: number | { k?: number } = 0) => triPart(m, typeof k === "object" ? k.k ?? 0 : k, false);
