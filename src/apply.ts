/** @file piecewise, apply_along_axis and apply_over_axes: NumPy's functional helpers, calling plain JS functions with NDArrays. */
import { cast, elementwise } from "../compiler/ir/node.js";
import { Op } from "../compiler/ir/ops.js";
import { ValueError } from "../runtime/errors.js";
import { writeElement } from "../runtime/scalar.js";
import { concatenate } from "./combine.js";
import { asarray, type ArrayLike } from "./convert.js";
import { get, set } from "./indexing.js";
import { emptyArray, evalArrays, NDArray } from "./ndarray.js";
import { any as anyReduce, normalizeAxis } from "./reductions.js";
import { expand_dims, transpose } from "./shape-ops.js";

type Fn = (...args: unknown[]) => unknown;

const tupleStr = (s: readonly number[]) => `(${s.join(",")}${s.length === 1 ? "," : ""})`;

/**
 * np.piecewise(x, condlist, funclist, ...args): y = zeros_like(x); y[cond_i] = f_i(x[cond_i], ...args) (or the
 * value f_i when it is not a function); one function more than conditions is the "otherwise" piece.
 */
export function piecewise(x: ArrayLike, condlist: unknown, funclist: readonly unknown[], ...args: unknown[]): NDArray {
  const xa = asarray(x);
  const n2 = funclist.length;
  // NumPy's test: a scalar, or a list whose first entry is not itself a list/array, is one condition
  let wrap: boolean;
  if (condlist instanceof NDArray) wrap = condlist.ndim <= 1 && xa.ndim !== 0;
  else if (Array.isArray(condlist)) wrap = condlist.length > 0 && !(Array.isArray(condlist[0]) || condlist[0] instanceof NDArray) && xa.ndim !== 0;
  else wrap = true;
  // conditions are made bool with NumPy's asarray(condlist, dtype=bool)
  let conds = asarray((wrap ? [condlist] : condlist) as ArrayLike, { dtype: "bool" });
  if (conds.ndim === 0) conds = conds.reshape([1]);
  let n = conds.shape[0];
  if (n === n2 - 1) {
    const other = new NDArray(elementwise(Op.Not, [anyReduce(conds, { axis: 0, keepdims: true })._node]));
    conds = concatenate([conds, other], { axis: 0 });
    n += 1;
  } else if (n !== n2) {
    throw new ValueError(`with ${n} condition(s), either ${n} or ${n + 1} functions are expected`);
  }
  const y = emptyArray(xa.shape, xa.dtype, true);
  // every condition reads x before anything is written, as NumPy evaluates condlist up front
  conds = conds.eval();
  for (let i = 0; i < n; i++) {
    const cond = get(conds, i);
    const f = funclist[i];
    if (typeof f !== "function") {
      set(y, cond, f);
      continue;
    }
    const vals = get(xa, cond);
    if (vals.size > 0) set(y, cond, (f as Fn)(vals, ...args) as ArrayLike);
  }
  return y;
}

/** np.apply_along_axis(func1d, axis, arr, ...args): func1d on every 1-D slice along `axis`; its result's axes replace `axis`. */
export function apply_along_axis(func1d: (a: NDArray, ...args: unknown[]) => unknown, axis: number, arr: ArrayLike, ...args: unknown[]): NDArray {
  const a = asarray(arr);
  const nd = a.ndim;
  const ax = normalizeAxis(axis, nd);
  const dims = Array.from({ length: nd }, (_, i) => i);
  const view = transpose(a, [...dims.slice(0, ax), ...dims.slice(ax + 1), ax]);
  const outer = view.shape.slice(0, -1);
  const count = outer.reduce((p, k) => p * k, 1);
  if (count === 0) throw new ValueError("Cannot apply_along_axis when any iteration dimensions are 0");
  const slice = (k: number): NDArray => {
    const idx: number[] = [];
    for (let d = outer.length - 1; d >= 0; d--) {
      idx[d] = k % outer[d];
      k = Math.floor(k / outer[d]);
    }
    return get(view, ...idx, "...");
  };
  const res0 = asarray(func1d(slice(0), ...args) as ArrayLike);
  const rshape = res0.shape, rsize = res0.size, dt = res0.dtype;
  const buff = emptyArray([...outer, ...rshape], dt, false);
  const { storage } = buff._realized();
  // results are realized in batches: each may be a lazy graph, and a batch shares one plan
  const BATCH = 64;
  const write = (k: number, r: NDArray) => {
    if (r.shape.length !== rshape.length || r.shape.some((s, i) => s !== rshape[i])) {
      // NumPy's buff[ind] = res broadcasts the later results into the first one's shape
      const ok = r.ndim <= rshape.length && r.shape.every((s, i) => s === 1 || s === rshape[rshape.length - r.ndim + i]);
      if (!ok) throw new ValueError(`could not broadcast input array from shape ${tupleStr(r.shape)} into shape ${tupleStr(rshape)}`);
    }
    const read = r._elementReader();
    const full = r.size === rsize;
    for (let j = 0; j < rsize; j++) writeElement(storage, dt, k * rsize + j, read(full ? j : broadcastIndex(j, rshape, r.shape)));
  };
  const cast0 = (r: NDArray) => (r.dtype === dt ? r : new NDArray(cast(r._node, dt)));
  write(0, cast0(res0).eval());
  for (let k0 = 1; k0 < count; k0 += BATCH) {
    const batch: NDArray[] = [];
    for (let k = k0; k < Math.min(count, k0 + BATCH); k++) batch.push(cast0(asarray(func1d(slice(k), ...args) as ArrayLike)));
    evalArrays(batch);
    batch.forEach((r, i) => write(k0 + i, r));
  }
  const bnd = outer.length + rshape.length;
  const bdims = Array.from({ length: bnd }, (_, i) => i);
  const perm = [...bdims.slice(0, ax), ...bdims.slice(bnd - rshape.length), ...bdims.slice(ax, bnd - rshape.length)];
  return transpose(buff, perm);
}

/** the flat index into a broadcast source of shape `src` for flat index `j` of `shape` */
function broadcastIndex(j: number, shape: readonly number[], src: readonly number[]): number {
  let idx = 0, mul = 1;
  for (let d = shape.length - 1, e = src.length - 1; d >= 0; d--, e--) {
    const i = j % shape[d];
    j = Math.floor(j / shape[d]);
    if (e >= 0) {
      if (src[e] !== 1) idx += i * mul;
      mul *= src[e];
    }
  }
  return idx;
}

/** np.apply_over_axes(func, a, axes): val = func(val, axis) for each axis, keeping the rank (a dropped axis comes back as length 1). */
export function apply_over_axes(func: (a: NDArray, axis: number) => unknown, a: ArrayLike, axes: number | readonly number[]): NDArray {
  let val = asarray(a);
  const N = val.ndim;
  const list = typeof axes === "number" ? [axes] : [...axes];
  for (let axis of list) {
    if (axis < 0) axis = N + axis;
    let res = asarray(func(val, axis) as ArrayLike);
    if (res.ndim !== val.ndim) {
      res = expand_dims(res, axis);
      if (res.ndim !== val.ndim) throw new ValueError("function is not returning an array of the correct shape");
    }
    val = res;
  }
  return val;
}
