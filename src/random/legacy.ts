/** @file The legacy API: RandomState over MT19937 (init_genrand/init_by_array seeding, polar Box-Muller with its cached gauss, masked randint) and np.random's module functions. */
import { DTYPES } from "../../runtime/dtype.js";
import { ValueError, OverflowError, NumpyTypeError } from "../../runtime/errors.js";
import { logUnit } from "../../runtime/random/glibc-log.js";
import { legacyGaussFill, type GaussCache } from "../../runtime/random/gauss-fast.js";
import type { MT19937Core } from "../../runtime/random/mt19937.js";
import type { NDArray } from "../ndarray.js";
import { isNDArray } from "../convert.js";
import { MT19937, setKey } from "./bit-generators.js";
import { boundedIntegers } from "./integers.js";
import { choice as choiceImpl, permutation as permutationImpl, permutedRange, shuffleInPlace, type ChoiceOps } from "./sampling.js";
import { cont, disc, newOut, param, parseArgs, prod, sizeShape } from "./util.js";
import { BinomialCache, poisson as poissonDraw } from "../../runtime/random/distributions2.js";
import { binomialImpl } from "./discrete.js";
import { poissonCheck } from "./generator.js";

const LEGACY_POISSON_LAM_MAX = 9223372036854775807 - Math.sqrt(9223372036854775807) * 10;

const none = () => {};

/** NumPy's RandomState: the MT19937 stream of np.random.seed / rand / randn / randint. */
export class RandomState {
  /** @internal */
  _bitgen: MT19937;
  /** @internal */
  _mt: MT19937Core;
  /** the polar method's second value, kept for the next call */
  #g: GaussCache = { hasGauss: 0, gauss: 0 };
  /** legacy binomial_t, kept between calls as RandomState's */
  #binomial = new BinomialCache();

  constructor(seed?: unknown) {
    if (seed instanceof MT19937) {
      this._bitgen = seed;
    } else {
      this._bitgen = new MT19937();
      this._bitgen._legacy_seeding(seed);
    }
    this._mt = this._bitgen._core;
  }

  get _bit_generator(): MT19937 {
    return this._bitgen;
  }

  /** Reseed in place (init_genrand for an int, init_by_array for a sequence); clears the cached gauss. */
  seed(seed?: unknown): void {
    this._bitgen._legacy_seeding(seed);
    this.#g.hasGauss = 0;
    this.#g.gauss = 0;
  }

  /** ["MT19937", key (uint32[624]), pos, has_gauss, cached_gaussian], or NumPy's dict with legacy=false. */
  get_state(opts: { legacy?: boolean } = {}): [string, NDArray, number, number, number] | Record<string, unknown> {
    const st = this._bitgen.state;
    if (opts.legacy === false) return { ...st, has_gauss: this.#g.hasGauss, gauss: this.#g.gauss };
    return ["MT19937", st.state.key, st.state.pos, this.#g.hasGauss, this.#g.gauss];
  }

  set_state(state: unknown): void {
    if (Array.isArray(state)) {
      if (state[0] !== "MT19937") throw new ValueError("set_state can only be used with legacy MT19937 state instances.");
      setKey(this._mt, state[1]);
      this._mt.pos = Number(state[2]);
      this.#g.hasGauss = state.length > 3 ? Number(state[3]) : 0;
      this.#g.gauss = state.length > 4 ? Number(state[4]) : 0;
      return;
    }
    if (typeof state === "object" && state !== null) {
      const s = state as Record<string, unknown>;
      this._bitgen.state = s;
      this.#g.hasGauss = Number(s.has_gauss ?? 0);
      this.#g.gauss = Number(s.gauss ?? 0);
      return;
    }
    throw new NumpyTypeError("state must be a dict or a tuple.");
  }

  /** legacy_gauss */
  #gaussOne(): number {
    if (this.#g.hasGauss) {
      const t = this.#g.gauss;
      this.#g.hasGauss = 0;
      this.#g.gauss = 0;
      return t;
    }
    const mt = this._mt;
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2.0 * mt.nextDouble() - 1.0;
      x2 = 2.0 * mt.nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    const f = Math.sqrt((-2.0 * logUnit(r2)) / r2);
    this.#g.gauss = f * x1;
    this.#g.hasGauss = 1;
    return f * x2;
  }

  random_sample(...args: unknown[]): NDArray | number {
    const o = parseArgs(args, ["size"], "random_sample");
    const shape = sizeShape(o.size);
    if (shape === null) return this._mt.nextDouble();
    const { arr, lanes } = newOut(shape, DTYPES.float64);
    this._mt.fillDouble(lanes as Float64Array, 0, prod(shape));
    return arr;
  }

  random(...args: unknown[]): NDArray | number {
    return this.random_sample(...args);
  }

  /** rand(d0, d1, ...): uniform floats of that shape (a float with no arguments). */
  rand(...dims: number[]): NDArray | number {
    return this.random_sample(dims.length ? dims : null);
  }

  /** randn(d0, d1, ...): standard normals by the polar method. */
  randn(...dims: number[]): NDArray | number {
    return this.standard_normal(dims.length ? dims : null);
  }

  standard_normal(...args: unknown[]): NDArray | number {
    const o = parseArgs(args, ["size"], "standard_normal");
    const shape = sizeShape(o.size);
    if (shape === null) return this.#gaussOne();
    const { arr, lanes } = newOut(shape, DTYPES.float64);
    legacyGaussFill(this._mt, this.#g, lanes as Float64Array, 0, prod(shape));
    return arr;
  }

  normal(...args: unknown[]): NDArray | number {
    const o = parseArgs(args, ["loc", "scale", "size"], "normal");
    return cont(o.size, [param(o.loc, 0), param(o.scale, 1)], ([, s]) => {
      if (s < 0) throw new ValueError("scale < 0");
    }, ([l, s]) => l + s * this.#gaussOne());
  }

  uniform(...args: unknown[]): NDArray | number {
    const o = parseArgs(args, ["low", "high", "size"], "uniform");
    const lo = param(o.low, 0), hi = param(o.high, 1);
    const mt = this._mt;
    if (lo.scalar !== null && hi.scalar !== null) {
      const range = hi.scalar - lo.scalar;
      if (!Number.isFinite(range)) throw new OverflowError("Range exceeds valid bounds");
      return cont(o.size, [lo, { scalar: range, arr: null }], none, ([l, r]) => l + r * mt.nextDouble());
    }
    return cont(o.size, [lo, hi], ([l, h]) => {
      if (!Number.isFinite(h - l)) throw new OverflowError("Range exceeds valid bounds");
    }, ([l, h]) => l + (h - l) * mt.nextDouble());
  }

  /** randint(low, high=None, size=None, dtype=int64): masked rejection sampling, as the legacy stream. */
  randint(...args: unknown[]): NDArray | number | bigint | boolean {
    const o = parseArgs(args, ["low", "high", "size", "dtype"], "randint");
    if (o.low === undefined) throw new NumpyTypeError("randint() missing required argument 'low'");
    return boundedIntegers(this._mt, o.low, o.high, o.size, o.dtype, false, true, "randint");
  }

  /** legacy_random_binomial: RandomState's BTPE/inversion (int64 counts; draws even when n or p is 0). */
  binomial(...args: unknown[]): NDArray | number | bigint {
    const o = parseArgs(args, ["n", "p", "size"], "binomial");
    if (o.n === undefined || o.p === undefined) throw new NumpyTypeError("binomial() missing required arguments 'n' and 'p'");
    return binomialImpl(this._mt, this.#binomial, o.n, o.p, o.size, true);
  }

  /** legacy_random_poisson (the same PTRS / multiplication algorithms as Generator). */
  poisson(...args: unknown[]): NDArray | number | bigint {
    const o = parseArgs(args, ["lam", "size"], "poisson");
    const mt = this._mt;
    return disc(o.size, [param(o.lam, 1)], ([l]) => poissonCheck(l, LEGACY_POISSON_LAM_MAX), ([l]) => poissonDraw(mt, l));
  }

  choice(...args: unknown[]): NDArray | number | bigint | boolean | { re: number; im: number } {
    const o = parseArgs(args, ["a", "size", "replace", "p"], "choice");
    const mt = this._mt;
    const ops: ChoiceOps = {
      legacy: true,
      uniform: (n) => {
        const out = new Float64Array(n);
        mt.fillDouble(out, 0, n);
        return out;
      },
      ints: (pop, shape) => boundedIntegers(mt, 0, pop, shape, "int64", false, true, "randint") as NDArray,
      noReplace: (pop, size, shape) => {
        const perm = permutedRange(mt, pop);
        const { arr, lanes } = newOut(shape, DTYPES.int64);
        (lanes as Int32Array).set((perm._realized().storage.lanes(DTYPES.int64) as Int32Array).subarray(0, 2 * size));
        return arr;
      },
    };
    return choiceImpl(ops, o.a, o.size, o.replace === undefined ? true : Boolean(o.replace), o.p, 0, true);
  }

  permutation(x: unknown): NDArray {
    return permutationImpl(this._mt, x, 0, true);
  }

  shuffle(x: unknown): void {
    if (isNDArray(x) || Array.isArray(x)) shuffleInPlace(this._mt, x, 0);
    else throw new NumpyTypeError("shuffle expects an NDArray or a JS array");
  }
}

/** The global RandomState behind np.random.seed, rand, randn, ... (seeded from OS entropy until np.random.seed). */
let global: RandomState | null = null;
const g = () => (global ??= new RandomState());

export const seed = (s?: unknown) => g().seed(s);
export const get_state = (opts?: { legacy?: boolean }) => g().get_state(opts);
export const set_state = (s: unknown) => g().set_state(s);
export const rand = (...dims: number[]) => g().rand(...dims);
export const randn = (...dims: number[]) => g().randn(...dims);
export const randint = (...args: unknown[]) => g().randint(...args);
export const random_sample = (...args: unknown[]) => g().random_sample(...args);
export const random = (...args: unknown[]) => g().random_sample(...args);
export const ranf = random;
export const sample = random;
export const standard_normal = (...args: unknown[]) => g().standard_normal(...args);
export const normal = (...args: unknown[]) => g().normal(...args);
export const uniform = (...args: unknown[]) => g().uniform(...args);
export const choice = (...args: unknown[]) => g().choice(...args);
export const shuffle = (x: unknown) => g().shuffle(x);
export const permutation = (x: unknown) => g().permutation(x);
export const binomial = (...args: unknown[]) => g().binomial(...args);
export const poisson = (...args: unknown[]) => g().poisson(...args);
