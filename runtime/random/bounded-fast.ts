/** @file Block paths for bounded integers with rng < 2**32: raw uint32 draws pulled in blocks from the generator, then Lemire's or the masked rejection in one tight loop, drawing no word NumPy would not. */
import type { RawBitGen } from "./bitgen.js";
import { mulhi32 } from "./u64.js";
import { isWasmBuffer, wasmAlloc, wasmMemory } from "../wasm-memory.js";
import { Mode, boundedKernel } from "./bounded-wasm.js";

type Lanes = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

/** A generator that can hand out a run of its nextUint32 stream at once. */
interface Uint32Blocks {
  fillUint32(out: Uint32Array, start: number, end: number): void;
}

const BLOCK = 8192;
let scratch: Uint32Array | null = null;

/** One scratch block, in wasm memory when there is one, so PCG64's wasm fill writes into it directly (a shared memory's buffers never detach). */
function block(): Uint32Array {
  if (scratch) return scratch;
  const b = wasmAlloc(4 * BLOCK);
  scratch = b ? new Uint32Array(wasmMemory()!.buffer, b[0], BLOCK) : new Uint32Array(BLOCK);
  return scratch;
}

/** Both the scratch words and the output in wasm memory: the wasm kernels can take the block. */
function viaWasm(buf: Uint32Array, out: Lanes): boolean {
  return isWasmBuffer(buf.buffer) && isWasmBuffer(out.buffer);
}

/** buf[0..n) = the next n nextUint32 draws. */
function draw(bg: RawBitGen, buf: Uint32Array, n: number): void {
  const f = (bg as unknown as Partial<Uint32Blocks>).fillUint32;
  if (f) f.call(bg, buf, 0, n);
  else for (let i = 0; i < n; i++) buf[i] = bg.nextUint32();
}

/**
 * Draws in [0, rng] for 0 < rng < 2**32 - 1 (Lemire's buffered_bounded_lemire_uint32, or the masked
 * rejection when `masked`), stored as `off + draw`: into out[i] when `wide` is false (the typed-array
 * store wraps as C's unsigned arithmetic), or as the (lo, hi) words of a 64-bit value (off = offHi * 2**32 + offLo).
 * Each block asks for at most as many words as values still missing, so the generator never runs ahead.
 */
export function bounded32Block(bg: RawBitGen, rng: number, masked: boolean, out: Lanes, n: number, wide: boolean, offLo: number, offHi: number): void {
  const buf = block();
  const excl = rng + 1;
  // Lemire accepts x iff (x * excl mod 2**32) >= 2**32 mod excl (NumPy's leftover < threshold redraw)
  const threshold = (4294967296 - excl) % excl;
  const mask = masked ? genMask32(rng) : 0;
  const k = viaWasm(buf, out) ? boundedKernel(masked ? Mode.Masked : Mode.Lemire, wide) : null;
  if (k) {
    const step = wide ? 8 : 4;
    for (let i = 0; i < n; ) {
      const want = Math.min(n - i, BLOCK);
      draw(bg, buf, want);
      i += masked ? k(buf.byteOffset, want, out.byteOffset + step * i, rng, mask, offLo, offHi) : k(buf.byteOffset, want, out.byteOffset + step * i, excl, threshold, offLo, offHi);
    }
    return;
  }
  // below 2**21, x * excl < 2**53 is exact in a double
  const small = excl <= 2097152;
  let i = 0;
  while (i < n) {
    const want = Math.min(n - i, BLOCK);
    draw(bg, buf, want);
    for (let k = 0; k < want; k++) {
      const x = buf[k];
      let v: number;
      if (masked) {
        v = (x & mask) >>> 0;
        if (v > rng) continue;
      } else {
        const leftover = Math.imul(x, excl) >>> 0;
        if (leftover < threshold) continue;
        v = small ? (x * excl - leftover) * 2.3283064365386963e-10 : mulhi32(x, excl);
      }
      if (wide) {
        const l = offLo + v;
        out[2 * i] = l;
        out[2 * i + 1] = l >= 4294967296 ? offHi + 1 : offHi;
      } else out[i] = offLo + v;
      i++;
    }
  }
}

/** The smallest 2**k - 1 >= max (NumPy's gen_mask), for max < 2**32. */
export function genMask32(max: number): number {
  let m = max >>> 0;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

/** out[i] = off + the next nextUint32 draw (rng = 2**32 - 1: every word is a value). */
export function full32Block(bg: RawBitGen, out: Lanes, n: number, wide: boolean, offLo: number, offHi: number): void {
  const buf = block();
  const k = viaWasm(buf, out) ? boundedKernel(Mode.Full, wide) : null;
  if (k) {
    for (let i = 0; i < n; ) {
      const want = Math.min(n - i, BLOCK);
      draw(bg, buf, want);
      i += k(buf.byteOffset, want, out.byteOffset + (wide ? 8 : 4) * i, 0, 0, offLo, offHi);
    }
    return;
  }
  for (let i = 0; i < n; ) {
    const want = Math.min(n - i, BLOCK);
    draw(bg, buf, want);
    for (let k = 0; k < want; k++, i++) {
      if (wide) {
        const l = offLo + buf[k];
        out[2 * i] = l;
        out[2 * i + 1] = l >= 4294967296 ? offHi + 1 : offHi;
      } else out[i] = offLo + buf[k];
    }
  }
}
