/**
 * @file PCG64 (128-bit LCG, XSL-RR output) as NumPy's pcg64.h. The 128-bit state lives in four
 * 32-bit limbs and is multiplied in double arithmetic (32-bit limb x 16-bit multiplier digit
 * products are < 2**48, column sums < 2**51, so every step is exact): no BigInt and no
 * allocation per draw. BigInt is used only for seeding, advance and the state dict.
 */
import { Buffered64, TWO32, TWO_M53 } from "./bitgen.js";
import { isWasmBuffer, wasmAlloc, wasmFree } from "../wasm-memory.js";
import { memU32, pcgWasm } from "./pcg64-wasm.js";

/** raw draws made ahead in wasm per refill; the limbs then hold the state after the block */
const CACHE = 1024;
const cacheBlocks = new FinalizationRegistry<[number, number]>(([addr, size]) => wasmFree(addr, size));

const MASK128 = (1n << 128n) - 1n;
/** PCG_DEFAULT_MULTIPLIER_128 */
export const PCG_MULT = (2549297995355413924n << 64n) + 4865540595714422341n;
const md = (k: number) => Number((PCG_MULT >> BigInt(16 * k)) & 0xffffn);
const M0 = md(0), M1 = md(1), M2 = md(2), M3 = md(3), M4 = md(4), M5 = md(5), M6 = md(6), M7 = md(7);
const INV16 = 1 / 65536;

export class PCG64Core extends Buffered64 {
  /** state limbs, least significant first */
  s0 = 0; s1 = 0; s2 = 0; s3 = 0;
  /** increment as 16-bit digits (added into the product columns) */
  n0 = 0; n1 = 0; n2 = 0; n3 = 0; n4 = 0; n5 = 0; n6 = 0; n7 = 0;
  /** draws made ahead: [pos, count) of the block at cacheAddr are not consumed yet */
  #cacheAddr = -1;
  /** the block's words (a view made once: shared wasm memory never detaches it) */
  #cache: Uint32Array | null = null;
  #pos = 0;
  #count = 0;

  /** Put the limbs back to the state after the last consumed draw (NumPy's state). */
  #sync(): void {
    const ahead = this.#count - this.#pos;
    this.#pos = this.#count = 0;
    if (ahead > 0) this.#jump((1n << 128n) - BigInt(ahead));
  }

  get state128(): bigint {
    this.#sync();
    return this.#limbs();
  }
  #limbs(): bigint {
    return (BigInt(this.s3) << 96n) | (BigInt(this.s2) << 64n) | (BigInt(this.s1) << 32n) | BigInt(this.s0);
  }
  set state128(v: bigint) {
    this.#sync();
    v &= MASK128;
    this.s0 = Number(v & 0xffffffffn);
    this.s1 = Number((v >> 32n) & 0xffffffffn);
    this.s2 = Number((v >> 64n) & 0xffffffffn);
    this.s3 = Number((v >> 96n) & 0xffffffffn);
  }
  get inc128(): bigint {
    this.#sync();
    const d = [this.n0, this.n1, this.n2, this.n3, this.n4, this.n5, this.n6, this.n7];
    return d.reduceRight((acc, x) => (acc << 16n) | BigInt(x), 0n);
  }
  set inc128(v: bigint) {
    this.#sync();
    v &= MASK128;
    const d = (k: number) => Number((v >> BigInt(16 * k)) & 0xffffn);
    this.n0 = d(0); this.n1 = d(1); this.n2 = d(2); this.n3 = d(3);
    this.n4 = d(4); this.n5 = d(5); this.n6 = d(6); this.n7 = d(7);
  }

  /** pcg_setseq_128_srandom_r */
  seed(initstate: bigint, initseq: bigint): void {
    this.state128 = 0n;
    this.inc128 = (initseq << 1n) | 1n;
    this.step();
    this.state128 = this.state128 + initstate;
    this.step();
    this.hasUint32 = 0;
    this.uinteger = 0;
  }

  /** state = state * MULT + inc (mod 2**128), in 16-bit columns */
  step(): void {
    const s0 = this.s0, s1 = this.s1, s2 = this.s2, s3 = this.s3;
    let c = s0 * M0 + this.n0;
    let q = Math.floor(c * INV16);
    const r0 = c - q * 65536;
    c = s0 * M1 + this.n1 + q;
    q = Math.floor(c * INV16);
    const r1 = c - q * 65536;
    c = s0 * M2 + s1 * M0 + this.n2 + q;
    q = Math.floor(c * INV16);
    const r2 = c - q * 65536;
    c = s0 * M3 + s1 * M1 + this.n3 + q;
    q = Math.floor(c * INV16);
    const r3 = c - q * 65536;
    c = s0 * M4 + s1 * M2 + s2 * M0 + this.n4 + q;
    q = Math.floor(c * INV16);
    const r4 = c - q * 65536;
    c = s0 * M5 + s1 * M3 + s2 * M1 + this.n5 + q;
    q = Math.floor(c * INV16);
    const r5 = c - q * 65536;
    c = s0 * M6 + s1 * M4 + s2 * M2 + s3 * M0 + this.n6 + q;
    q = Math.floor(c * INV16);
    const r6 = c - q * 65536;
    c = s0 * M7 + s1 * M5 + s2 * M3 + s3 * M1 + this.n7 + q;
    q = Math.floor(c * INV16);
    const r7 = c - q * 65536;
    this.s0 = r0 + r1 * 65536;
    this.s1 = r2 + r3 * 65536;
    this.s2 = r4 + r5 * 65536;
    this.s3 = r6 + r7 * 65536;
  }

  /** pcg64_random_r: step, then XSL-RR of the new state into hi/lo */
  next64(): void {
    if (this.#pos < this.#count || this.#refill()) {
      const w = 2 * this.#pos++;
      this.lo = this.#cache![w];
      this.hi = this.#cache![w + 1];
      return;
    }
    this.step();
    const s3 = this.s3;
    const xh = (s3 ^ this.s1) >>> 0, xl = (this.s2 ^ this.s0) >>> 0;
    let rot = s3 >>> 26;
    let h = xh, l = xl;
    if (rot >= 32) {
      h = xl;
      l = xh;
      rot -= 32;
    }
    if (rot === 0) {
      this.hi = h;
      this.lo = l;
    } else {
      this.hi = ((h >>> rot) | (l << (32 - rot))) >>> 0;
      this.lo = ((l >>> rot) | (h << (32 - rot))) >>> 0;
    }
  }

  /** Limbs to the wasm state slot and back around one wasm fill of `n` draws at `addr`. */
  #wasmFill(addr: number, n: number, asDouble: number): boolean {
    const w = pcgWasm();
    if (!w) return false;
    const m = memU32(), st = w.state >>> 2;
    m[st] = this.s0; m[st + 1] = this.s1; m[st + 2] = this.s2; m[st + 3] = this.s3;
    m[st + 4] = this.n0 + this.n1 * 65536; m[st + 5] = this.n2 + this.n3 * 65536;
    m[st + 6] = this.n4 + this.n5 * 65536; m[st + 7] = this.n6 + this.n7 * 65536;
    w.fill(w.state, addr, n, asDouble);
    const m2 = memU32();
    this.s0 = m2[st]; this.s1 = m2[st + 1]; this.s2 = m2[st + 2]; this.s3 = m2[st + 3];
    return true;
  }

  #refill(): boolean {
    if (this.#cacheAddr < 0) {
      if (!pcgWasm()) return false;
      const block = wasmAlloc(CACHE * 8);
      if (!block) return false;
      this.#cacheAddr = block[0];
      this.#cache = new Uint32Array(memU32().buffer, block[0], 2 * CACHE);
      cacheBlocks.register(this, block);
    }
    if (!this.#wasmFill(this.#cacheAddr, CACHE, 0)) return false;
    this.#pos = 0;
    this.#count = CACHE;
    return true;
  }

  override fillDouble(out: Float64Array, start: number, end: number): void {
    // the draws made ahead come first, then the rest straight into the output
    let i = start;
    for (; i < end && this.#pos < this.#count; i++) {
      this.next64();
      out[i] = (this.hi * 2097152 + (this.lo >>> 11)) * TWO_M53;
    }
    if (i < end && isWasmBuffer(out.buffer) && this.#wasmFill(out.byteOffset + 8 * i, end - i, 1)) return;
    for (; i < end; i++) {
      this.next64();
      out[i] = (this.hi * 2097152 + (this.lo >>> 11)) * TWO_M53;
    }
  }

  /**
   * out[i] = nextUint32() for i in [start, end): the buffered upper half first, then whole 64-bit
   * draws, whose little-endian words are exactly the (lo, hi) order nextUint32 hands them out in,
   * so the wasm fill writes them straight into `out` when it lives in wasm memory.
   */
  fillUint32(out: Uint32Array, start: number, end: number): void {
    let i = start;
    if (i < end && this.hasUint32) {
      out[i++] = this.uinteger;
      this.hasUint32 = 0; // pcg64_next32 leaves uinteger as it was
    }
    for (; i + 1 < end && this.#pos < this.#count; i += 2) {
      const w = 2 * this.#pos++;
      out[i] = this.#cache![w];
      out[i + 1] = this.#cache![w + 1];
    }
    const pairs = (end - i) >> 1;
    if (pairs > 0 && !(this.#pos < this.#count) && isWasmBuffer(out.buffer) && this.#wasmFill(out.byteOffset + 4 * i, pairs, 0)) i += 2 * pairs;
    for (; i + 1 < end; i += 2) {
      this.next64();
      out[i] = this.lo;
      out[i + 1] = this.hi;
    }
    // pcg64_next32 leaves each pair's upper half in uinteger (stale once handed out): the state shows it
    if (i > start) this.uinteger = out[i - 1];
    if (i < end) out[i] = this.nextUint32();
  }

  /** pcg_advance_lcg_128 by delta (mod 2**128); NumPy resets the buffered uint32 */
  advance(delta: bigint): void {
    this.#sync();
    this.#jump(delta);
    this.hasUint32 = 0;
    this.uinteger = 0;
  }

  /** state = MULT**delta * state + (the matching increment sum), by squaring (pcg_advance_lcg_128) */
  #jump(delta: bigint): void {
    delta &= MASK128;
    let accMult = 1n, accPlus = 0n, curMult = PCG_MULT, curPlus = this.inc128;
    while (delta > 0n) {
      if (delta & 1n) {
        accMult = (accMult * curMult) & MASK128;
        accPlus = (accPlus * curMult + curPlus) & MASK128;
      }
      curPlus = ((curMult + 1n) * curPlus) & MASK128;
      curMult = (curMult * curMult) & MASK128;
      delta >>= 1n;
    }
    const v = (accMult * this.#limbs() + accPlus) & MASK128;
    this.s0 = Number(v & 0xffffffffn);
    this.s1 = Number((v >> 32n) & 0xffffffffn);
    this.s2 = Number((v >> 64n) & 0xffffffffn);
    this.s3 = Number((v >> 96n) & 0xffffffffn);
  }
}

export { TWO32 };
