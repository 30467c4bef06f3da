/** @file Array creation: zeros/ones/empty/full (+ _like), eye, identity, arange, linspace, logspace, geomspace, fromiter. Ranges are built from an index iota so they stay lazy and fuse. */
import { cast, constant, elementwise } from "../compiler/ir/node.js";
import { expand } from "../compiler/ir/movement.js";
import { Op } from "../compiler/ir/ops.js";
import { DTYPES, parseDType, type DType } from "../runtime/dtype.js";
import { NumpyTypeError, ValueError, ZeroDivisionError } from "../runtime/errors.js";
import { toDTypeValue, type JSScalar } from "../runtime/scalar.js";
import { array, asarray, filled, isOptions, scalarDType, type ArrayLike } from "./convert.js";
import { emptyArray, NDArray } from "./ndarray.js";
import { keepByteOrder } from "./byteorder.js";
import { resultType, scalarKind } from "../runtime/promotion.js";

type Shape = number | readonly number[];
const toShape = (s: Shape): number[] => {
  const shape = typeof s === "number" ? [s] : [...s];
  if (shape.some((n) => n < 0)) throw new ValueError("negative dimensions are not allowed");
  return shape;
};
const dt = (o?: { dtype?: unknown }, fallback: DType = DTYPES.float64) => (o?.dtype !== undefined && o.dtype !== null ? parseDType(o.dtype) : fallback);

export const zeros = (shape: Shape, opts: { dtype?: unknown } = {}) => { const d = dt(opts); return keepByteOrder(filled(toShape(shape), 0, d.native), d); };
export const ones = (shape: Shape, opts: { dtype?: unknown } = {}) => { const d = dt(opts); return keepByteOrder(filled(toShape(shape), 1, d.native), d); };
// NumPy leaves np.empty uninitialized, and so does numfuse for numbers: a reused block keeps its
// old bytes. bool, string and record memory is zeroed, as stray bytes there are not valid values.
export const empty = (shape: Shape, opts: { dtype?: unknown } = {}) => {
  const d = dt(opts);
  return keepByteOrder(emptyArray(toShape(shape), d.native, d.kind === "b" || d.isFlexible), d);
};
export function full(shape: Shape, fill_value: JSScalar | ArrayLike, opts: { dtype?: unknown } = {}): NDArray {
  const s = toShape(shape);
  if (typeof fill_value === "object" && fill_value !== null && !("re" in (fill_value as object))) {
    const v = asarray(fill_value as ArrayLike);
    const d = dt(opts, v.dtype);
    return keepByteOrder(new NDArray(expand(cast(v._node, d), s)), d);
  }
  const d = dt(opts, scalarDType(fill_value as JSScalar));
  return keepByteOrder(filled(s, fill_value as JSScalar, d.native), d);
}
const likeOpts = (a: ArrayLike, opts: { dtype?: unknown; shape?: Shape }) => {
  const arr = asarray(a);
  return { shape: opts.shape ?? arr.shape, dtype: dt(opts, arr.dtype) };
};
export const zeros_like = (a: ArrayLike, opts: { dtype?: unknown; shape?: Shape } = {}) => { const o = likeOpts(a, opts); return zeros(o.shape, o); };
export const ones_like = (a: ArrayLike, opts: { dtype?: unknown; shape?: Shape } = {}) => { const o = likeOpts(a, opts); return ones(o.shape, o); };
export const empty_like = (a: ArrayLike, opts: { dtype?: unknown; shape?: Shape } = {}) => { const o = likeOpts(a, opts); return empty(o.shape, o); };
export const full_like = (a: ArrayLike, v: JSScalar, opts: { dtype?: unknown; shape?: Shape } = {}) => { const o = likeOpts(a, opts); return full(o.shape, v, o); };


const isIntKind = (d: DType) => d.kind === "i" || d.kind === "u" || d.kind === "b";

/** A fresh float64 array filled by `f(i)`, then cast to `d` (a lazy cast: it fuses with what reads it). */
function fromDoubles(n: number, f: (i: number) => number, d: DType): NDArray {
  const out = emptyArray([n], DTYPES.float64, false);
  const lanes = out._realized().storage.lanes(DTYPES.float64);
  for (let i = 0; i < n; i++) lanes[i] = f(i);
  return d === DTYPES.float64 ? out : new NDArray(cast(out._node, d));
}

export function arange(...args: unknown[]): NDArray {
  const opts = args.length && isOptions(args[args.length - 1]) ? (args.pop() as { dtype?: unknown; start?: number; stop?: number; step?: number }) : {};
  let [start, stop, step] = args as (number | undefined)[];
  if (stop === undefined) { stop = start ?? opts.stop; start = opts.start ?? 0; }
  start ??= opts.start ?? 0;
  step ??= opts.step ?? 1;
  if (stop === undefined) throw new NumpyTypeError("arange() requires stop to be specified.");
  if (step === 0) throw new ZeroDivisionError("division by zero");
  const n = Math.max(0, Math.ceil((stop - start) / step));
  if (!Number.isFinite(n)) throw new ValueError("Maximum allowed size exceeded");
  const want = dt(opts, resultType(scalarKind(start), scalarKind(stop), scalarKind(step)));
  const d = want.native;
  // NumPy stores start and start+step in the target type, then fills start + i*delta with
  // delta = (second - first) computed in that type: so arange(1, 2, 0.3)[3] is 1.9000000000000001
  const first = Number(toDTypeValue(start, d.kind === "c" ? DTYPES.float64 : d));
  const second = Number(toDTypeValue(start + step, d.kind === "c" ? DTYPES.float64 : d));
  if (d === DTYPES.float32) {
    // float32 arithmetic: a product of two float32 is exact in double, so one fround per step matches C
    const delta = Math.fround(second - first);
    const out = emptyArray([n], d, false);
    const lanes = out._realized().storage.lanes(d);
    for (let i = 0; i < n; i++) lanes[i] = i === 0 ? first : i === 1 ? second : Math.fround(first + Math.fround(Math.fround(i) * delta));
    return keepByteOrder(out, want);
  }
  const delta = second - first;
  return keepByteOrder(fromDoubles(n, (i) => (i === 0 ? first : i === 1 ? second : first + i * delta), d).eval(), want);
}

type LinspaceOpts = { endpoint?: boolean; retstep?: boolean; dtype?: unknown; axis?: number };

/** NumPy's linspace arithmetic in float64: (i*step + start, or i/div*delta + start when step is 0), stop set exactly. */
function linspaceValues(start: number, stop: number, num: number, endpoint: boolean): { values: Float64Array; step: number } {
  if (!Number.isInteger(num)) throw new NumpyTypeError(`'${typeof num === "number" ? "float" : typeof num}' object cannot be interpreted as an integer`);
  if (num < 0) throw new ValueError(`Number of samples, ${num}, must be non-negative.`);
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const y = new Float64Array(num);
  let step = NaN;
  if (div > 0) {
    step = delta / div;
    if (step === 0) for (let i = 0; i < num; i++) y[i] = (i / div) * delta + start;
    else for (let i = 0; i < num; i++) y[i] = i * step + start;
  } else for (let i = 0; i < num; i++) y[i] = i * delta + start;
  if (endpoint && num > 1) y[num - 1] = stop;
  return { values: y, step };
}

export function linspace(start: number, stop: number, num: number | LinspaceOpts = 50, opts: LinspaceOpts = {}): NDArray {
  if (isOptions(num)) { opts = num as LinspaceOpts; num = 50; }
  const { values, step } = linspaceValues(start, stop, num as number, opts.endpoint ?? true);
  const want = dt(opts, DTYPES.float64), d = want.native;
  // NumPy floors before casting to an integer dtype
  const floor = isIntKind(d) && d.kind !== "b";
  const out = keepByteOrder(fromDoubles(values.length, (i) => (floor ? Math.floor(values[i]) : values[i]), d).eval(), want);
  if (opts.retstep) return [out, step] as unknown as NDArray;
  return out;
}

export function logspace(start: number, stop: number, num: number | { endpoint?: boolean; base?: number; dtype?: unknown } = 50, opts: { endpoint?: boolean; base?: number; dtype?: unknown } = {}): NDArray {
  if (isOptions(num)) { opts = num as typeof opts; num = 50; }
  const y = linspace(start, stop, num as number, { endpoint: opts.endpoint });
  const base = opts.base ?? 10;
  const node = elementwise(Op.Pow, [constant(base, DTYPES.float64, y.shape), y._node]);
  const d = dt(opts, DTYPES.float64);
  return keepByteOrder(new NDArray(cast(node, d)), d);
}

export function geomspace(start: number, stop: number, num: number | { endpoint?: boolean; dtype?: unknown } = 50, opts: { endpoint?: boolean; dtype?: unknown } = {}): NDArray {
  if (isOptions(num)) { opts = num as typeof opts; num = 50; }
  const n = num as number;
  if (start === 0 || stop === 0) throw new ValueError("Geometric sequence cannot include zero");
  // NumPy divides both ends by sign(start), so a negative range is computed positive and flipped back
  const sign = Math.sign(start);
  const s = start / sign, e = stop / sign;
  const y = logspace(Math.log10(s), Math.log10(e), n, { endpoint: opts.endpoint }).tolist() as number[];
  if (n > 0) y[0] = s;
  if (n > 1 && (opts.endpoint ?? true)) y[n - 1] = e;
  const want = dt(opts, DTYPES.float64), d = want.native;
  const floor = isIntKind(d) && d.kind !== "b";
  return keepByteOrder(fromDoubles(n, (i) => (floor ? Math.floor(y[i] * sign) : y[i] * sign), d).eval(), want);
}

/** NumPy's eye(N, M=None, k=0, dtype=float): options may come in place of M or k. */
export function eye(N: number, ...rest: unknown[]): NDArray {
  const opts = (rest.length && isOptions(rest[rest.length - 1]) ? rest.pop() : {}) as { M?: number | null; k?: number; dtype?: unknown };
  const M = (rest[0] as number | null | undefined) ?? opts.M ?? null;
  const k = (rest[1] as number | undefined) ?? opts.k ?? 0;
  const cols = M ?? N;
  if (N < 0 || cols < 0) throw new ValueError("negative dimensions are not allowed");
  const want = dt(opts), d = want.native;
  const out = emptyArray([N, cols], d, true);
  const { storage } = out._realized();
  const lanes = storage.lanes(d);
  // float16 lanes hold bits: 0x3c00 is 1.0
  const one = d.kind === "c" ? [1, 0] : d.name === "float16" ? [0x3c00] : [1];
  for (let i = 0; i < N; i++) {
    const j = i + k;
    if (j >= 0 && j < cols) {
      const e = (i * cols + j) * d.lanes;
      lanes[e] = one[0];
      if (d.isWide) lanes[e + 1] = 0;
    }
  }
  return keepByteOrder(out, want);
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

