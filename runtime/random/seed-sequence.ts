/** @file NumPy's SeedSequence: entropy pool mixing (hashmix/mix), spawn keys and generate_state, bit for bit. */
import { ValueError, NumpyTypeError } from "../errors.js";
import { bigintToWords, osEntropy128 } from "./bitgen.js";

const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const DEFAULT_POOL_SIZE = 4;

export type Entropy = number | bigint | readonly (number | bigint)[] | null | undefined;

/** NumPy's _coerce_to_uint32_array for an int or a (nested) sequence of ints. */
export function coerceToWords(x: unknown): number[] {
  if (typeof x === "bigint" || (typeof x === "number" && Number.isInteger(x))) {
    const n = BigInt(x);
    if (n < 0n) throw new ValueError("expected non-negative integer");
    return bigintToWords(n);
  }
  if (typeof x === "number") throw new NumpyTypeError("SeedSequence expects int or sequence of ints for entropy not " + x);
  if (x instanceof Uint32Array) return Array.from(x);
  if (Array.isArray(x) || ArrayBuffer.isView(x)) {
    const out: number[] = [];
    for (const v of x as unknown as Iterable<unknown>) out.push(...coerceToWords(v));
    return out;
  }
  throw new NumpyTypeError(`SeedSequence expects int or sequence of ints for entropy not ${String(x)}`);
}

export class SeedSequenceCore {
  readonly entropy: bigint | number | readonly (number | bigint)[];
  readonly spawn_key: readonly number[];
  readonly pool_size: number;
  n_children_spawned: number;
  readonly pool: Uint32Array;

  constructor(entropy?: Entropy, opts: { spawn_key?: readonly number[]; pool_size?: number; n_children_spawned?: number } = {}) {
    const poolSize = opts.pool_size ?? DEFAULT_POOL_SIZE;
    if (poolSize < DEFAULT_POOL_SIZE) throw new ValueError(`The size of the entropy pool should be at least ${DEFAULT_POOL_SIZE}`);
    this.entropy = entropy ?? osEntropy128();
    this.spawn_key = [...(opts.spawn_key ?? [])];
    this.pool_size = poolSize;
    this.n_children_spawned = opts.n_children_spawned ?? 0;
    this.pool = new Uint32Array(poolSize);
    this.mixEntropy(this.assembledEntropy());
  }

  /** The run entropy, zero-padded to the pool size when there is a spawn key, then the spawn key. */
  assembledEntropy(): number[] {
    let run = coerceToWords(this.entropy);
    const spawn = coerceToWords(this.spawn_key);
    if (spawn.length > 0 && run.length < this.pool_size) run = [...run, ...new Array(this.pool_size - run.length).fill(0)];
    return [...run, ...spawn];
  }

  private mixEntropy(entropy: number[]): void {
    const mixer = this.pool;
    let hashConst = INIT_A;
    const hashmix = (value: number): number => {
      value = (value ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_A) >>> 0;
      value = Math.imul(value, hashConst) >>> 0;
      return (value ^ (value >>> 16)) >>> 0;
    };
    const mix = (x: number, y: number): number => {
      const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
      return (r ^ (r >>> 16)) >>> 0;
    };
    for (let i = 0; i < mixer.length; i++) mixer[i] = hashmix(i < entropy.length ? entropy[i] : 0);
    for (let s = 0; s < mixer.length; s++) {
      for (let d = 0; d < mixer.length; d++) if (s !== d) mixer[d] = mix(mixer[d], hashmix(mixer[s]));
    }
    for (let s = mixer.length; s < entropy.length; s++) {
      for (let d = 0; d < mixer.length; d++) mixer[d] = mix(mixer[d], hashmix(entropy[s]));
    }
  }

  /** `nWords` uint32 words of state (NumPy's generate_state(n, np.uint32)); uint64 words are pairs (lo, hi). */
  generateWords(nWords: number): Uint32Array {
    const state = new Uint32Array(nWords);
    let hashConst = INIT_B;
    const pool = this.pool;
    for (let i = 0; i < nWords; i++) {
      let v = (pool[i % pool.length] ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_B) >>> 0;
      v = Math.imul(v, hashConst) >>> 0;
      state[i] = (v ^ (v >>> 16)) >>> 0;
    }
    return state;
  }

  /** Child sequences with spawn keys extended by the next indices (NumPy's SeedSequence.spawn). */
  spawnCores(n: number): SeedSequenceCore[] {
    const out: SeedSequenceCore[] = [];
    for (let i = this.n_children_spawned; i < this.n_children_spawned + n; i++) {
      out.push(new (this.constructor as typeof SeedSequenceCore)(this.entropy, { spawn_key: [...this.spawn_key, i], pool_size: this.pool_size }));
    }
    this.n_children_spawned += n;
    return out;
  }
}
