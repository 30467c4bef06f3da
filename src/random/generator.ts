/** @file np.random.Generator and default_rng: NumPy's modern sampling methods over a bit generator, drawing at the call, in call order. */
import { DTYPES, type DType } from "../../runtime/dtype.js";
import { ValueError, OverflowError, NumpyTypeError } from "../../runtime/errors.js";
import { log1pNeg } from "../../runtime/random/glibc-log1p.js";
import type { RawBitGen } from "../../runtime/random/bitgen.js";
import {
  boundedUint64One, fillStandardNormal, standardExponential, standardExponentialF, standardNormal, standardNormalF,
} from "../../runtime/random/distributions.js";
import type { NDArray } from "../ndarray.js";
import { BitGenerator, PCG64, type Seed } from "./bit-generators.js";
import { boundedIntegers } from "./integers.js";
import { choice, permutation, shuffleInPlace, type ChoiceOps } from "./sampling.js";
import { checkOut, cont, disc, floatDType, newOut, param, parseArgs, sizeShape } from "./util.js";
import { standardGammaF } from "../../runtime/random/gamma-f.js";
import { array } from "../convert.js";
import { broadcast_to } from "../shape-ops.js";
import { broadcastShapes } from "../ufunc/ufunc.js";
import { multivariateNormal } from "./multivariate.js";
import { BinomialCache } from "../../runtime/random/distributions2.js";
import * as D2 from "../../runtime/random/distributions2.js";
import { binomialImpl, multinomialImpl, permutedImpl, nonNeg } from "./discrete.js";

const none = () => {};
const POISSON_LAM_MAX = 9223372036854775807 - Math.sqrt(9223372036854775807) * 10;

export function poissonCheck(l: number, max: number): void {
  if (!(l >= 0)) throw new ValueError("lam < 0 or lam is NaN");
  if (!(l <= max)) throw new ValueError("lam value too large");
}

export class Generator {
  /** @internal */
  readonly _bg: RawBitGen;
  readonly #bitgen: BitGenerator;
  /** NumPy's per-Generator binomial_t: BTPE / inversion setup kept between calls */
  readonly #binomial = new BinomialCache();

  constructor(bit_generator: BitGenerator) {
    if (!(bit_generator instanceof BitGenerator)) throw new NumpyTypeError("Generator requires a BitGenerator (e.g. np.random.PCG64(seed))");
    this.#bitgen = bit_generator;
    this._bg = bit_generator._core;
  }

  get bit_generator(): BitGenerator {
    return this.#bitgen;
  }

  toString(): string {
    return `Generator(${this.#bitgen.constructor.name})`;
  }

  /** Independent child generators from the bit generator's SeedSequence (one per worker). */
  spawn(n_children: number): Generator[] {
    return this.#bitgen.spawn(n_children).map((b) => new Generator(b));
  }

  /** Floats in [0, 1): (next_uint64 >> 11) * 2**-53, or (next_uint32 >> 8) * 2**-24 for float32; `out` filled in memory order. */
  random(...args: unknown[]): NDArray | number {
    const o = parseArgs(args, ["size", "dtype", "out"], "random");
    const dt = floatDType(o.dtype, "random");
    const bg = this._bg;
    return floatFill(o.size, o.out, dt, () => bg.nextDouble(), (a, s, e) => bg.fillDouble(a, s, e), () => bg.nextFloat());
  }

  /** Random integers in [low, high) (or [low, high] with endpoint), Lemire's method, any integer dtype. */
  integers(...args: unknown[]): NDArray | number | bigint | boolean {
    const o = parseArgs(args, ["low", "high", "size", "dtype", "endpoint"], "integers");
    if (o.low === undefined) throw new NumpyTypeError("integers() missing required argument 'low'");
    return boundedIntegers(this._bg, o.low, o.high, o.size, o.dtype, Boolean(o.endpoint), false, "integers");
  }

  standard_normal(...args: unknown[]): NDArray | number {
    const o = parseArgs(args, ["size", "dtype", "out"], "standard_normal");
    const dt = floatDType(o.dtype, "standard_normal");
    const bg = this._bg;
    return floatFill(o.size, o.out, dt, () => standardNormal(bg), (a, s, e) => fillStandardNormal(bg, a, s, e), () => standardNormalF(bg));
  }

  normal(...args: unknown[]): NDArray | number {
    const o = parseArgs(args, ["loc", "scale", "size"], "normal");
    const bg = this._bg;
    return cont(o.size, [param(o.loc, 0), param(o.scale, 1)], ([, s]) => {
      if (s < 0) throw new ValueError("scale < 0");
    }, ([l, s]) => l + s * standardNormal(bg));
  }

  uniform(...args: unknown[]): NDArray | number {
    const o = parseArgs(args, ["low", "high", "size"], "uniform");
    const lo = param(o.low, 0), hi = param(o.high, 1);
    const bg = this._bg;
    if (lo.scalar !== null && hi.scalar !== null) {
      const range = hi.scalar - lo.scalar;
      if (!Number.isFinite(range)) throw new OverflowError("high - low range exceeds valid bounds");
      return cont(o.size, [lo, { scalar: range, arr: null }], none, ([l, r]) => l + r * bg.nextDouble());
    }
    return cont(o.size, [lo, hi], ([l, h]) => {
      if (!Number.isFinite(h - l)) throw new OverflowError("Range exceeds valid bounds");
    }, ([l, h]) => l + (h - l) * bg.nextDouble());
  }

  /** Ziggurat draws, or -log1p(-U) for any other method (NumPy tests only for 'zig'). */
  standard_exponential(...args: unknown[]): NDArray | number {
    const o = parseArgs(args, ["size", "dtype", "method", "out"], "standard_exponential");
    const dt = floatDType(o.dtype, "standard_exponential");
    const bg = this._bg;
    const inv = (o.method ?? "zig") !== "zig";
    const one = inv ? () => -log1pNeg(bg.nextDouble()) : () => standardExponential(bg);
    return floatFill(o.size, o.out, dt, one, (a, s, e) => {
      for (let i = s; i < e; i++) a[i] = one();
    }, inv ? () => Math.fround(-log1pNeg(bg.nextFloat())) : () => standardExponentialF(bg));
  }

  exponential(...args: unknown[]): NDArray | number {
    const o = parseArgs(args, ["scale", "size"], "exponential");
    const bg = this._bg;
    return cont(o.size, [param(o.scale, 1)], ([s]) => {
      if (s < 0) throw new ValueError("scale < 0");
    }, ([s]) => s * standardExponential(bg));
  }

  /** Gamma(shape, 1) by Marsaglia-Tsang (shape > 1) or NumPy's rejection for shape < 1, float64 or float32 (NumPy's cont / cont_f, with out). */
  standard_gamma(...args: unknown[]): NDArray | number {
    const o = parseArgs(args, ["shape", "size", "dtype", "out"], "standard_gamma");
    if (o.shape === undefined) throw new NumpyTypeError("standard_gamma() missing required argument 'shape'");
    const dt = floatDType(o.dtype, "standard_gamma");
    const f32 = dt === DTYPES.float32;
    const target = o.out !== undefined ? checkOut(o.out, dt, o.size, true) : null;
    const bg = this._bg;
    const draw = f32 ? (k: number) => standardGammaF(bg, k) : (k: number) => D2.standardGamma(bg, k);
    const p = param(o.shape, 0);
    if (p.scalar !== null) {
      const k = f32 ? Math.fround(p.scalar) : p.scalar;
      nonNeg(k, "shape");
      if (o.size === undefined && target === null) return draw(k);
      const { arr, lanes, start } = target ?? { ...newOut(sizeShape(o.size)!, dt), start: 0 };
      for (let i = 0, n = arr.size; i < n; i++) lanes[start + i] = draw(k);
      return arr;
    }
    const a = p.arr!;
    const ar = a._elementReader();
    const vals = new Float64Array(a.size);
    for (let i = 0; i < vals.length; i++) vals[i] = f32 ? Math.fround(ar(i) as number) : (ar(i) as number);
    for (const k of vals) nonNeg(k, "shape");
    const outShape = target ? target.arr.shape : o.size !== undefined ? sizeShape(o.size)! : a.shape;
    const it = iterShape(outShape, a.shape);
    if (it.length !== outShape.length || it.some((n, i) => n !== outShape[i])) {
      throw new ValueError(`Output size ${pyTuple(outShape)} is not compatible with broadcast dimensions of inputs ${pyTuple(it)}.`);
    }
    const { arr, lanes, start } = target ?? { ...newOut(outShape, dt), start: 0 };
    const src = array(Array.from(vals)).reshape(a.shape);
    const rd = broadcast_to(src, outShape)._elementReader();
    for (let i = 0, n = arr.size; i < n; i++) lanes[start + i] = draw(rd(i) as number);
    return arr;
  }

  gamma(...args: unknown[]): NDArray | number {
    const o = parseArgs(args, ["shape", "scale", "size"], "gamma");
    if (o.shape === undefined) throw new NumpyTypeError("gamma() missing required argument 'shape'");
    const bg = this._bg;
    return cont(o.size, [param(o.shape, 0), param(o.scale, 1)], ([k, s]) => {
      nonNeg(k, "shape");
      nonNeg(s, "scale");
    }, ([k, s]) => s * D2.standardGamma(bg, k));
  }

  beta(...args: unknown[]): NDArray | number {
    const o = parseArgs(args, ["a", "b", "size"], "beta");
    if (o.a === undefined || o.b === undefined) throw new NumpyTypeError("beta() missing required arguments 'a' and 'b'");
    const bg = this._bg;
    return cont(o.size, [param(o.a, 0), param(o.b, 0)], ([a, b]) => {
      if (!(a > 0) && !Number.isNaN(a)) throw new ValueError("a <= 0");
      if (!(b > 0) && !Number.isNaN(b)) throw new ValueError("b <= 0");
    }, ([a, b]) => D2.beta(bg, a, b));
  }

  laplace(...args: unknown[]): NDArray | number {
    const o = parseArgs(args, ["loc", "scale", "size"], "laplace");
    const bg = this._bg;
    return cont(o.size, [param(o.loc, 0), param(o.scale, 1)], ([, s]) => nonNeg(s, "scale"), ([l, s]) => D2.laplace(bg, l, s));
  }

  lognormal(...args: unknown[]): NDArray | number {
    const o = parseArgs(args, ["mean", "sigma", "size"], "lognormal");
    const bg = this._bg;
    return cont(o.size, [param(o.mean, 0), param(o.sigma, 1)], ([, s]) => nonNeg(s, "sigma"), ([m, s]) => D2.lognormal(bg, m, s));
  }

  /** Poisson counts (int64): multiplication method below lam 10, Hoermann's PTRS above. */
  poisson(...args: unknown[]): NDArray | number | bigint {
    const o = parseArgs(args, ["lam", "size"], "poisson");
    const bg = this._bg;
    return disc(o.size, [param(o.lam, 1)], ([l]) => poissonCheck(l, POISSON_LAM_MAX), ([l]) => D2.poisson(bg, l));
  }

  /** Trials until the first success (int64, >= 1). */
  geometric(...args: unknown[]): NDArray | number | bigint {
    const o = parseArgs(args, ["p", "size"], "geometric");
    if (o.p === undefined) throw new NumpyTypeError("geometric() missing required argument 'p'");
    const bg = this._bg;
    return disc(o.size, [param(o.p, 0)], ([p]) => {
      if (!(p > 0) || !(p <= 1)) throw new ValueError("p <= 0, p > 1 or p contains NaNs");
    }, ([p]) => D2.geometric(bg, p));
  }

  /** Binomial counts (int64), BTPE or inversion as NumPy's random_binomial, sharing the Generator's setup cache. */
  binomial(...args: unknown[]): NDArray | number | bigint {
    const o = parseArgs(args, ["n", "p", "size"], "binomial");
    if (o.n === undefined || o.p === undefined) throw new NumpyTypeError("binomial() missing required arguments 'n' and 'p'");
    return binomialImpl(this._bg, this.#binomial, o.n, o.p, o.size, false);
  }

  multinomial(...args: unknown[]): NDArray {
    const o = parseArgs(args, ["n", "pvals", "size"], "multinomial");
    if (o.n === undefined || o.pvals === undefined) throw new NumpyTypeError("multinomial() missing required arguments 'n' and 'pvals'");
    return multinomialImpl(this._bg, this.#binomial, o.n, o.pvals, o.size);
  }

  /**
   * Draws of N(mean, cov): standard_normal(size + (n,)) transformed by a factor of cov (method
   * "svd" (default), "eigh" or "cholesky"). check_valid "warn" emits a RuntimeWarning through
   * process.emitWarning; "raise" throws ValueError. svd/eigh vectors carry a normalized sign (see
   * linalg-small.ts), so their draws equal NumPy's only where LAPACK's signs agree.
   */
  multivariate_normal(...args: unknown[]): NDArray {
    const o = parseArgs(args, ["mean", "cov", "size", "check_valid", "tol", "method"], "multivariate_normal");
    return multivariateNormal(o, (shape) => this.standard_normal(shape) as NDArray);
  }

  /** A copy of x shuffled independently along each 1-d slice of `axis` (or flat, with axis None). */
  permuted(...args: unknown[]): NDArray {
    const o = parseArgs(args, ["x", "axis", "out"], "permuted");
    return permutedImpl(this._bg, o.x, o.axis ?? null, o.out ?? null);
  }

  choice(...args: unknown[]): NDArray | number | bigint | boolean | { re: number; im: number } {
    const o = parseArgs(args, ["a", "size", "replace", "p", "axis", "shuffle"], "choice");
    const bg = this._bg;
    const ops: ChoiceOps = {
      legacy: false,
      uniform: (n) => {
        const out = new Float64Array(n);
        bg.fillDouble(out, 0, n);
        return out;
      },
      ints: (pop, shape) => boundedIntegers(bg, 0, pop, shape, "int64", false, false, "choice") as NDArray,
      noReplace: (pop, size, shape, shuffle) => floydOrTail(bg, pop, size, shape, shuffle),
    };
    return choice(ops, o.a, o.size, o.replace === undefined ? true : Boolean(o.replace), o.p, Number(o.axis ?? 0), o.shuffle === undefined ? true : Boolean(o.shuffle));
  }

  /** A shuffled copy (or a shuffled arange for an int). */
  permutation(...args: unknown[]): NDArray {
    const o = parseArgs(args, ["x", "axis"], "permutation");
    return permutation(this._bg, o.x, Number(o.axis ?? 0), false);
  }

  /** Shuffle in place along `axis` (NDArray) or a JS array. */
  shuffle(...args: unknown[]): void {
    const o = parseArgs(args, ["x", "axis"], "shuffle");
    shuffleInPlace(this._bg, o.x, Number(o.axis ?? 0));
  }
}

/** choice without replacement, no p: a tail shuffle of arange for large fractions, else Floyd's algorithm with a hash set. */
/** Python's repr of a shape tuple: (3,), (2, 3), (). */
export function pyTuple(s: readonly number[]): string {
  return `(${s.join(", ")}${s.length === 1 ? "," : ""})`;
}

/** np.broadcast's shape of two operands, with its error message. */
function iterShape(a: readonly number[], b: readonly number[]): number[] {
  try {
    return broadcastShapes(a, b);
  } catch {
    throw new ValueError(`shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape ${pyTuple(a)} and arg 1 with shape ${pyTuple(b)}.`);
  }
}

/**
 * NumPy's double_fill / float_fill: a scalar when neither size nor out is given, else a new array
 * of `size` or the checked `out` (C- or F-contiguous), filled in memory order.
 */
function floatFill(size: unknown, out: unknown, dt: DType, one64: () => number, fill64: (a: Float64Array, s: number, e: number) => void, one32: () => number): NDArray | number {
  const f32 = dt === DTYPES.float32;
  if ((size === undefined || size === null) && (out === undefined || out === null)) return f32 ? one32() : one64();
  const { arr, lanes, start } = out !== undefined && out !== null ? checkOut(out, dt, size, false) : { ...newOut(sizeShape(size)!, dt), start: 0 };
  const n = arr.size;
  if (!f32) fill64(lanes as Float64Array, start, start + n);
  else for (let i = start; i < start + n; i++) lanes[i] = one32();
  return arr;
}

function floydOrTail(bg: RawBitGen, pop: number, size: number, shape: number[], shuffle: boolean): NDArray {
  const { arr, lanes } = newOut(shape, DTYPES.int64);
  const out = lanes as Int32Array;
  const cutoff = shuffle ? 50 : 20;
  const put = (k: number, v: number) => {
    out[2 * k] = v;
    out[2 * k + 1] = Math.floor(v / 4294967296);
  };
  if (pop > 10000 && size > Math.floor(pop / cutoff)) {
    const idx = new Float64Array(pop);
    for (let i = 0; i < pop; i++) idx[i] = i;
    const first = Math.max(pop - size, 1);
    for (let i = pop - 1; i >= first; i--) {
      const j = boundedUint64One(bg, i);
      const t = idx[j];
      idx[j] = idx[i];
      idx[i] = t;
    }
    for (let k = 0; k < size; k++) put(k, idx[pop - size + k]);
    return arr;
  }
  let mask = 1;
  const setSize0 = Math.floor(1.2 * size);
  while (mask < setSize0) mask = mask * 2 + 1;
  if (setSize0 === 0) mask = 0;
  // _gen_mask(set_size): the smallest 2**k - 1 >= set_size
  const hash = new Float64Array(mask + 1).fill(-1);
  const vals = new Float64Array(size);
  for (let j = pop - size; j < pop; j++) {
    const val = boundedUint64One(bg, j);
    let loc = val % (mask + 1);
    while (hash[loc] !== -1 && hash[loc] !== val) loc = (loc + 1) & mask;
    if (hash[loc] === -1) {
      hash[loc] = val;
      vals[j - pop + size] = val;
    } else {
      loc = j & mask;
      while (hash[loc] !== -1) loc = (loc + 1) & mask;
      hash[loc] = j;
      vals[j - pop + size] = j;
    }
  }
  if (shuffle) {
    for (let i = size - 1; i >= 1; i--) {
      const j = boundedUint64One(bg, i);
      const t = vals[j];
      vals[j] = vals[i];
      vals[i] = t;
    }
  }
  for (let k = 0; k < size; k++) put(k, vals[k]);
  return arr;
}

/** np.random.default_rng(seed): a Generator over PCG64 (a Generator or BitGenerator passes through). */
export function default_rng(seed?: Seed | Generator | BitGenerator): Generator {
  if (seed instanceof Generator) return seed;
  if (seed instanceof BitGenerator) return new Generator(seed);
  return new Generator(new PCG64(seed as Seed));
}
