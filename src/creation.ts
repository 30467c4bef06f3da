/** @file Array creation: zeros/ones/empty/full (+ _like), eye, identity, arange, linspace, logspace, geomspace, fromiter. Ranges are built from an index iota so they stay lazy and fuse. */
import { cast, constant, elementwise } from "../compiler/ir/node.js";
import { expand, reshape as reshapeNode } from "../compiler/ir/movement.js";
import { Op } from "../compiler/ir/ops.js";
import { DTYPES, parseDType, type DType } from "../runtime/dtype.js";
import { ValueError } from "../runtime/errors.js";
import type { JSScalar } from "../runtime/scalar.js";
import { array, asarray, filled, isOptions, scalarDType, type ArrayLike } from "./convert.js";
import { emptyArray, NDArray } from "./ndarray.js";
import { resultType, scalarKind } from "../runtime/promotion.js";

type Shape = number | readonly number[];
const toShape = (s: Shape): number[] => {
  const shape = typeof s === "number" ? [s] : [...s];
  if (shape.some((n) => n < 0)) throw new ValueError("negative dimensions are not allowed");
  return shape;
};
const dt = (o?: { dtype?: unknown }, fallback: DType = DTYPES.float64) => (o?.dtype !== undefined && o.dtype !== null ? parseDType(o.dtype) : fallback);

export const zeros = (shape: Shape, opts: { dtype?: unknown } = {}) => filled(toShape(shape), 0, dt(opts));
export const ones = (shape: Shape, opts: { dtype?: unknown } = {}) => filled(toShape(shape), 1, dt(opts));
export const empty = (shape: Shape, opts: { dtype?: unknown } = {}) => emptyArray(toShape(shape), dt(opts));
export function full(shape: Shape, fill_value: JSScalar | ArrayLike, opts: { dtype?: unknown } = {}): NDArray {
  const s = toShape(shape);
  if (typeof fill_value === "object" && fill_value !== null && !("re" in (fill_value as object))) {
    const v = asarray(fill_value as ArrayLike);
    const d = dt(opts, v.dtype);
    return new NDArray(expand(cast(v._node, d), s));
  }
  return filled(s, fill_value as JSScalar, dt(opts, scalarDType(fill_value as JSScalar)));
}
const likeOpts = (a: ArrayLike, opts: { dtype?: unknown; shape?: Shape }) => {
  const arr = asarray(a);
  return { shape: opts.shape ?? arr.shape, dtype: dt(opts, arr.dtype) };
};
export const zeros_like = (a: ArrayLike, opts: { dtype?: unknown; shape?: Shape } = {}) => { const o = likeOpts(a, opts); return zeros(o.shape, o); };
export const ones_like = (a: ArrayLike, opts: { dtype?: unknown; shape?: Shape } = {}) => { const o = likeOpts(a, opts); return ones(o.shape, o); };
export const empty_like = (a: ArrayLike, opts: { dtype?: unknown; shape?: Shape } = {}) => { const o = likeOpts(a, opts); return empty(o.shape, o); };
export const full_like = (a: ArrayLike, v: JSScalar, opts: { dtype?: unknown; shape?: Shape } = {}) => { const o = likeOpts(a, opts); return full(o.shape, v, o); };

/** 0, 1, ..., n-1 as float64: an exact index ramp, made once per length. */
function iota(n: number): NDArray {
  const out = emptyArray([n], DTYPES.float64, false);
  const lanes = out._realized().storage.lanes(DTYPES.float64);
  for (let i = 0; i < n; i++) lanes[i] = i;
  return out;
}

export function arange(...args: unknown[]): NDArray {
  const opts = args.length && isOptions(args[args.length - 1]) ? (args.pop() as { dtype?: unknown; start?: number; stop?: number; step?: number }) : {};
  let [start, stop, step] = args as (number | undefined)[];
  if (stop === undefined) { stop = start ?? opts.stop; start = 0; }
  start ??= opts.start ?? 0;
  step ??= opts.step ?? 1;
  if (stop === undefined) throw new ValueError("arange() requires stop to be specified.");
  if (step === 0) throw new ValueError("Maximum allowed size exceeded");
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const inferred = resultType(scalarKind(start), scalarKind(stop), scalarKind(step));
  const d = dt(opts, inferred);
  // NumPy computes start + i*delta in the target type after the first two values
  const ramp = iota(n)._node;
  const node = elementwise(Op.Add, [constant(start, DTYPES.float64, [n]), elementwise(Op.Mul, [ramp, constant(step, DTYPES.float64, [n])])]);
  return new NDArray(cast(node, d)).eval();
}

export function linspace(start: number, stop: number, num = 50, opts: { endpoint?: boolean; retstep?: boolean; dtype?: unknown; axis?: number } = {}): NDArray {
  if (isOptions(num)) { opts = num as typeof opts; num = 50; }
  if (num < 0) throw new ValueError(`Number of samples, ${num}, must be non-negative.`);
  const endpoint = opts.endpoint ?? true;
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const f = DTYPES.float64;
  const ramp = iota(num)._node;
  const sh = [num];
  let y;
  if (div > 0) {
    const step = delta / div;
    // NumPy: y = arange * step + start when step != 0, else arange / div * delta + start
    y = step === 0
      ? elementwise(Op.Add, [elementwise(Op.Mul, [elementwise(Op.Div, [ramp, constant(div, f, sh)]), constant(delta, f, sh)]), constant(start, f, sh)])
      : elementwise(Op.Add, [elementwise(Op.Mul, [ramp, constant(step, f, sh)]), constant(start, f, sh)]);
  } else {
    y = elementwise(Op.Add, [elementwise(Op.Mul, [ramp, constant(delta, f, sh)]), constant(start, f, sh)]);
  }
  let out = new NDArray(y).eval();
  if (endpoint && num > 1) {
    const lanes = out._realized().storage.lanes(f);
    lanes[out._realized().view.offset + num - 1] = stop;
  }
  const d = dt(opts, DTYPES.float64);
  if (d !== f) out = new NDArray(cast(out._node, d.kind === "i" || d.kind === "u" ? d : d)).eval();
  return out;
}

export function logspace(start: number, stop: number, num = 50, opts: { endpoint?: boolean; base?: number; dtype?: unknown } = {}): NDArray {
  const y = linspace(start, stop, num, { endpoint: opts.endpoint });
  const base = opts.base ?? 10;
  const node = elementwise(Op.Pow, [constant(base, DTYPES.float64, y.shape), y._node]);
  return new NDArray(cast(node, dt(opts, DTYPES.float64)));
}

export function geomspace(start: number, stop: number, num = 50, opts: { endpoint?: boolean; dtype?: unknown } = {}): NDArray {
  if (start === 0 || stop === 0) throw new ValueError("Geometric sequence cannot include zero");
  const neg = start < 0 && stop < 0;
  const s = neg ? -start : start, e = neg ? -stop : stop;
  const y = logspace(Math.log10(s), Math.log10(e), num, { endpoint: opts.endpoint }).eval();
  const lanes = y._realized().storage.lanes(DTYPES.float64);
  const off = y._realized().view.offset;
  if (num > 0) lanes[off] = s;
  if (num > 1 && (opts.endpoint ?? true)) lanes[off + num - 1] = e;
  const node = neg ? elementwise(Op.Neg, [y._node]) : y._node;
  return new NDArray(cast(node, dt(opts, DTYPES.float64)));
}

export function eye(N: number, M?: number | null | { k?: number; dtype?: unknown }, k = 0, opts: { dtype?: unknown } = {}): NDArray {
  if (typeof M === "object" && M !== null) { opts = M; k = (M as { k?: number }).k ?? 0; M = null; }
  const cols = M ?? N;
  const d = dt(opts);
  const out = emptyArray([N, cols], d, true);
  const { storage } = out._realized();
  const lanes = storage.lanes(d);
  const one = d.kind === "c" ? [1, 0] : [1];
  for (let i = 0; i < N; i++) {
    const j = i + k;
    if (j >= 0 && j < cols) {
      const e = (i * cols + j) * d.lanes;
      lanes[e] = one[0];
      if (d.isWide) lanes[e + 1] = 0;
    }
  }
  return out;
}

export const identity = (n: number, opts: { dtype?: unknown } = {}) => eye(n, null, 0, opts);

export function fromiter(iter: Iterable<JSScalar>, dtype: unknown, count = -1): NDArray {
  const values: JSScalar[] = [];
  for (const v of iter) {
    if (count >= 0 && values.length >= count) break;
    values.push(v);
  }
  if (count >= 0 && values.length < count) throw new ValueError(`iterator too short: Expected ${count} but iterator had only ${values.length} items.`);
  return array(values.length ? (values as unknown as ArrayLike) : [], { dtype });
}

export { reshapeNode };
