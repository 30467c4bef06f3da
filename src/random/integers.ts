/** @file Bounded random integers for every integer dtype (NumPy's _bounded_integers): bounds checks, then the Lemire or masked fills, or the per-element broadcast path for array-valued bounds. */
import { DTYPES, parseDType, type DType } from "../../runtime/dtype.js";
import { OverflowError, ValueError, NumpyTypeError } from "../../runtime/errors.js";
import type { RawBitGen } from "../../runtime/random/bitgen.js";
import { bounded64Fill, boundedSmallFill } from "../../runtime/random/distributions.js";
import { asarray, isNDArray, type ArrayLike } from "../convert.js";
import type { NDArray } from "../ndarray.js";
import { broadcastShapes } from "../ufunc/ufunc.js";
import { isCContiguous } from "../../compiler/ir/view.js";
import { EachDraw } from "./bounded-each.js";
import { newOut, prod, sizeShape } from "./util.js";

const BOUNDS: Record<string, [bigint, bigint]> = {
  bool: [0n, 1n],
  int8: [-128n, 127n], int16: [-32768n, 32767n], int32: [-2147483648n, 2147483647n], int64: [-(1n << 63n), (1n << 63n) - 1n],
  uint8: [0n, 255n], uint16: [0n, 65535n], uint32: [0n, 4294967295n], uint64: [0n, (1n << 64n) - 1n],
};

/** Python's int() of a bound: floats truncate, NaN and the infinities raise as CPython does. */
function pyInt(x: number | bigint): bigint {
  if (typeof x === "bigint") return x;
  if (Number.isNaN(x)) throw new ValueError("cannot convert float NaN to integer");
  if (!Number.isFinite(x)) throw new OverflowError("cannot convert float infinity to integer");
  return BigInt(Math.trunc(x));
}

/** NumPy's format_bounds_error: low == 0 everywhere (the one-argument form) names high alone. */
function boundsError(closed: boolean, anyLow: boolean): ValueError {
  if (!anyLow) return new ValueError(`high ${closed ? "<" : "<="} 0`);
  return new ValueError(`low ${closed ? ">" : ">="} high`);
}

/** A bound as np.asarray sees it: shape, C-order values (bools as 0/1), and its dtype's kind and itemsize ("O": Python ints no integer dtype holds). */
interface Bounds {
  shape: number[];
  vals: Float64Array | (number | bigint)[];
  kind: string;
  itemsize: number;
}

const I64_MIN = -(1n << 63n), U64_END = 1n << 64n;

/** Integers beyond int64/uint64: NumPy keeps them as Python ints in an object array (as 2**64 for a uint64 high). */
function oversized(x: unknown): boolean {
  if (typeof x === "bigint") return x < I64_MIN || x >= U64_END;
  if (typeof x === "number") return Number.isInteger(x) && (x >= 9223372036854775808 || x < -9223372036854775808);
  return Array.isArray(x) && x.some(oversized);
}

function leaves(x: unknown, out: (number | bigint)[]): void {
  if (Array.isArray(x)) for (const y of x) leaves(y, out);
  else if (isNDArray(x)) for (const v of readArray(x)) out.push(v);
  else if (ArrayBuffer.isView(x)) for (const v of x as unknown as Iterable<number | bigint>) out.push(v);
  else if (typeof x === "boolean") out.push(x ? 1 : 0);
  else out.push(x as number | bigint);
}

function readArray(a: NDArray): Float64Array | (number | bigint)[] {
  if (a.dtype.isComplex) throw new NumpyTypeError("complex bounds are not supported by numfuse's integers");
  // float64 holds every bool, float and <= 32-bit integer exactly, and int64/uint64 below 2**53
  const f = a.dtype === DTYPES.float64 ? a : a.astype("float64");
  const { storage, view } = f._realized();
  if (isCContiguous(view)) {
    const vals = (storage.lanes(DTYPES.float64) as Float64Array).subarray(view.offset, view.offset + a.size);
    if (!a.dtype.isWide || vals.every((v) => Math.abs(v) < 9007199254740992)) return vals;
  }
  const read = a._elementReader(true);
  const vals = new Array<number | bigint>(a.size);
  for (let i = 0; i < a.size; i++) {
    const v = read(i);
    vals[i] = typeof v === "boolean" ? (v ? 1 : 0) : (v as number | bigint);
  }
  return vals;
}

function readBounds(x: unknown): Bounds {
  if (typeof x === "number") return { shape: [], vals: [x], kind: Number.isInteger(x) && !oversized(x) ? "i" : Number.isInteger(x) ? "O" : "f", itemsize: 8 };
  if (typeof x === "bigint") return { shape: [], vals: [x], kind: oversized(x) ? "O" : x > 9223372036854775807n ? "u" : "i", itemsize: 8 };
  if (typeof x === "boolean") return { shape: [], vals: [x ? 1 : 0], kind: "b", itemsize: 1 };
  if (Array.isArray(x) && oversized(x)) {
    // asarray for the shape (and its ragged-input error), our own walk for the exact values
    const zeroed = (v: unknown): unknown => (Array.isArray(v) ? v.map(zeroed) : oversized(v) ? 0 : v);
    const shape = asarray(zeroed(x) as ArrayLike).shape.slice();
    const vals: (number | bigint)[] = [];
    leaves(x, vals);
    return { shape, vals, kind: "O", itemsize: 8 };
  }
  const a = asarray(x as ArrayLike);
  return { shape: a.shape.slice(), vals: readArray(a), kind: a.dtype.kind, itemsize: a.dtype.itemsize };
}

/** np.can_cast(arr, int64/uint64) under 'safe' casting, which decides NumPy's per-element conversion. */
function castsTo(b: Bounds, unsigned: boolean): boolean {
  if (b.kind === "b") return true;
  if (b.kind === "i") return !unsigned;
  if (b.kind === "u") return unsigned || b.itemsize < 8;
  return false;
}

/** A shape as Python prints the tuple. */
const pyTuple = (s: readonly number[]) => `(${s.join(", ")}${s.length === 1 ? "," : ""})`;

/** PyArray_Broadcast over (low, high, out): NumPy's multi-iterator shape and its mismatch message. */
function multiIterShape(shapes: readonly (readonly number[])[]): number[] {
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const dims = new Array<number>(nd);
  let src = -1;
  for (let i = 0; i < nd; i++) {
    dims[i] = 1;
    shapes.forEach((s, j) => {
      const k = i + s.length - nd;
      if (k < 0 || s[k] === 1) return;
      if (dims[i] === 1) {
        dims[i] = s[k];
        src = j;
      } else if (dims[i] !== s[k]) {
        throw new ValueError(`shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${src} with shape ${pyTuple(shapes[src])} and arg ${j} with shape ${pyTuple(s)}.`);
      }
    });
  }
  return dims;
}

/** The flat index into an array of `shape` at each of the first n C-order positions of its broadcast to `b`. */
function indexMap(shape: readonly number[], b: readonly number[], n: number): Float64Array {
  const out = new Float64Array(n);
  if (prod(shape) === 1) return out;
  const nd = b.length, off = nd - shape.length;
  if (off === 0 && shape.every((m, d) => m === b[d])) {
    for (let i = 0; i < n; i++) out[i] = i;
    return out;
  }
  const strides = new Array<number>(nd).fill(0);
  for (let d = nd - 1, s = 1; d >= off; d--) {
    const m = shape[d - off];
    if (m !== 1) strides[d] = s;
    s *= m;
  }
  const idx = new Array<number>(nd).fill(0);
  let flat = 0;
  for (let i = 0; i < n; i++) {
    out[i] = flat;
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < b[d]) {
        flat += strides[d];
        break;
      }
      flat -= strides[d] * (b[d] - 1);
      idx[d] = 0;
    }
  }
  return out;
}

/** Output shape, and where each output element finds its low and high (NumPy's MultiIterNew3 walk). */
function layout(lo: Bounds, hi: Bounds, pair: number[], shape: number[] | null) {
  const out = shape ?? pair;
  const b = shape ? multiIterShape([lo.shape, hi.shape, shape]) : pair;
  const n = prod(out);
  // NumPy reads past empty bounds here (a size-1 output over a (0,)-shaped low): garbage, so refuse
  if (n > prod(b)) throw new ValueError(`cannot fill size ${pyTuple(out)} from bounds that broadcast to the empty shape ${pyTuple(b)}`);
  return { out, li: indexMap(lo.shape, b, n), hi: indexMap(hi.shape, b, n), n };
}

/** Whether any broadcast (low, high) pair fails `bad`; the shapes must broadcast (the ufunc comparison's error otherwise). */
function anyPair<T>(lo: Bounds, hi: Bounds, L: Indexed<T>, H: Indexed<T>, bad: (l: T, h: T) => boolean): { pair: number[]; bad: boolean } {
  const pair = broadcastShapes(lo.shape, hi.shape);
  const n = prod(pair);
  const li = indexMap(lo.shape, pair, n), hj = indexMap(hi.shape, pair, n);
  for (let i = 0; i < n; i++) if (bad(L[li[i]], H[hj[i]])) return { pair, bad: true };
  return { pair, bad: false };
}

type Indexed<T> = { readonly [i: number]: T; readonly length: number };

function asF64(vals: Float64Array | (number | bigint)[]): Float64Array {
  if (vals instanceof Float64Array) return vals;
  const out = new Float64Array(vals.length);
  for (let i = 0; i < vals.length; i++) out[i] = Number(vals[i]);
  return out;
}

/**
 * _rand_{int8..uint32,bool}_broadcast: bounds checked on the values as given (floats too), then cast to
 * the next wider type (trunc), ranges and offsets taken mod 2**bits as C does, one buffered draw per element.
 */
function smallBroadcast(bg: RawBitGen, lo: Bounds, hi: Bounds, shape: number[] | null, dt: DType, closed: boolean, masked: boolean): NDArray {
  const [lbB, ubB] = BOUNDS[dt.name];
  const lb = Number(lbB), ubx = Number(ubB) + 1;
  // every bound here is below 2**33 in size, so a double compares any int64/uint64 value against it exactly
  const L = asF64(lo.vals), H = asF64(hi.vals);
  if (L.some((v) => v < lb)) throw new ValueError(`low is out of bounds for ${dt.name}`);
  if (H.some((v) => (closed ? v >= ubx : v > ubx))) throw new ValueError(`high is out of bounds for ${dt.name}`);
  const { pair, bad } = anyPair(lo, hi, L, H, closed ? (l, h) => l > h : (l, h) => l >= h);
  if (bad) throw boundsError(closed, L.some((v) => v !== 0));
  const { out, li, hi: hj, n } = layout(lo, hi, pair, shape);
  const { arr, lanes } = newOut(out, dt);
  // x86-64 NumPy casts NaN to 0, INT_MIN or 2**(bits-1) of the wider type: all 0 mod 2**bits
  const cast = (v: number) => (Number.isNaN(v) ? 0 : Math.trunc(v));
  const LI = L.map(cast), HI = H.map(cast);
  const bits = dt.name === "bool" ? 1 : dt.itemsize * 8;
  // npy_bool is a byte: bool's range and offset wrap mod 256
  const mod = bits === 1 ? 256 : 2 ** bits;
  const wrap = (v: number) => ((v % mod) + mod) % mod;
  const open = closed ? 0 : 1;
  const each = new EachDraw(bg, masked);
  for (let i = 0; i < n; i++) {
    const l = LI[li[i]];
    const rng = wrap(HI[hj[i]] - open - l), off = wrap(l);
    if (bits === 1) lanes[i] = rng === 0 ? off : each.bit();
    else if (bits === 32) lanes[i] = off + each.u32(rng);
    else lanes[i] = off + each.small(bits as 8 | 16, rng);
  }
  return arr;
}

const SAFE = 2 ** 52;

/**
 * _rand_{int64,uint64}_broadcast: bounds an int64/uint64 array can't hold safely go through Python's int()
 * one element at a time (low first, then high - 1 with its own errors), then one random_bounded_uint64 per element.
 */
function wideBroadcast(bg: RawBitGen, lo: Bounds, hi: Bounds, shape: number[] | null, dt: DType, closed: boolean, masked: boolean): NDArray {
  const small = (vals: Indexed<Num>) => {
    for (let i = 0; i < vals.length; i++) {
      const v = vals[i];
      if (!(typeof v === "number" && v >= -SAFE && v <= SAFE)) return false;
    }
    return true;
  };
  // within +-2**52 every step below is exact in doubles (high - isOpen - low < 2**53); NaN and infinities take the BigInt road, which raises
  if (small(lo.vals) && small(hi.vals)) return wideCore(bg, lo, hi, lo.vals, hi.vals, (v) => Math.trunc(v as number), 0, 1, shape, dt, closed, masked);
  return wideCore(bg, lo, hi, lo.vals, hi.vals, pyInt, 0n, 1n, shape, dt, closed, masked);
}

type Num = number | bigint;

function wideCore<T extends Num>(
  bg: RawBitGen, lo: Bounds, hi: Bounds, lv: Indexed<Num>, hv: Indexed<Num>, toInt: (v: Num) => T, zero: T, one: T,
  shape: number[] | null, dt: DType, closed: boolean, masked: boolean,
): NDArray {
  const [lbB, ubB] = BOUNDS[dt.name];
  const num = typeof zero === "number";
  // as doubles the bounds round (2**63 - 1 -> 2**63), harmless: number mode only sees values within +-2**52
  const lb = (num ? Number(lbB) : lbB) as T, ub = (num ? Number(ubB) : ubB) as T;
  const unsigned = dt.name === "uint64";
  let isOpen = closed ? zero : one;
  const L = new Array<T>(lv.length);
  const castL = castsTo(lo, unsigned);
  for (let i = 0; i < lv.length; i++) {
    const x = castL ? ((num ? Number(lv[i]) : BigInt(lv[i])) as T) : toInt(lv[i]);
    if (!castL && (x < lb || x > ub)) throw new ValueError(`low is out of bounds for ${dt.name}`);
    L[i] = x;
  }
  const anyLow = () => L.some((x) => x !== zero);
  const H = new Array<T>(hv.length);
  if (castsTo(hi, unsigned)) for (let i = 0; i < hv.length; i++) H[i] = (num ? Number(hv[i]) : BigInt(hv[i])) as T;
  else {
    for (let i = 0; i < hv.length; i++) {
      const c = ((toInt(hv[i]) as number) - (isOpen as number)) as T;
      if (c > ub) throw new ValueError(`high is out of bounds for ${dt.name}`);
      if (c < lb) throw boundsError(closed, anyLow());
      H[i] = c;
    }
    isOpen = zero;
  }
  const { pair, bad } = anyPair(lo, hi, L, H, isOpen ? (l, h) => l >= h : (l, h) => l > h);
  if (bad) throw boundsError(closed, anyLow());
  const { out, li, hi: hj, n } = layout(lo, hi, pair, shape);
  const { arr, lanes } = newOut(out, dt);
  const words = lanes as Int32Array;
  const each = new EachDraw(bg, masked);
  if (num) {
    const LN = L as number[], HN = (H as number[]).map((h) => h - (isOpen as number));
    for (let i = 0; i < n; i++) {
      const l = LN[li[i]], rng = HN[hj[i]] - l;
      const v = l + (rng <= 0xffffffff ? each.u32(rng) : each.u64(rng));
      const w = Math.floor(v / 4294967296);
      words[2 * i] = v - w * 4294967296;
      words[2 * i + 1] = w;
    }
  } else {
    const LB = L as bigint[], HB = (H as bigint[]).map((h) => h - (isOpen as bigint));
    for (let i = 0; i < n; i++) {
      const l = LB[li[i]];
      each.u64Into(BigInt.asUintN(64, l), BigInt.asUintN(64, HB[hj[i]] - l), words.subarray(2 * i, 2 * i + 2));
    }
  }
  return arr;
}

/**
 * Draws for integers/randint: `[low, high)` (or `[low, high]` when `closed`) in `dtype`, Lemire's
 * method unless `masked` (the legacy RandomState). Returns a scalar (number, or bigint beyond 2**53,
 * or boolean) when size is None and both bounds are scalars; array-valued bounds broadcast as NumPy's.
 */
export function boundedIntegers(bg: RawBitGen, lowIn: unknown, highIn: unknown, size: unknown, dtypeIn: unknown, closed: boolean, masked: boolean, fn: string): NDArray | number | bigint | boolean {
  const dt: DType = dtypeIn === undefined ? DTYPES.int64 : parseDType(dtypeIn);
  if (!(dt.name in BOUNDS)) throw new NumpyTypeError(`Unsupported dtype ${JSON.stringify(dt.name)} for ${fn}`);
  const shape = sizeShape(size);
  if (shape !== null && prod(shape) === 0) return newOut(shape, dt).arr;
  if (highIn === undefined || highIn === null) {
    highIn = lowIn;
    lowIn = 0;
  }
  const lo = readBounds(lowIn), hi = readBounds(highIn);
  if (lo.shape.length || hi.shape.length) {
    return dt.isWide ? wideBroadcast(bg, lo, hi, shape, dt, closed, masked) : smallBroadcast(bg, lo, hi, shape, dt, closed, masked);
  }
  const low = pyInt(lo.vals[0]);
  let high = pyInt(hi.vals[0]);
  const [lb, ub] = BOUNDS[dt.name];
  if (!closed) high -= 1n;
  if (low < lb) throw new ValueError(`low is out of bounds for ${dt.name}`);
  if (high > ub) throw new ValueError(`high is out of bounds for ${dt.name}`);
  if (low > high) throw boundsError(closed, low !== 0n);
  const rng = high - low;
  const n = shape === null ? 1 : prod(shape);
  const { arr, lanes } = newOut(shape ?? [1], dt);
  if (dt.isWide) {
    bounded64Fill(bg, BigInt.asUintN(64, low), rng, masked, lanes as Int32Array, n);
  } else {
    const bits = dt.name === "bool" ? 1 : ((dt.itemsize * 8) as 8 | 16 | 32);
    // the typed-array store wraps off + draw exactly like C's unsigned arithmetic
    boundedSmallFill(bg, bits, Number(low), Number(rng), masked, lanes, n);
  }
  if (shape !== null) return arr;
  const v = arr._elementReader(true)(0);
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v;
  return v as number | boolean;
}
