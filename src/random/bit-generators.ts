/** @file The public bit generators: SeedSequence, PCG64, PCG64DXSM, MT19937, SFC64 and Philox with NumPy's seeding, state dicts, spawn, advance and jumped. */
import { DTYPES, parseDType } from "../../runtime/dtype.js";
import { ValueError, NumpyTypeError } from "../../runtime/errors.js";
import { type RawBitGen } from "../../runtime/random/bitgen.js";
import { MT19937Core, MT_N } from "../../runtime/random/mt19937.js";
import { PCG64Core } from "../../runtime/random/pcg64.js";
import { PCG64DXSMCore } from "../../runtime/random/pcg64dxsm.js";
import { PhiloxCore } from "../../runtime/random/philox.js";
import { SFC64Core } from "../../runtime/random/sfc64.js";
import { SeedSequenceCore, type Entropy } from "../../runtime/random/seed-sequence.js";
import { array, isNDArray } from "../convert.js";
import type { NDArray } from "../ndarray.js";
import { newOut, parseArgs, prod, sizeShape } from "./util.js";

/** NumPy's SeedSequence: the entropy pool that seeds every modern bit generator. */
export class SeedSequence extends SeedSequenceCore {
  constructor(entropy?: Entropy | NDArray, opts: { spawn_key?: readonly number[]; pool_size?: number; n_children_spawned?: number } = {}) {
    super(isNDArray(entropy) ? (entropy.tolist() as number[]) : entropy, opts);
  }

  /** `n_words` words of state as a uint32 or uint64 NDArray (NumPy's generate_state). */
  generate_state(n_words: number, dtype: unknown = "uint32"): NDArray {
    const dt = parseDType(dtype);
    if (dt !== DTYPES.uint32 && dt !== DTYPES.uint64) throw new ValueError("only support uint32 or uint64");
    const words = this.generateWords(dt === DTYPES.uint64 ? 2 * n_words : n_words);
    const { arr, lanes } = newOut([n_words], dt);
    (lanes as Int32Array | Uint32Array).set(dt === DTYPES.uint64 ? new Int32Array(words.buffer) : words);
    return arr;
  }

  spawn(n_children: number): SeedSequence[] {
    return this.spawnCores(n_children) as SeedSequence[];
  }

  get state(): { entropy: unknown; spawn_key: readonly number[]; pool_size: number; n_children_spawned: number } {
    return { entropy: this.entropy, spawn_key: this.spawn_key, pool_size: this.pool_size, n_children_spawned: this.n_children_spawned };
  }
}

/** What a bit generator may be seeded with: None, an int (number or bigint), a sequence of ints, or a SeedSequence. */
export type Seed = Entropy | SeedSequence | NDArray;

function toSeedSequence(seed: Seed): SeedSequence {
  if (seed instanceof SeedSequence) return seed;
  if (typeof seed === "number" && !Number.isInteger(seed)) throw new NumpyTypeError("SeedSequence expects int or sequence of ints for entropy not " + seed);
  return new SeedSequence(seed as Entropy);
}

export abstract class BitGenerator {
  /** @internal */
  abstract readonly _core: RawBitGen;
  /** @internal */
  _seed_seq: SeedSequence | null;
  /** @internal NumPy's next_raw is one 32-bit output for MT19937, a 64-bit one otherwise */
  protected _raw32 = false;

  constructor(seed: Seed) {
    this._seed_seq = toSeedSequence(seed);
  }

  get seed_seq(): SeedSequence | null {
    return this._seed_seq;
  }

  abstract get state(): any;
  abstract set state(v: any);

  /** New bit generators of this type seeded from spawned child SeedSequences. */
  spawn(n_children: number): this[] {
    if (!this._seed_seq) throw new NumpyTypeError("The underlying SeedSequence does not implement spawning.");
    const Ctor = this.constructor as new (s: Seed) => this;
    return this._seed_seq.spawn(n_children).map((s) => new Ctor(s));
  }

  /** Raw 64-bit outputs (NumPy's random_raw): a uint64 array, or a bigint when size is None. */
  random_raw(...args: unknown[]): NDArray | bigint {
    const { size } = parseArgs(args, ["size", "output"], "random_raw");
    const shape = sizeShape(size);
    const core = this._core;
    const next = this._raw32 ? () => ((core.hi = 0), (core.lo = core.nextUint32())) : () => core.next64();
    if (shape === null) {
      next();
      return (BigInt(core.hi) << 32n) | BigInt(core.lo);
    }
    const { arr, lanes } = newOut(shape, DTYPES.uint64);
    for (let i = 0, n = prod(shape); i < n; i++) {
      next();
      lanes[2 * i] = core.lo;
      lanes[2 * i + 1] = core.hi;
    }
    return arr;
  }
}

export interface PCG64State {
  bit_generator: "PCG64";
  state: { state: bigint; inc: bigint };
  has_uint32: number;
  uinteger: number;
}

const PCG64_JUMP = 0x9e3779b97f4a7c15f39cc0605cedc835n;

/**
 * What NumPy's two PCG generators share: seeding from 8 SeedSequence words (pcg64_set_seed), the
 * state dict, advance and the golden-ratio jump. They differ in output function and multiplier.
 */
abstract class PCGBitGenerator<S extends PCG64State | PCG64DXSMState> extends BitGenerator {
  abstract override readonly _core: PCG64Core | PCG64DXSMCore;
  protected abstract readonly kind: S["bit_generator"];
  /** NumPy words the state setter's error differently for the two */
  protected abstract readonly stateError: string;

  protected seedCore(): void {
    const w = this._seed_seq!.generateWords(8);
    const u64 = (k: number) => (BigInt(w[2 * k + 1]) << 32n) | BigInt(w[2 * k]);
    // seed = (val[0] high, val[1] low), inc = (val[2] high, val[3] low)
    this._core.seed((u64(0) << 64n) | u64(1), (u64(2) << 64n) | u64(3));
  }

  get state(): S {
    const c = this._core;
    return { bit_generator: this.kind, state: { state: c.state128, inc: c.inc128 }, has_uint32: c.hasUint32, uinteger: c.uinteger } as S;
  }
  set state(v: any) {
    checkStateDict(v, this.kind, this.stateError);
    const s = v.state as { state: bigint | number; inc: bigint | number };
    this._core.state128 = BigInt(s.state);
    this._core.inc128 = BigInt(s.inc);
    this._core.hasUint32 = Number(v.has_uint32);
    this._core.uinteger = Number(v.uinteger) >>> 0;
  }

  /** Advance the stream by `delta` steps (mod 2**128), as if that many 64-bit draws were made. */
  advance(delta: number | bigint): this {
    this._core.advance(BigInt(delta));
    return this;
  }

  jump_inplace(jumps: number | bigint = 1): void {
    this.advance(PCG64_JUMP * BigInt(jumps));
  }

  /** A new generator of this kind (fresh SeedSequence, as NumPy's `self.__class__()`) whose stream is this one advanced by jumps * (phi - 1) * 2**128 steps. */
  jumped(jumps: number | bigint = 1): this {
    const bg = new (this.constructor as new () => this)();
    bg.state = this.state;
    bg.jump_inplace(jumps);
    return bg;
  }
}

/** NumPy's PCG64 (XSL-RR 128/64). */
export class PCG64 extends PCGBitGenerator<PCG64State> {
  readonly _core = new PCG64Core();
  protected readonly kind = "PCG64";
  protected readonly stateError = "state must be for a PCG64 PRNG";

  constructor(seed?: Seed) {
    super(seed);
    this.seedCore();
  }
}

export interface MT19937State {
  bit_generator: "MT19937";
  state: { key: NDArray; pos: number };
}

/** NumPy's MT19937: SeedSequence seeding here; RandomState uses `_legacy_seeding`. */
export class MT19937 extends BitGenerator {
  readonly _core = new MT19937Core();
  protected override _raw32 = true;

  constructor(seed?: Seed) {
    super(seed);
    const val = this._seed_seq!.generateWords(MT_N);
    // as NumPy: key[0] forced to 0x80000000 and pos left at 623 by its loop variable
    this._core.key.set(val);
    this._core.key[0] = 0x80000000;
    this._core.pos = MT_N - 1;
  }

  /** NumPy's MT19937._legacy_seeding: init_genrand for an int, init_by_array for a 1-d sequence. */
  _legacy_seeding(seed: unknown): void {
    if (seed === undefined || seed === null) {
      const val = new SeedSequence().generateWords(MT_N);
      this._core.key.set(val);
      this._core.key[0] = 0x80000000;
      this._core.pos = MT_N;
    } else {
      let s: unknown = seed;
      if (isNDArray(s)) s = s.ndim === 0 ? Number(s._elementReader()(0)) : (s.tolist() as unknown);
      if (typeof s === "number" || typeof s === "bigint") {
        if (typeof s === "number" && !Number.isInteger(s)) throw new NumpyTypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
        const v = BigInt(s);
        if (v > 0xffffffffn || v < 0n) throw new ValueError("Seed must be between 0 and 2**32 - 1");
        this._core.initGenrand(Number(v));
      } else {
        const arr = array(s as never);
        if (arr.size === 0) throw new ValueError("Seed must be non-empty");
        if (arr.dtype.kind === "f" || arr.dtype.kind === "c") throw new NumpyTypeError(`Cannot cast array data from dtype('${arr.dtype.name}') to dtype('int64') according to the rule 'safe'`);
        if (arr.ndim !== 1) throw new ValueError("Seed array must be 1-d");
        const vals = (arr.tolist({ bigint: true } as never) as unknown[]).map((x) => BigInt(x as bigint));
        if (vals.some((v) => v > 0xffffffffn || v < 0n)) throw new ValueError("Seed must be between 0 and 2**32 - 1");
        this._core.initByArray(vals.map(Number));
      }
    }
    this._seed_seq = null;
  }

  get state(): MT19937State {
    const { arr, lanes } = newOut([MT_N], DTYPES.uint32);
    (lanes as Uint32Array).set(this._core.key);
    return { bit_generator: "MT19937", state: { key: arr, pos: this._core.pos } };
  }
  set state(v: any) {
    if (typeof v !== "object" || v === null) throw new NumpyTypeError("state must be a dict");
    if (v.bit_generator !== "MT19937") throw new ValueError("state must be for a MT19937 PRNG");
    const s = v.state as { key: unknown; pos: number };
    setKey(this._core, s.key);
    this._core.pos = Number(s.pos);
  }
}

/** Load a 624-word key from an NDArray, typed array or JS array. */
export function setKey(core: MT19937Core, key: unknown): void {
  const vals: number[] = isNDArray(key) ? (key.tolist() as number[]) : Array.from(key as ArrayLike<number>);
  if (vals.length !== MT_N) throw new ValueError(`state key must have ${MT_N} elements`);
  for (let i = 0; i < MT_N; i++) core.key[i] = vals[i] >>> 0;
}

/** NumPy's `_common.int_to_array`: an int in [0, 2**bits) or an array of bits/64 words, as uint64 words (least significant first). */
function intToWords(value: unknown, name: string, bits: number): bigint[] {
  const len = bits / 64;
  let v: unknown = value;
  if (isNDArray(v) && v.ndim === 0) v = v._elementReader(true)(0);
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") {
    if (typeof v === "number" && !Number.isInteger(v)) v = Math.trunc(v);
    let n = BigInt(v as number | bigint | boolean);
    if (n < 0n || n >= 1n << BigInt(bits)) throw new ValueError(`${name} must be positive and less than 2**${bits}.`);
    const out: bigint[] = [];
    for (let i = 0; i < len; i++, n >>= 64n) out.push(n & MASK64);
    return out;
  }
  const arr = isNDArray(v) ? v : array(v as never);
  // astype(uint64): negative ints wrap as C casts do
  const words = (arr.ndim === 0 ? [] : (arr.tolist({ bigint: true } as never) as unknown[])).map((x) => (Array.isArray(x) ? null : BigInt.asUintN(64, BigInt(typeof x === "number" ? Math.trunc(x) : (x as bigint | boolean)))));
  if (arr.ndim !== 1 || words.length !== len) throw new ValueError(`${name} must have ${len} elements when using array form`);
  return words as bigint[];
}

/** uint64 words as a uint64 NDArray (the arrays in the state dicts). */
function u64Array(words: readonly bigint[]): NDArray {
  const { arr, lanes } = newOut([words.length], DTYPES.uint64);
  const l = lanes as Int32Array;
  words.forEach((w, i) => {
    l[2 * i] = Number(w & 0xffffffffn) | 0;
    l[2 * i + 1] = Number((w >> 32n) & 0xffffffffn) | 0;
  });
  return arr;
}

/** A state-dict entry holding uint64 words (an NDArray, bigints or numbers) as bigints. */
function wordsOf(x: unknown, n: number, what: string): bigint[] {
  const vals = isNDArray(x) ? (x.tolist({ bigint: true } as never) as unknown[]) : Array.from(x as ArrayLike<unknown>);
  if (vals.length < n) throw new ValueError(`${what} must have ${n} elements`);
  return vals.slice(0, n).map((v) => BigInt.asUintN(64, BigInt(v as bigint | number)));
}

function checkStateDict(v: any, name: string, msg: string): void {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new NumpyTypeError("state must be a dict");
  if ((v.bit_generator ?? "") !== name) throw new ValueError(msg);
}

const MASK64 = (1n << 64n) - 1n;

export interface PCG64DXSMState {
  bit_generator: "PCG64DXSM";
  state: { state: bigint; inc: bigint };
  has_uint32: number;
  uinteger: number;
}

/** NumPy's PCG64DXSM: PCG's 128-bit LCG with the 64-bit cheap multiplier and the DXSM output function. */
export class PCG64DXSM extends PCGBitGenerator<PCG64DXSMState> {
  readonly _core = new PCG64DXSMCore();
  protected readonly kind = "PCG64DXSM";
  protected readonly stateError = "state must be for a PCG64DXSM RNG";

  constructor(seed?: Seed) {
    super(seed);
    this.seedCore();
  }
}

export interface SFC64State {
  bit_generator: "SFC64";
  state: { state: NDArray };
  has_uint32: number;
  uinteger: number;
}

/** NumPy's SFC64: three SeedSequence words and a counter of 1, mixed by 12 draws. No advance or jumped, as in NumPy. */
export class SFC64 extends BitGenerator {
  readonly _core = new SFC64Core();

  constructor(seed?: Seed) {
    super(seed);
    const w = this._seed_seq!.generateWords(6);
    const u64 = (k: number) => (BigInt(w[2 * k + 1]) << 32n) | BigInt(w[2 * k]);
    this._core.seed([u64(0), u64(1), u64(2)]);
  }

  get state(): SFC64State {
    const c = this._core;
    return { bit_generator: "SFC64", state: { state: u64Array(c.words) }, has_uint32: c.hasUint32, uinteger: c.uinteger };
  }
  set state(v: any) {
    // NumPy's message really is this literal text (its f-string prefix is missing)
    checkStateDict(v, "SFC64", "state must be for a {self.__class__.__name__} RNG");
    this._core.setWords(wordsOf(v.state.state, 4, "state"));
    this._core.hasUint32 = Number(v.has_uint32);
    this._core.uinteger = Number(v.uinteger) >>> 0;
  }
}

export interface PhiloxState {
  bit_generator: "Philox";
  state: { counter: NDArray; key: NDArray };
  buffer: NDArray;
  buffer_pos: number;
  has_uint32: number;
  uinteger: number;
}

/** NumPy's Philox (4x64, 10 rounds): key from SeedSequence (or given), 256-bit counter, advance and jumped (by 2**128 blocks). */
export class Philox extends BitGenerator {
  readonly _core = new PhiloxCore();

  /** Philox(seed, counter, key), positionally or as options: `new Philox({ key: 5, counter: 2 })`. */
  constructor(...args: unknown[]) {
    const o = parseArgs(args, ["seed", "counter", "key"], "Philox");
    const key = o.key ?? null, counter = o.counter ?? null;
    if (o.seed !== undefined && key !== null) throw new ValueError("seed and key cannot be both used");
    super(o.seed as Seed);
    const c = this._core;
    if (key !== null) {
      c.setWords(c.key, intToWords(key, "key", 128));
      this._seed_seq = null;
    } else {
      const w = this._seed_seq!.generateWords(4);
      c.setWords(c.key, [(BigInt(w[1]) << 32n) | BigInt(w[0]), (BigInt(w[3]) << 32n) | BigInt(w[2])]);
    }
    c.setWords(c.ctr, intToWords(counter ?? 0, "counter", 256));
    c.reset();
  }

  get state(): PhiloxState {
    const c = this._core;
    return {
      bit_generator: "Philox",
      state: { counter: u64Array(c.getWords(c.ctr, 4)), key: u64Array(c.getWords(c.key, 2)) },
      buffer: u64Array(c.getWords(c.buffer, 4)),
      buffer_pos: c.bufferPos,
      has_uint32: c.hasUint32,
      uinteger: c.uinteger,
    };
  }
  set state(v: any) {
    checkStateDict(v, "Philox", "state must be for a Philox PRNG");
    const c = this._core;
    c.setWords(c.ctr, wordsOf(v.state.counter, 4, "counter"));
    c.setWords(c.key, wordsOf(v.state.key, 2, "key"));
    c.setWords(c.buffer, wordsOf(v.buffer, 4, "buffer"));
    c.hasUint32 = Number(v.has_uint32);
    c.uinteger = Number(v.uinteger) >>> 0;
    c.bufferPos = Number(v.buffer_pos);
  }

  /** Add `delta` (mod 2**256) to the counter, as if 4 * delta draws were made; drops the buffered outputs as NumPy does. */
  advance(delta: number | bigint): this {
    const d = BigInt.asUintN(256, BigInt(delta));
    this._core.advance(intToWords(d, "step", 256));
    this._core.reset();
    return this;
  }

  jump_inplace(jumps: number | bigint = 1): void {
    this.advance(BigInt(jumps) * (1n << 128n));
  }

  /** A new Philox (fresh SeedSequence, as NumPy's `self.__class__()`) advanced by jumps * 2**128 blocks. */
  jumped(jumps: number | bigint = 1): Philox {
    const bg = new Philox();
    bg.state = this.state;
    bg.jump_inplace(jumps);
    return bg;
  }
}
