/**
 * @file The rejection step of bounded integers (rng < 2**32) in WebAssembly: a block of raw
 * nextUint32 words in wasm memory becomes off + value for every accepted word (Lemire's
 * 64-bit product test, the masked test, or every word), stored as int64 or 32-bit lanes.
 * JavaScript scalar stores are the cost of this loop; bounded-fast.ts keeps the same bits in JS.
 */
import { FnBuilder, I32, OP, i32const, moduleBytes, type ValType } from "../../compiler/render/wasm-asm.js";
import { wasmMemory } from "../wasm-memory.js";
import { randomWasm } from "./pcg64-wasm.js";

const I64 = 0x7e as ValType;
const X = {
  i32Load: 0x28, i32Store: 0x36, i64Store: 0x37, i32WrapI64: 0xa7, i64ExtendI32U: 0xad, i64Mul: 0x7e, i64ShrU: 0x88,
  i64Or: 0x84, i64Shl: 0x86, i64Add: 0x7c,
};

export const Mode = { Lemire: 0, Masked: 1, Full: 2 } as const;
export type Mode = 0 | 1 | 2;

/**
 * k(src, n, out, a, b, offLo, offHi) -> accepted count. Lemire: a = excl, b = threshold (accept when
 * x * excl mod 2**32 >= threshold, value = x * excl >> 32); Masked: a = rng, b = mask (value = x & mask,
 * accept when <= rng); Full: every word.
 */
function build(mode: Mode, wide: boolean): Uint8Array {
  const fb = new FnBuilder([I32, I32, I32, I32, I32, I32, I32], [I32]);
  const [src, n, out, a, b, offLo, offHi] = [0, 1, 2, 3, 4, 5, 6];
  const end = fb.local(I32), cnt = fb.local(I32), x = fb.local(I32), m = fb.local(I64), v = fb.local(I64), off = fb.local(I64), ea = fb.local(I64);
  fb.get(offLo).emit(X.i64ExtendI32U).get(offHi).emit(X.i64ExtendI32U, OP.i64Const, 32, X.i64Shl, X.i64Or).set(off);
  fb.get(a).emit(X.i64ExtendI32U).set(ea);
  fb.get(src).get(n).emit(OP.i32Const, 2, 0x74 /* i32.shl */, OP.i32Add).set(end);
  fb.emit(...i32const(0)).set(cnt);
  fb.emit(OP.block, 0x40, OP.loop, 0x40);
  fb.get(src).get(end).emit(OP.i32GeU, OP.brIf, 1);
  fb.emit(OP.block, 0x40);
  fb.get(src).emit(X.i32Load, 2, 0).set(x);
  fb.addTo(src, 4);
  if (mode === Mode.Lemire) {
    fb.get(x).emit(X.i64ExtendI32U).get(ea).emit(X.i64Mul).set(m);
    fb.get(m).emit(X.i32WrapI64).get(b).emit(OP.i32LtU, OP.brIf, 0);
    fb.get(m).emit(OP.i64Const, 32, X.i64ShrU).set(v);
  } else if (mode === Mode.Masked) {
    fb.get(x).get(b).emit(OP.i32And).set(x);
    fb.get(x).get(a).emit(OP.i32GtU, OP.brIf, 0);
    fb.get(x).emit(X.i64ExtendI32U).set(v);
  } else {
    fb.get(x).emit(X.i64ExtendI32U).set(v);
  }
  if (wide) {
    fb.get(out).get(off).get(v).emit(X.i64Add, X.i64Store, 3, 0);
    fb.addTo(out, 8);
  } else {
    fb.get(out).get(off).get(v).emit(X.i64Add, X.i32WrapI64, X.i32Store, 2, 0);
    fb.addTo(out, 4);
  }
  fb.addTo(cnt, 1);
  fb.emit(OP.end); // the skip block: a rejected word lands here
  fb.emit(OP.br, 0, OP.end, OP.end);
  fb.get(cnt);
  return moduleBytes([fb]);
}

export type BoundedKernel = (src: number, n: number, out: number, a: number, b: number, offLo: number, offHi: number) => number;
const kernels = new Map<number, BoundedKernel | null>();

/** The kernel for (mode, wide), or null without wasm memory (or with the switch off). */
export function boundedKernel(mode: Mode, wide: boolean): BoundedKernel | null {
  if (!randomWasm.enabled) return null;
  const key = mode * 2 + (wide ? 1 : 0);
  let k = kernels.get(key);
  if (k === undefined) {
    const mem = wasmMemory();
    k = mem ? (new WebAssembly.Instance(new WebAssembly.Module(build(mode, wide)), { m: { mem } }).exports.k as BoundedKernel) : null;
    kernels.set(key, k);
  }
  return k;
}
