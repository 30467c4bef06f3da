/** @file MT19937 as NumPy's mt19937.c / randomkit: init_genrand, init_by_array, the twist, tempering and the 53-bit double. */
import { TWO_M24, TWO_M53, type RawBitGen } from "./bitgen.js";
import { isWasmBuffer, wasmMemory } from "../wasm-memory.js";
import { mtWasm } from "./mt19937-wasm.js";

/** below this many outputs, copying the key to wasm and back costs more than the JS loop */
const WASM_MIN = 256;

export const MT_N = 624;
const MT_M = 397;

export class MT19937Core implements RawBitGen {
  key = new Uint32Array(MT_N);
  pos = MT_N;
  hi = 0;
  lo = 0;

  /** mt19937_seed / init_genrand */
  initGenrand(seed: number): void {
    const mt = this.key;
    seed = seed >>> 0;
    for (let i = 0; i < MT_N; i++) {
      mt[i] = seed;
      const x = (seed ^ (seed >>> 30)) >>> 0;
      seed = (Math.imul(1812433253, x) + i + 1) >>> 0;
    }
    this.pos = MT_N;
  }

  /** mt19937_init_by_array */
  initByArray(initKey: ArrayLike<number>): void {
    const mt = this.key;
    const len = initKey.length;
    this.initGenrand(19650218);
    let i = 1, j = 0;
    for (let k = Math.max(MT_N, len); k > 0; k--) {
      const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(p, 1664525)) >>> 0) + (initKey[j] >>> 0) + j;
      i++;
      j++;
      if (i >= MT_N) {
        mt[0] = mt[MT_N - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = MT_N - 1; k > 0; k--) {
      const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(p, 1566083941)) >>> 0) - i;
      i++;
      if (i >= MT_N) {
        mt[0] = mt[MT_N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.pos = MT_N;
  }

  private gen(): void {
    const mt = this.key;
    let i = 0, y = 0;
    for (; i < MT_N - MT_M; i++) {
      y = (mt[i] & 0x80000000) | (mt[i + 1] & 0x7fffffff);
      mt[i] = mt[i + MT_M] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    }
    for (; i < MT_N - 1; i++) {
      y = (mt[i] & 0x80000000) | (mt[i + 1] & 0x7fffffff);
      mt[i] = mt[i + (MT_M - MT_N)] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    }
    y = (mt[MT_N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
    mt[MT_N - 1] = mt[MT_M - 1] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    this.pos = 0;
  }

  nextUint32(): number {
    if (this.pos >= MT_N) this.gen();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  next64(): void {
    this.hi = this.nextUint32();
    this.lo = this.nextUint32();
  }

  nextDouble(): number {
    const a = this.nextUint32() >>> 5, b = this.nextUint32() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  nextFloat(): number {
    return (this.nextUint32() >>> 8) * TWO_M24;
  }

  /** The same words as nextDouble per element, read straight off the key (no call per word). */
  fillDouble(out: Float64Array, start: number, end: number): void {
    if (end - start >= WASM_MIN && isWasmBuffer(out.buffer) && this.#wasmFill(out.byteOffset + 8 * start, end - start, 1)) return;
    const mt = this.key;
    let pos = this.pos;
    for (let i = start; i < end; i++) {
      if (pos >= MT_N) {
        this.gen();
        pos = 0;
      }
      let y = mt[pos++];
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      if (pos >= MT_N) {
        this.gen();
        pos = 0;
      }
      let z = mt[pos++];
      z ^= z >>> 11;
      z ^= (z << 7) & 0x9d2c5680;
      z ^= (z << 15) & 0xefc60000;
      z ^= z >>> 18;
      out[i] = ((y >>> 5) * 67108864.0 + (z >>> 6)) * TWO_M53;
    }
    this.pos = pos;
  }

  /** The key and pos through the wasm state slot around one wasm fill of n outputs at addr. */
  #wasmFill(addr: number, n: number, asDouble: number): boolean {
    const w = mtWasm();
    if (!w) return false;
    const m = new Uint32Array(wasmMemory()!.buffer, w.state, MT_N + 1);
    m.set(this.key);
    m[MT_N] = this.pos;
    w.fill(w.state, addr, n, asDouble);
    this.key.set(m.subarray(0, MT_N));
    this.pos = m[MT_N];
    return true;
  }

  /** out[i] = nextUint32() for i in [start, end), in one loop over the key. */
  fillUint32(out: Uint32Array, start: number, end: number): void {
    if (end - start >= WASM_MIN && isWasmBuffer(out.buffer) && this.#wasmFill(out.byteOffset + 4 * start, end - start, 0)) return;
    const mt = this.key;
    let pos = this.pos;
    for (let i = start; i < end; ) {
      if (pos >= MT_N) {
        this.gen();
        pos = 0;
      }
      const stop = Math.min(end, i + (MT_N - pos));
      for (; i < stop; i++) {
        let y = mt[pos++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        out[i] = y;
      }
    }
    this.pos = pos;
  }
}
