/**
 * @file PCG64's hot loop in WebAssembly: 64-bit integer steps of the 128-bit LCG (pcg64.h's
 * pcg_setseq_128_xsl_rr_64), filling blocks of raw draws or doubles in the shared wasm memory.
 * Same bits as the JS limb arithmetic in pcg64.ts, which stays the fallback.
 */
import { FnBuilder, I32, OP, i32const, i64const, moduleBytes, uleb, type ValType } from "../../compiler/render/wasm-asm.js";
import { wasmAlloc, wasmMemory } from "../wasm-memory.js";

const I64 = 0x7e as ValType;
const OP64 = {
  load: 0x29, store: 0x37, add: 0x7c, mul: 0x7e, and: 0x83, xor: 0x85, shrU: 0x88, rotr: 0x8a, ltU: 0x54,
  extendI32U: 0xad, f64ConvertI64U: 0xba,
};
const MULT_LO = 4865540595714422341n;
const MULT_HI = 2549297995355413924n;


/** k(state, out, n, asDouble): state = [s_lo, s_hi, inc_lo, inc_hi] as i64 at `state`. */
function build(): Uint8Array {
  const fb = new FnBuilder([I32, I32, I32, I32], []);
  const [st, out, n, asDouble] = [0, 1, 2, 3];
  const sLo = fb.local(I64), sHi = fb.local(I64), iLo = fb.local(I64), iHi = fb.local(I64);
  const a0 = fb.local(I64), a1 = fb.local(I64), p01 = fb.local(I64), p10 = fb.local(I64), mid = fb.local(I64);
  const nLo = fb.local(I64), nHi = fb.local(I64), x = fb.local(I64), i = fb.local(I32);
  const M32 = 0xffffffffn;
  const load = (off: number, to: number) => fb.get(st).emit(OP64.load, 3, ...uleb(off)).set(to);
  load(0, sLo); load(8, sHi); load(16, iLo); load(24, iHi);
  fb.emit(...i32const(0)).set(i);
  fb.emit(OP.block, 0x40, OP.loop, 0x40);
  fb.get(i).get(n).emit(OP.i32GeU, OP.brIf, 1);
  // hi 64 bits of sLo * MULT_LO through 32-bit halves
  fb.get(sLo).emit(...i64const(M32), OP64.and).set(a0);
  fb.get(sLo).emit(...i64const(32n), OP64.shrU).set(a1);
  const b0 = MULT_LO & M32, b1 = MULT_LO >> 32n;
  fb.get(a0).emit(...i64const(b1), OP64.mul).set(p01);
  fb.get(a1).emit(...i64const(b0), OP64.mul).set(p10);
  fb.get(a0).emit(...i64const(b0), OP64.mul, ...i64const(32n), OP64.shrU);
  fb.get(p01).emit(...i64const(M32), OP64.and, OP64.add);
  fb.get(p10).emit(...i64const(M32), OP64.and, OP64.add).set(mid);
  fb.get(a1).emit(...i64const(b1), OP64.mul);
  fb.get(p01).emit(...i64const(32n), OP64.shrU, OP64.add);
  fb.get(p10).emit(...i64const(32n), OP64.shrU, OP64.add);
  fb.get(mid).emit(...i64const(32n), OP64.shrU, OP64.add);
  // + sLo * MULT_HI + sHi * MULT_LO (mod 2**64)
  fb.get(sLo).emit(...i64const(MULT_HI), OP64.mul, OP64.add);
  fb.get(sHi).emit(...i64const(MULT_LO), OP64.mul, OP64.add).set(nHi);
  fb.get(sLo).emit(...i64const(MULT_LO), OP64.mul).set(nLo);
  // + inc, carrying out of the low word
  fb.get(nLo).get(iLo).emit(OP64.add).set(sLo);
  fb.get(nHi).get(iHi).emit(OP64.add).get(sLo).get(nLo).emit(OP64.ltU, OP64.extendI32U, OP64.add).set(sHi);
  // XSL-RR: rotr(hi ^ lo, hi >> 58)
  fb.get(sHi).get(sLo).emit(OP64.xor).get(sHi).emit(...i64const(58n), OP64.shrU, OP64.rotr).set(x);
  fb.get(asDouble).emit(OP.if, 0x40);
  fb.get(out).get(x).emit(...i64const(11n), OP64.shrU, OP64.f64ConvertI64U, 0x44, ...new Uint8Array(new Float64Array([2 ** -53]).buffer), 0xa2, 0x39, 3, 0);
  fb.emit(OP.else);
  fb.get(out).get(x).emit(OP64.store, 3, 0);
  fb.emit(OP.end);
  fb.addTo(out, 8).addTo(i, 1);
  fb.emit(OP.br, 0, OP.end, OP.end);
  const store = (off: number, from: number) => fb.get(st).get(from).emit(OP64.store, 3, ...uleb(off));
  store(0, sLo); store(8, sHi);
  return moduleBytes([fb]);
}

let kernel: ((st: number, out: number, n: number, asDouble: number) => void) | null | undefined;
let scratch = -1;

/** Tests turn this off to run the JS fallbacks of the random fills in a process that has wasm. */
export const randomWasm = { enabled: true };

/** The wasm fill and a 32-byte state slot, or null where wasm memory is unavailable. */
export function pcgWasm(): { fill: (st: number, out: number, n: number, asDouble: number) => void; state: number } | null {
  if (!randomWasm.enabled) return null;
  if (kernel === undefined) {
    const mem = wasmMemory();
    const slot = mem ? wasmAlloc(32) : null;
    if (!mem || !slot) kernel = null;
    else {
      scratch = slot[0];
      const inst = new WebAssembly.Instance(new WebAssembly.Module(build()), { m: { mem } });
      kernel = inst.exports.k as (st: number, out: number, n: number, asDouble: number) => void;
    }
  }
  return kernel ? { fill: kernel, state: scratch } : null;
}

/** A Uint32Array over the current wasm memory (refreshed after growth). */
export function memU32(): Uint32Array {
  const buf = wasmMemory()!.buffer;
  if (!view || view.buffer !== buf) view = new Uint32Array(buf);
  return view;
}
let view: Uint32Array | null = null;
