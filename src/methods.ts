/** @file NDArray methods: NumPy's ndarray methods plus chainable operator methods (API.md), each delegating to the module that owns the function. */
import { arrayRepr, arrayStr } from "./print/format-array.js";
import type { PrintView } from "./print/options.js";
import { NDArray, compileArrays } from "./ndarray.js";
import { tolist, type ArrayLike } from "./convert.js";
import * as R from "./reductions.js";
import { cumprod, cumsum } from "./accumulate.js";
import * as S from "./shape-ops.js";
import { get, set, assign, type IndexItem } from "./indexing.js";
import { ufuncs } from "./ufunc/all.js";
import { round } from "./ufunc/rounding.js";
import { IndexError, ValueError, NumpyTypeError } from "../runtime/errors.js";
import type { JSScalar } from "../runtime/scalar.js";
import type { Plan } from "../compiler/plan.js";
import { DTYPES, parseDType, type DType } from "../runtime/dtype.js";
import { cast } from "../compiler/ir/node.js";
import { viewAs } from "./view-dtype.js";
import { clip } from "./select.js";
import { tobytes, tofile } from "./io/raw.js";
import { byteswap } from "./byteorder.js";
import { argsort, searchsorted, sortInPlace } from "./sorting.js";
import { dot, matmul } from "./products.js";

type Opts = R.ReduceOptions;
type U = (other: ArrayLike, opts?: object) => NDArray;

declare module "./ndarray.js" {
  interface NDArray {
    add: U; sub: U; mul: U; div: U; floordiv: U; mod: U; pow: U; matmul: U;
    eq: U; ne: U; lt: U; le: U; gt: U; ge: U; and: U; or: U; xor: U; lshift: U; rshift: U;
    neg(): NDArray; abs(): NDArray; not(): NDArray; invert(): NDArray; positive(): NDArray;
    // reductions: NumPy's positional order (axis, dtype, out, ...) and/or one options object
    sum(...args: (Opts | unknown)[]): NDArray; prod(...args: (Opts | unknown)[]): NDArray; mean(...args: (Opts | unknown)[]): NDArray;
    std(...args: (Opts | unknown)[]): NDArray; var(...args: (Opts | unknown)[]): NDArray; min(...args: (Opts | unknown)[]): NDArray;
    max(...args: (Opts | unknown)[]): NDArray; all(...args: (Opts | unknown)[]): NDArray; any(...args: (Opts | unknown)[]): NDArray;
    ptp(...args: (Opts | unknown)[]): NDArray; argmax(...args: unknown[]): NDArray; argmin(...args: unknown[]): NDArray;
    cumsum(...args: unknown[]): NDArray; cumprod(...args: unknown[]): NDArray;
    reshape(...shape: unknown[]): NDArray; ravel(order?: "C" | "F"): NDArray; flatten(order?: "C" | "F"): NDArray;
    transpose(...axes: unknown[]): NDArray; swapaxes(a: number, b: number): NDArray; squeeze(axis?: number | number[] | null): NDArray;
    astype(dtype: unknown, opts?: { copy?: boolean }): NDArray; copy(): NDArray; view(dtype?: unknown): NDArray;
    fill(value: JSScalar): void; clip(...args: unknown[]): NDArray;
    /** a.round(decimals = 0, out = null), as np.round */
    round(...args: unknown[]): NDArray;
    get(...items: IndexItem[]): NDArray; set(...args: unknown[]): void; item(...idx: number[]): JSScalar;
    tolist(opts?: { bigint?: boolean }): unknown; toString(): string; explain(): string; compile(): Plan; toDot(): string;
    sort(...args: unknown[]): void; argsort(...args: unknown[]): NDArray;
    searchsorted(v: ArrayLike, ...args: unknown[]): NDArray; dot(b: ArrayLike, ...args: unknown[]): NDArray;
    tobytes(order?: "C" | "F" | "A" | "K" | { order?: "C" | "F" | "A" | "K" }): Uint8Array;
    tofile(file: string | URL | number, sep?: string | { sep?: string; format?: string }, format?: string): void;
    byteswap(inplace?: boolean | { inplace?: boolean }): NDArray;
    readonly T: NDArray; readonly real: NDArray; readonly imag: NDArray;
    [Symbol.iterator](): Iterator<NDArray>;
  }
}

const P = NDArray.prototype as unknown as Record<string | symbol, unknown>;
const binary: Record<string, string> = {
  add: "add", sub: "subtract", mul: "multiply", div: "true_divide", floordiv: "floor_divide", mod: "remainder", pow: "power",
  eq: "equal", ne: "not_equal", lt: "less", le: "less_equal", gt: "greater", ge: "greater_equal",
  and: "bitwise_and", or: "bitwise_or", xor: "bitwise_xor", lshift: "left_shift", rshift: "right_shift",
};
for (const [m, u] of Object.entries(binary)) {
  P[m] = function (this: NDArray, other: ArrayLike, opts?: object) {
    return opts ? ufuncs[u](this, other, opts) : ufuncs[u](this, other);
  };
}
const unary: Record<string, string> = { neg: "negative", abs: "absolute", not: "logical_not", invert: "invert", positive: "positive" };
for (const [m, u] of Object.entries(unary)) P[m] = function (this: NDArray) { return ufuncs[u](this); };

P.sum = function (this: NDArray, ...args: unknown[]) { return R.sum(this, ...args); };
P.prod = function (this: NDArray, ...args: unknown[]) { return R.prod(this, ...args); };
P.mean = function (this: NDArray, ...args: unknown[]) { return R.mean(this, ...args); };
P.std = function (this: NDArray, ...args: unknown[]) { return R.std(this, ...args); };
P.var = function (this: NDArray, ...args: unknown[]) { return R.variance(this, ...args); };
P.min = function (this: NDArray, ...args: unknown[]) { return R.min(this, ...args); };
P.max = function (this: NDArray, ...args: unknown[]) { return R.max(this, ...args); };
P.all = function (this: NDArray, ...args: unknown[]) { return R.all(this, ...args); };
P.any = function (this: NDArray, ...args: unknown[]) { return R.any(this, ...args); };
P.ptp = function (this: NDArray, ...args: unknown[]) { return R.ptp(this, ...args); };
P.argmax = function (this: NDArray, ...args: unknown[]) { return R.argmax(this, ...args); };
P.argmin = function (this: NDArray, ...args: unknown[]) { return R.argmin(this, ...args); };
P.cumsum = function (this: NDArray, ...args: unknown[]) { return cumsum(this, ...args); };
P.cumprod = function (this: NDArray, ...args: unknown[]) { return cumprod(this, ...args); };

P.reshape = function (this: NDArray, ...shape: unknown[]) { return S.reshape(this, ...shape); };
P.ravel = function (this: NDArray, order?: "C" | "F") { return S.ravel(this, order); };
P.flatten = function (this: NDArray, order?: "C" | "F") { return S.flatten(this, order); };
P.transpose = function (this: NDArray, ...axes: unknown[]) {
  const list = axes.length === 1 && Array.isArray(axes[0]) ? (axes[0] as number[]) : axes.length ? (axes as number[]) : null;
  return S.transpose(this, list);
};
P.swapaxes = function (this: NDArray, a: number, b: number) { return S.swapaxes(this, a, b); };
P.squeeze = function (this: NDArray, axis?: number | number[] | null) { return S.squeeze(this, axis); };
P.astype = function (this: NDArray, d: unknown, o?: { copy?: boolean }) { return S.astype(this, d, o); };
P.copy = function (this: NDArray) { return S.copy(this); };
P.view = function (this: NDArray, d?: unknown) { return d === undefined ? this._makeView((v) => v, this.shape) : viewAs(this, parseDType(d)); };
P.fill = function (this: NDArray, v: JSScalar) { assign(this, v as ArrayLike); };
P.clip = function (this: NDArray, ...args: unknown[]) { return clip(this, ...args); };
P.round = function (this: NDArray, ...args: unknown[]) { return round(this, ...args); };
P.get = function (this: NDArray, ...items: IndexItem[]) { return get(this, ...items); };
P.sort = function (this: NDArray, ...args: unknown[]) { sortInPlace(this, ...args); };
P.argsort = function (this: NDArray, ...args: unknown[]) { return argsort(this, ...args); };
P.searchsorted = function (this: NDArray, v: ArrayLike, ...args: unknown[]) { return searchsorted(this, v, ...args); };
P.dot = function (this: NDArray, b: ArrayLike, ...args: unknown[]) { return dot(this, b, ...args); };
P.matmul = function (this: NDArray, b: ArrayLike, opts?: object) { return opts ? matmul(this, b, opts) : matmul(this, b); };
P.tobytes = function (this: NDArray, o?: Parameters<typeof tobytes>[1]) { return tobytes(this, o); };
P.tofile = function (this: NDArray, f: string | URL | number, ...args: unknown[]) { tofile(this, f, ...args); };
P.byteswap = function (this: NDArray, i?: Parameters<typeof byteswap>[1]) { return byteswap(this, i); };
P.set = function (this: NDArray, ...args: unknown[]) { set(this, ...args); };
P.item = function (this: NDArray, ...idx: number[]) {
  if (idx.length === 0) {
    if (this.size !== 1) throw new ValueError("can only convert an array of size 1 to a Python scalar");
    return this._elementReader()(0);
  }
  if (idx.length === 1 && this.ndim !== 1) {
    const i = idx[0] < 0 ? idx[0] + this.size : idx[0];
    if (i < 0 || i >= this.size) throw new IndexError(`index ${idx[0]} is out of bounds for size ${this.size}`);
    return this._elementReader()(i);
  }
  return get(this, ...idx)._elementReader()(0);
};
P.tolist = function (this: NDArray, o?: { bigint?: boolean }) { return tolist(this, o?.bigint ?? false); };

function printView(a: NDArray): PrintView {
  const read = a._elementReader(a.dtype.isWide);
  return { shape: a.shape, dtype: a.dtype, at: read };
}
P.toString = function (this: NDArray) { return arrayStr(printView(this)); };
P.explain = function (this: NDArray) { return compileArrays([this]).toString(); };
P.compile = function (this: NDArray) { return compileArrays([this]); };
P.toDot = function (this: NDArray) { return compileArrays([this]).toDot(); };
P[Symbol.for("nodejs.util.inspect.custom")] = function (this: NDArray) { return arrayRepr(printView(this)); };
P[Symbol.iterator] = function* (this: NDArray) {
  if (this.ndim === 0) throw new NumpyTypeError("iteration over a 0-d array");
  for (let i = 0; i < this.shape[0]; i++) yield get(this, i);
};
Object.defineProperty(P, "T", { get(this: NDArray) { return S.transpose(this); } });
/** The dtype of a complex dtype's parts, in its byte order (NumPy: ">c16" has ">f8" parts). */
function complexPart(dt: DType): DType {
  const part = DTYPES[dt.itemsize === 8 ? "float32" : "float64"];
  return dt.isnative ? part : part.newbyteorder(">");
}
Object.defineProperty(P, "real", {
  get(this: NDArray) {
    if (this.dtype.kind !== "c") return this;
    return viewAs(this, complexPart(this.dtype), 0);
  },
});
Object.defineProperty(P, "imag", {
  get(this: NDArray) {
    if (this.dtype.kind !== "c") {
      // NumPy: the imaginary part of a real array is read-only zeros
      const z = new NDArray(cast(ufuncs.multiply(this, 0)._node, this.dtype));
      z._writeable = false;
      return z;
    }
    return viewAs(this, complexPart(this.dtype), 1);
  },
});

export { arrayRepr, printView };
